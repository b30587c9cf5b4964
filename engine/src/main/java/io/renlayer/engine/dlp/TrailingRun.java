package io.renlayer.engine.dlp;

/**
 * Where a text's last characters could still be the beginning of a match, for {@link TextDetector#holdFrom}:
 * a match the next characters can change must run, from its start, over characters of its shape up to the end.
 */
final class TrailingRun {

    @FunctionalInterface
    interface CharClass {

        boolean contains(char c);
    }

    /**
     * Start of the run of {@code member} characters that ends the text, looking back at most {@code reach}
     * characters: the detector has decided a match that starts further back whatever follows.
     */
    static int start(String s, int reach, CharClass member) {
        int limit = Math.max(0, s.length() - reach);
        int start = s.length();
        while (start > limit && member.contains(s.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    /** The first {@code starter} character in that run, or the text's length when it has none. */
    static int firstStart(String s, int reach, CharClass member, CharClass starter) {
        for (int i = start(s, reach, member); i < s.length(); i++) {
            if (starter.contains(s.charAt(i))) {
                return i;
            }
        }
        return s.length();
    }

    /** Where the text ends with the first characters of {@code literal} (not all of them), or its length. */
    static int partialLiteral(String s, String literal) {
        if (s.isEmpty()) {
            return 0;
        }
        char last = s.charAt(s.length() - 1);
        for (int length = Math.min(literal.length() - 1, s.length()); length > 0; length--) {
            int at = s.length() - length;
            if (literal.charAt(length - 1) == last && s.regionMatches(at, literal, 0, length)) {
                return at;
            }
        }
        return s.length();
    }

    private TrailingRun() {
    }
}
