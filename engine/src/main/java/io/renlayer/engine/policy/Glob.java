package io.renlayer.engine.policy;

import com.google.re2j.Pattern;

/**
 * A compiled glob. Compiled to RE2/J, which matches in linear time, so no glob can make matching blow up the way
 * backtracking does on {@code **}{@code /**}{@code /**}; a glob without wildcards is a plain string comparison.
 */
final class Glob {

    private final String literal;
    private final Pattern pattern;

    private Glob(String literal, Pattern pattern) {
        this.literal = literal;
        this.pattern = pattern;
    }

    /**
     * A path glob: {@code *} matches within one segment, {@code **} across segments ({@code /a/**}{@code /b}
     * also matches {@code /a/b}), {@code ?} one character other than {@code /}.
     */
    static Glob path(String glob) {
        return compile(glob, true);
    }

    /** A glob over a value without structure (a header value): {@code *} any characters, {@code ?} one. */
    static Glob value(String glob) {
        return compile(glob, false);
    }

    boolean matches(String input) {
        return literal != null ? literal.equals(input) : pattern.matches(input);
    }

    private static Glob compile(String glob, boolean segments) {
        if (glob.indexOf('*') < 0 && glob.indexOf('?') < 0) {
            return new Glob(glob, null);
        }
        StringBuilder regex = new StringBuilder();
        StringBuilder literalRun = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c != '*' && c != '?') {
                literalRun.append(c);
                continue;
            }
            regex.append(Pattern.quote(literalRun.toString()));
            literalRun.setLength(0);
            boolean doubleStar = c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*';
            boolean wholeSegments = doubleStar && i > 0 && glob.charAt(i - 1) == '/' && glob.startsWith("/", i + 2);
            if (c == '?') {
                regex.append(segments ? "[^/]" : ".");
            } else if (!segments) {
                regex.append(".*");
            } else if (wholeSegments) {
                regex.append("(?:.*/)?");
                i += 2;
            } else if (doubleStar) {
                regex.append(".*");
                i++;
            } else {
                regex.append("[^/]*");
            }
        }
        regex.append(Pattern.quote(literalRun.toString()));
        return new Glob(null, Pattern.compile(regex.toString(), Pattern.DOTALL));
    }
}
