package io.renlayer.engine.dlp;

import io.renlayer.engine.dlp.AnchoredWords.Word;

import java.util.List;

import static io.renlayer.engine.dlp.Prefilter.Anchor.KEYWORD;

/**
 * Secrets with no recognisable format, found by context: a keyword ({@code password}, {@code secret},
 * {@code token}, {@code api_key}…) starting a word, followed within a short window by a long, random-looking
 * token: 20+ characters mixing letters and digits with Shannon entropy ≥ 3.5 bits per character. Dots end a
 * token, so code such as {@code crypto.createPublicKey} after "secret" is not one. In JSON the member name is
 * context too: {@code {"api_key": "…"}} puts the keyword in the key and the secret in the value.
 */
final class GenericSecretDetector implements TextDetector {

    /** Each with the pair of its letters the {@link Prefilter} looks for: the rarest in English prose. */
    static final AnchoredWords KEYWORDS = AnchoredWords.keywords(List.of(
            new Word("password", "sw"), new Word("passwd", "sw"), new Word("secret", "cr"), new Word("token", "ok"),
            new Word("api_key", "i_"), new Word("apikey", "pi"), new Word("api-key", "i-"),
            new Word("access_key", "s_"), new Word("private_key", "e_")));
    private static final int WINDOW = 40;
    private static final int MIN_LENGTH = 20;
    private static final int MAX_LENGTH = 512;
    private static final double MIN_BITS_PER_CHAR = 3.5;
    /** Looked up per character of every window, where a search of the punctuation list showed in profiles. */
    private static final boolean[] TOKEN_CHARS = tokenChars();

    @Override
    public void detect(ScanText text, MatchSink sink) {
        String s = text.text();
        // A keyword inside the token reported for an earlier one is part of that secret, not a new keyword.
        int from = sink.resumeFrom();
        if (text.fieldName() != null && KEYWORDS.occurIn(text.fieldName())) {
            from = Math.max(from, reportTokenInWindow(s, 0, sink));
        }
        byte[] b = text.bytes();
        Prefilter anchors = text.prefilter();
        for (int a = 0; a < anchors.count(KEYWORD); a++) {
            int at = anchors.at(KEYWORD, a);
            if (at >= from) {
                int keywordEnd = at + KEYWORDS.startingAt(b, at).text().length();
                int tokenEnd = startsWord(s, at) ? reportTokenInWindow(s, keywordEnd, sink) : -1;
                from = tokenEnd > 0 ? tokenEnd : at + 1;
            }
        }
    }

    /**
     * The token ending the text when a keyword's window reaches it: it may yet grow long or random enough. The
     * keyword is context, never part of a match, so a keyword that is still arriving holds nothing back.
     */
    @Override
    public int holdFrom(ScanText text) {
        String s = text.text();
        int run = TrailingRun.start(s, MAX_LENGTH + 1, c -> isTokenChar(c) || c == '=');
        boolean namedByKeyword = text.fieldName() != null && KEYWORDS.occurIn(text.fieldName()) && run < WINDOW;
        return run < s.length() && (namedByKeyword || keywordWindowReaches(text, run)) ? run : s.length();
    }

    private static boolean keywordWindowReaches(ScanText text, int position) {
        Prefilter anchors = text.prefilter();
        for (int a = 0; a < anchors.count(KEYWORD); a++) {
            int at = anchors.at(KEYWORD, a);
            if (at + KEYWORDS.startingAt(text.bytes(), at).text().length() + WINDOW > position) {
                return true;
            }
        }
        return false;
    }

    /** Not inside a word, except at a camel-case hump: {@code dbPassword} counts, {@code computesecret} does not. */
    private static boolean startsWord(String s, int at) {
        if (at == 0 || !Chars.isLetter(s.charAt(at - 1))) {
            return true;
        }
        return !Chars.isUpper(s.charAt(at - 1)) && Chars.isUpper(s.charAt(at));
    }

    /** Reports the first random-looking token starting within the window; returns its end, or -1. */
    private static int reportTokenInWindow(String s, int from, MatchSink sink) {
        int windowEnd = Math.min(s.length(), from + WINDOW);
        int pos = from;
        while (pos < windowEnd) {
            if (!isTokenChar(s.charAt(pos))) {
                pos++;
                continue;
            }
            int end = pos;
            while (end < s.length() && end - pos < MAX_LENGTH && isTokenChar(s.charAt(end))) {
                end++;
            }
            while (end < s.length() && s.charAt(end) == '=') {
                end++;
            }
            if (end - pos >= MIN_LENGTH && looksRandom(s, pos, end)) {
                sink.match(pos, end);
                return end;
            }
            pos = end;
        }
        return -1;
    }

    private static boolean isTokenChar(char c) {
        return c < TOKEN_CHARS.length && TOKEN_CHARS[c];
    }

    private static boolean[] tokenChars() {
        boolean[] table = new boolean[128];
        for (char c = 0; c < table.length; c++) {
            table[c] = Chars.isAlnum(c) || "_-+/~!@#$%^&*".indexOf(c) >= 0;
        }
        return table;
    }

    private static boolean looksRandom(String s, int start, int end) {
        int[] counts = new int[128];
        boolean letter = false;
        boolean digit = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            counts[c]++;
            letter |= Chars.isLetter(c);
            digit |= Chars.isDigit(c);
        }
        return letter && digit && shannonBitsPerChar(counts, end - start) >= MIN_BITS_PER_CHAR;
    }

    private static double shannonBitsPerChar(int[] counts, int length) {
        double nats = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / length;
                nats -= p * Math.log(p);
            }
        }
        return nats / Math.log(2);
    }
}
