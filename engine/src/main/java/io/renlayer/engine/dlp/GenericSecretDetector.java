package io.renlayer.engine.dlp;

import java.util.List;
import java.util.Locale;

/**
 * Secrets with no recognisable format, found by context: a keyword ({@code password}, {@code secret},
 * {@code token}, {@code api_key}…) starting a word, followed within a short window by a long, random-looking
 * token: 20+ characters mixing letters and digits with Shannon entropy ≥ 3.5 bits per character. Dots end a
 * token, so code such as {@code crypto.createPublicKey} after "secret" is not one. In JSON the member name is
 * context too: {@code {"api_key": "…"}} puts the keyword in the key and the secret in the value.
 */
final class GenericSecretDetector implements TextDetector {

    private static final List<String> KEYWORDS = List.of(
            "password", "passwd", "secret", "token", "api_key", "apikey", "api-key", "access_key", "private_key");
    private static final KeywordSearch KEYWORD_SEARCH = new KeywordSearch(KEYWORDS);
    private static final int WINDOW = 40;
    private static final int MIN_LENGTH = 20;
    private static final int MAX_LENGTH = 512;
    private static final double MIN_BITS_PER_CHAR = 3.5;

    @Override
    public void detect(ScanText text, MatchSink sink) {
        String s = text.text();
        int from = 0;
        if (text.fieldName() != null && isKeywordName(text.fieldName())) {
            from = Math.max(0, reportTokenInWindow(s, 0, sink));
        }
        byte[] b = text.bytes();
        for (int at = KEYWORD_SEARCH.next(b, from); at >= 0; at = KEYWORD_SEARCH.next(b, from)) {
            int tokenEnd = startsWord(s, at) ? reportTokenInWindow(s, at + KEYWORD_SEARCH.lengthAt(b, at), sink) : -1;
            from = tokenEnd > 0 ? tokenEnd : at + 1;
        }
    }

    /** Not inside a word, except at a camel-case hump: {@code dbPassword} counts, {@code computesecret} does not. */
    private static boolean startsWord(String s, int at) {
        if (at == 0 || !Chars.isLetter(s.charAt(at - 1))) {
            return true;
        }
        return !Chars.isUpper(s.charAt(at - 1)) && Chars.isUpper(s.charAt(at));
    }

    private static boolean isKeywordName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return KEYWORDS.stream().anyMatch(lower::contains);
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
        return Chars.isAlnum(c) || "_-+/~!@#$%^&*".indexOf(c) >= 0;
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
