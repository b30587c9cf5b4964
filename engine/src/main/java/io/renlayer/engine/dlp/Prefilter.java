package io.renlayer.engine.dlp;

import java.util.Arrays;
import java.util.Set;

/**
 * Where in a text each built-in detector could match, found in one pass over its bytes, so the detectors check
 * only those places instead of each making its own passes. Every match of a built-in detector begins at, or
 * grows from, one of these anchors; the pass looks at each byte once, with one lookup in a table of character
 * pairs, so its cost does not grow with the number of detectors or literals.
 */
final class Prefilter {

    /** The kinds of places a match can start from. */
    enum Anchor {
        /** The first digit of each maximal run of ASCII digits (cards, IBANs, SSNs, phones, IPv4). */
        DIGIT_RUN,
        /** Each {@code @} (emails). */
        AT_SIGN,
        /** Each {@code :} (IPv6). */
        COLON,
        /** Where a token literal such as {@code AKIA} or {@code -----BEGIN } starts. */
        LITERAL,
        /** Where a secret keyword such as {@code password} starts, in any case. */
        KEYWORD
    }

    private static final Anchor[] ANCHORS = Anchor.values();
    private static final AnchoredWords LITERALS = AnchoredWords.literals(DetectorCatalogue.literals());
    /**
     * Per (previous byte, byte) pair, a bit per anchor that the pair marks: a digit after a non-digit, an
     * {@code @} or {@code :} after anything, and the anchor pairs of literals and keywords, which are then
     * compared whole, once for all detectors.
     */
    private static final byte[] ANCHORS_BY_PAIR = pairTable(LITERALS, GenericSecretDetector.KEYWORDS);

    private final int[][] positions = new int[ANCHORS.length][];
    private final int[] counts = new int[ANCHORS.length];
    /** A bit per anchor kind found at least once. */
    private int present;
    private final int from;

    private Prefilter(int from) {
        this.from = from;
    }

    /**
     * @param text one byte per character (see {@link ScanText#bytes()})
     * @param from where anchors may start; the characters before are only context
     */
    static Prefilter scan(byte[] text, int from) {
        Prefilter found = new Prefilter(from);
        int previous = from > 0 && from <= text.length ? text[from - 1] & 0xFF : 0;
        for (int i = from; i < text.length; i++) {
            int current = text[i] & 0xFF;
            int anchors = ANCHORS_BY_PAIR[previous << 8 | current];
            previous = current;
            if (anchors != 0) {
                found.record(anchors, text, i);
            }
        }
        return found;
    }

    int present() {
        return present;
    }

    static int mask(Set<Anchor> anchors) {
        return anchors.stream().mapToInt(anchor -> 1 << anchor.ordinal()).reduce(0, (a, b) -> a | b);
    }

    int count(Anchor anchor) {
        return counts[anchor.ordinal()];
    }

    /** The offset of the {@code index}-th anchor of this kind; offsets ascend. */
    int at(Anchor anchor, int index) {
        return positions[anchor.ordinal()][index];
    }

    private void record(int anchors, byte[] text, int pairEnd) {
        for (int bits = anchors; bits != 0; bits &= bits - 1) {
            int kind = Integer.numberOfTrailingZeros(bits);
            if (kind == Anchor.LITERAL.ordinal() || kind == Anchor.KEYWORD.ordinal()) {
                AnchoredWords words = kind == Anchor.LITERAL.ordinal() ? LITERALS : GenericSecretDetector.KEYWORDS;
                AnchoredWords.Word word = words.anchoredAt(text, pairEnd - 1);
                if (word != null) {
                    add(kind, pairEnd - 1 - word.anchorOffset());
                }
            } else {
                add(kind, pairEnd);
            }
        }
    }

    private void add(int kind, int at) {
        if (at < from) {
            return;
        }
        if (positions[kind] == null) {
            positions[kind] = new int[16];
        } else if (counts[kind] == positions[kind].length) {
            positions[kind] = Arrays.copyOf(positions[kind], counts[kind] * 2);
        }
        // Words are recorded when their anchor is seen, which is not always their start: keep starts in order.
        int i = counts[kind]++;
        while (i > 0 && positions[kind][i - 1] > at) {
            positions[kind][i] = positions[kind][i - 1];
            i--;
        }
        positions[kind][i] = at;
        present |= 1 << kind;
    }

    private static byte[] pairTable(AnchoredWords literals, AnchoredWords keywords) {
        byte[] table = new byte[1 << 16];
        for (int previous = 0; previous < 256; previous++) {
            for (char digit = '0'; digit <= '9'; digit++) {
                if (!Chars.isDigit((char) previous)) {
                    mark(table, previous, digit, Anchor.DIGIT_RUN);
                }
            }
            mark(table, previous, '@', Anchor.AT_SIGN);
            mark(table, previous, ':', Anchor.COLON);
        }
        for (AnchoredWords.Word literal : literals.all()) {
            mark(table, literal.anchor().charAt(0), literal.anchor().charAt(1), Anchor.LITERAL);
        }
        for (AnchoredWords.Word keyword : keywords.all()) {
            for (char first : bothCases(keyword.anchor().charAt(0))) {
                for (char second : bothCases(keyword.anchor().charAt(1))) {
                    mark(table, first, second, Anchor.KEYWORD);
                }
            }
        }
        return table;
    }

    private static void mark(byte[] table, int previous, int current, Anchor anchor) {
        table[previous << 8 | current] |= (byte) (1 << anchor.ordinal());
    }

    private static char[] bothCases(char c) {
        return new char[] {Character.toLowerCase(c), Character.toUpperCase(c)};
    }
}
