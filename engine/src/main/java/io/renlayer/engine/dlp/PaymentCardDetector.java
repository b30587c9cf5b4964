package io.renlayer.engine.dlp;

import java.util.Set;

import static io.renlayer.engine.dlp.Prefilter.Anchor.DIGIT_RUN;

/**
 * Payment card numbers: 13–19 digits, starting with a major network's leading digit (2–6) and carrying a valid
 * Luhn check digit. Written as one run, or grouped the way cards are printed (single spaces or dashes, a first
 * group of four, inner groups of four to six), so a hex dump's {@code 66 68 71 77 …} is not a card. A 20-digit
 * run is an id, not a card.
 */
final class PaymentCardDetector implements TextDetector {

    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;
    /** Up to 19 digits, a separator between each two, and the two characters that show where the number ends. */
    private static final int READ_AT_MOST = 2 * MAX_DIGITS + 2;

    @Override
    public Set<Prefilter.Anchor> anchors() {
        return Set.of(DIGIT_RUN);
    }

    @Override
    public void detect(ScanText text, MatchSink sink) {
        String s = text.text();
        Prefilter anchors = text.prefilter();
        int consumedUntil = 0;
        for (int r = 0; r < anchors.count(DIGIT_RUN); r++) {
            int start = anchors.at(DIGIT_RUN, r);
            if (start < consumedUntil || !Chars.isNumberBoundaryBefore(s, start) || !mayReachMinimum(s, start)) {
                continue;
            }
            int end = longestCardEnd(s, start);
            if (end > 0) {
                sink.match(start, end);
                consumedUntil = end;
            }
        }
    }

    @Override
    public int holdFrom(ScanText text) {
        return TrailingRun.firstStart(text.text(), READ_AT_MOST, Chars::mayContinueNumber, Chars::isDigit);
    }

    /** Cheap reject for the common case (a short number in prose) before allocating anything. */
    private static boolean mayReachMinimum(String s, int start) {
        int pos = start;
        while (pos < s.length() && Chars.isDigit(s.charAt(pos))) {
            pos++;
        }
        return pos - start >= MIN_DIGITS || isGroupSeparatorAt(s, pos);
    }

    private static boolean isGroupSeparatorAt(String s, int pos) {
        return pos + 1 < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '-')
                && Chars.isDigit(s.charAt(pos + 1));
    }

    /**
     * Reads digit groups from {@code start}, then tries the group-aligned prefixes longest first, so a trailing
     * group that is not part of the card (a quantity, a year) does not hide it. Returns the card's end or -1.
     */
    private static int longestCardEnd(String s, int start) {
        int[] digits = new int[MAX_DIGITS];
        int[] groupEnds = new int[MAX_DIGITS];
        int[] digitsAtGroupEnd = new int[MAX_DIGITS];
        int count = 0;
        int groups = 0;
        int pos = start;
        boolean overflow = false;
        while (!overflow) {
            while (pos < s.length() && Chars.isDigit(s.charAt(pos))) {
                if (count == MAX_DIGITS) {
                    overflow = true;
                    break;
                }
                digits[count++] = s.charAt(pos++) - '0';
            }
            if (overflow) {
                break;
            }
            groupEnds[groups] = pos;
            digitsAtGroupEnd[groups++] = count;
            if (!isGroupSeparatorAt(s, pos)) {
                break;
            }
            pos++;
        }
        for (int g = groups - 1; g >= 0 && digitsAtGroupEnd[g] >= MIN_DIGITS; g--) {
            boolean endsTheRun = g == groups - 1 && !overflow;
            if (endsTheRun && !Chars.isNumberBoundaryAfter(s, groupEnds[g])) {
                continue;
            }
            if (isPrintedLikeACard(digitsAtGroupEnd, g) && isCardNumber(digits, digitsAtGroupEnd[g])) {
                return groupEnds[g];
            }
        }
        return -1;
    }

    /** Groups {@code 0..last}: one ungrouped run, or a first group of 4 and inner groups of 4–6 digits. */
    private static boolean isPrintedLikeACard(int[] digitsAtGroupEnd, int last) {
        if (last == 0) {
            return true;
        }
        if (digitsAtGroupEnd[0] != 4) {
            return false;
        }
        for (int g = 1; g < last; g++) {
            int size = digitsAtGroupEnd[g] - digitsAtGroupEnd[g - 1];
            if (size < 4 || size > 6) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCardNumber(int[] digits, int length) {
        return digits[0] >= 2 && digits[0] <= 6 && luhnValid(digits, length);
    }

    static boolean luhnValid(int[] digits, int length) {
        int sum = 0;
        boolean doubled = false;
        for (int i = length - 1; i >= 0; i--) {
            int d = digits[i];
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
