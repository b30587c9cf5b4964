package io.renlayer.engine.dlp;

import java.util.List;
import java.util.Locale;

/**
 * A few short ASCII strings that the {@link Prefilter} finds from one pair of their characters, chosen rare in
 * prose: a pair of lower-case letters ({@code ey}, {@code to}) comes every few words, a pair with a digit, capital
 * or punctuation mark in it ({@code yJ} of {@code eyJ}, {@code k_} of {@code sk_}) hardly ever. They are the
 * literals tokens start with, matched exactly, and the secret keywords, matched in any case.
 */
final class AnchoredWords {

    /** @param anchor two adjacent characters of {@code text}, the rarer in prose the better */
    record Word(String text, String anchor) {

        Word {
            if (anchor.length() != 2 || !text.contains(anchor)) {
                throw new IllegalArgumentException(anchor + " is not a pair of characters of " + text);
            }
        }

        int anchorOffset() {
            return text.indexOf(anchor);
        }
    }

    private final List<Word> words;
    private final boolean ignoreCase;
    private final int shortest;
    /** Per word, its anchor pair as one number, so that a hit is compared with each word in one step. */
    private final int[] anchorKeys;

    private AnchoredWords(List<Word> words, boolean ignoreCase) {
        this.words = List.copyOf(words);
        this.ignoreCase = ignoreCase;
        this.shortest = words.stream().mapToInt(word -> word.text().length()).min().orElse(0);
        this.anchorKeys = words.stream().mapToInt(word -> pairKey(word.anchor().charAt(0), word.anchor().charAt(1)))
                .toArray();
    }

    /** Lower-case keywords, matched in any case; where two match at one place, the earlier wins. */
    static AnchoredWords keywords(List<Word> keywords) {
        return new AnchoredWords(keywords, true);
    }

    /**
     * Literals, matched exactly, each anchored on the pair that ends at its first character that is not a
     * lower-case letter, or on its first pair when all are.
     */
    static AnchoredWords literals(List<String> literals) {
        return new AnchoredWords(literals.stream().map(AnchoredWords::anchoredLiteral).toList(), false);
    }

    private static Word anchoredLiteral(String literal) {
        int rare = 0;
        while (rare < literal.length() && literal.charAt(rare) >= 'a' && literal.charAt(rare) <= 'z') {
            rare++;
        }
        int offset = rare == literal.length() ? 0 : Math.max(0, rare - 1);
        return new Word(literal, literal.substring(offset, offset + 2));
    }

    List<Word> all() {
        return words;
    }

    /** The word whose anchor pair starts at {@code pair} in a one-byte-per-character text, or null. */
    Word anchoredAt(byte[] text, int pair) {
        if (pair < 0 || pair + 1 >= text.length) {
            return null;
        }
        int key = pairKey((char) (text[pair] & 0xFF), (char) (text[pair + 1] & 0xFF));
        for (int w = 0; w < anchorKeys.length; w++) {
            Word word = words.get(w);
            if (anchorKeys[w] == key && matchesAt(text, pair - word.anchorOffset(), word.text())) {
                return word;
            }
        }
        return null;
    }

    /** Whether any of the words occurs in {@code name}, such as a JSON member name. */
    boolean occurIn(String name) {
        // Short names ("id", "role", "user") are common and cannot hold a word: no need to lower-case them.
        if (name.length() < shortest) {
            return false;
        }
        String folded = ignoreCase ? name.toLowerCase(Locale.ROOT) : name;
        for (Word word : words) {
            if (folded.contains(word.text())) {
                return true;
            }
        }
        return false;
    }

    /** The word starting at {@code start} in a one-byte-per-character text, or null. */
    Word startingAt(byte[] text, int start) {
        for (Word word : words) {
            if (matchesAt(text, start, word.text())) {
                return word;
            }
        }
        return null;
    }

    private int pairKey(char first, char second) {
        return fold(first) << 8 | fold(second);
    }

    private char fold(char c) {
        return ignoreCase && c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c;
    }

    private boolean matchesAt(byte[] text, int at, String word) {
        if (at < 0 || at + word.length() > text.length) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char w = word.charAt(i);
            byte t = text[at + i];
            boolean foldCase = ignoreCase && w >= 'a' && w <= 'z';
            if (foldCase ? (t | 0x20) != w : t != w) {
                return false;
            }
        }
        return true;
    }
}
