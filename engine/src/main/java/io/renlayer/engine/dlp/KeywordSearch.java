package io.renlayer.engine.dlp;

import java.util.Arrays;
import java.util.List;

/**
 * Finds any of a few ASCII keywords, case-insensitively, in a one-byte-per-character text. Wu–Manber style: it
 * reads the last two characters of a window as long as the shortest keyword; when they occur in no keyword's
 * prefix it skips ahead by up to that length minus one, and when they end one it verifies only the keywords
 * ending so. On prose this costs a fraction of a comparison per byte.
 */
final class KeywordSearch {

    private final byte[][] keywords;
    private final int window;
    private final byte[] shiftByPair = new byte[1 << 14];
    /** Per pair, a bit per keyword whose window-length prefix ends with that pair. */
    private final short[] keywordsEndingWith = new short[1 << 14];

    /** @param keywords lower-case ASCII, two or more characters each, at most 16; earlier ones win at one start */
    KeywordSearch(List<String> keywords) {
        this.keywords = keywords.stream().map(String::getBytes).toArray(byte[][]::new);
        this.window = keywords.stream().mapToInt(String::length).min().orElseThrow();
        Arrays.fill(shiftByPair, (byte) (window - 1));
        for (int k = 0; k < this.keywords.length; k++) {
            byte[] keyword = this.keywords[k];
            for (int j = 1; j < window; j++) {
                int pair = pairIndex(keyword[j - 1], keyword[j]);
                shiftByPair[pair] = (byte) Math.min(shiftByPair[pair], window - 1 - j);
            }
            keywordsEndingWith[pairIndex(keyword[window - 2], keyword[window - 1])] |= (short) (1 << k);
        }
    }

    /** Start of the first keyword at or after {@code from}, or -1. */
    int next(byte[] text, int from) {
        int pos = from + window - 1;
        while (pos < text.length) {
            int pair = pairIndex(text[pos - 1], text[pos]);
            int shift = shiftByPair[pair];
            if (shift > 0) {
                pos += shift;
                continue;
            }
            int start = pos - window + 1;
            for (int candidates = keywordsEndingWith[pair] & 0xFFFF; candidates != 0; candidates &= candidates - 1) {
                if (matchesAt(text, start, keywords[Integer.numberOfTrailingZeros(candidates)])) {
                    return start;
                }
            }
            pos++;
        }
        return -1;
    }

    /** Length of the keyword starting at {@code at}, or 0. */
    int lengthAt(byte[] text, int at) {
        for (byte[] keyword : keywords) {
            if (matchesAt(text, at, keyword)) {
                return keyword.length;
            }
        }
        return 0;
    }

    private static boolean matchesAt(byte[] text, int at, byte[] keyword) {
        if (at + keyword.length > text.length) {
            return false;
        }
        for (int i = 0; i < keyword.length; i++) {
            byte k = keyword[i];
            byte t = text[at + i];
            boolean letter = k >= 'a' && k <= 'z';
            if (letter ? (t | 0x20) != k : t != k) {
                return false;
            }
        }
        return true;
    }

    /** Folds ASCII case; other bytes may collide, which only costs a verification, never a miss. */
    private static int pairIndex(byte first, byte second) {
        return ((first | 0x20) & 0x7f) << 7 | ((second | 0x20) & 0x7f);
    }
}
