package io.renlayer.engine.dlp;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.renlayer.engine.dlp.Prefilter.Anchor.DIGIT_RUN;

/**
 * Phone numbers in the shapes people write them: international ({@code +} then 8–15 digits, E.164, optionally
 * grouped with spaces, dots, dashes or one parenthesised group), North American ({@code (415) 555-2671},
 * {@code 415-555-2671}) and trunk-prefixed national ({@code 020 7946 0958}). Plain digit runs are left alone:
 * they are far more often ids, amounts or card numbers.
 */
final class PhoneDetector implements TextDetector {

    private static final int MIN_INTERNATIONAL_DIGITS = 8;
    private static final int MAX_INTERNATIONAL_DIGITS = 15;
    /** At least the most read from a start: a {@code +}, 16 digits, separators, parentheses, what follows. */
    private static final int READ_AT_MOST = 40;

    // Fixed-width groups only, so a failed attempt costs a handful of steps.
    private static final Pattern NATIONAL = Pattern.compile(
            "(?:\\([2-9]\\d{2}\\) ?|[2-9]\\d{2}[-. ])[2-9]\\d{2}[-. ]\\d{4}|0\\d{2,4}[ -]\\d{3,4}[ -]\\d{3,4}");

    @Override
    public Set<Prefilter.Anchor> anchors() {
        return Set.of(DIGIT_RUN);
    }

    @Override
    public void detect(ScanText text, MatchSink sink) {
        String s = text.text();
        Prefilter anchors = text.prefilter();
        Matcher national = null;
        int consumedUntil = 0;
        for (int r = 0; r < anchors.count(DIGIT_RUN); r++) {
            int run = anchors.at(DIGIT_RUN, r);
            char before = run > 0 ? s.charAt(run - 1) : ' ';
            int start = before == '+' || before == '(' ? run - 1 : run;
            if (start < consumedUntil || !Chars.isNumberBoundaryBefore(s, start)) {
                continue;
            }
            int end;
            if (before == '+') {
                end = internationalEnd(s, run);
            } else if (!mayBeNational(s, run)) {
                continue;
            } else {
                if (national == null) {
                    national = NATIONAL.matcher(s);
                }
                national.region(start, s.length());
                end = national.lookingAt() ? national.end() : -1;
            }
            if (end > 0 && Chars.isNumberBoundaryAfter(s, end)) {
                sink.match(start, end);
                consumedUntil = end;
            }
        }
    }

    @Override
    public int holdFrom(ScanText text) {
        return TrailingRun.firstStart(text.text(), READ_AT_MOST, Chars::mayContinueNumber,
                c -> Chars.isDigit(c) || c == '+' || c == '(');
    }

    /** Cheap reject before the regex: national shapes begin with a group of exactly three digits, or a trunk 0. */
    private static boolean mayBeNational(String s, int run) {
        int end = run;
        while (end < s.length() && end - run < 6 && Chars.isDigit(s.charAt(end))) {
            end++;
        }
        int length = end - run;
        return length == 3 || (s.charAt(run) == '0' && length >= 3 && length <= 5);
    }

    /** End of the digits after a {@code +} at {@code run - 1}, or -1 when they are not a plausible number. */
    private static int internationalEnd(String s, int run) {
        if (s.charAt(run) == '0') {
            return -1;
        }
        int digits = 0;
        int end = -1;
        boolean inParentheses = false;
        boolean parenthesesUsed = false;
        int pos = run;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            char next = pos + 1 < s.length() ? s.charAt(pos + 1) : 0;
            if (Chars.isDigit(c)) {
                if (++digits > MAX_INTERNATIONAL_DIGITS) {
                    return -1;
                }
                end = pos + 1;
            } else if (c == '(' && !parenthesesUsed && Chars.isDigit(next)
                    && (pos == end || isSeparator(s.charAt(pos - 1)))) {
                inParentheses = true;
                parenthesesUsed = true;
            } else if (c == ')' && inParentheses && pos == end) {
                inParentheses = false;
            } else if (!(isSeparator(c) && !inParentheses && (Chars.isDigit(next) || next == '(')
                    && (pos == end || s.charAt(pos - 1) == ')'))) {
                break;
            }
            pos++;
        }
        return !inParentheses && digits >= MIN_INTERNATIONAL_DIGITS ? end : -1;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.';
    }
}
