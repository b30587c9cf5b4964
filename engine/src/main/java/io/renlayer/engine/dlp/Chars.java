package io.renlayer.engine.dlp;

/** ASCII character classes; the built-in detectors only match ASCII shapes, so no Unicode tables are needed. */
final class Chars {

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isLetter(char c) {
        return isUpper(c) || (c >= 'a' && c <= 'z');
    }

    static boolean isAlnum(char c) {
        return isDigit(c) || isLetter(c);
    }

    static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * Digits and what may join them in a number as people write it: group separators, a decimal or dotted-quad
     * point, the {@code +} and parentheses of phone numbers. Numeric detectors read no further than such a run.
     */
    static boolean mayContinueNumber(char c) {
        return isDigit(c) || c == ' ' || c == '-' || c == '.' || c == '+' || c == '(' || c == ')';
    }

    /**
     * True when a number starting at {@code start} is not the tail of a word or of a longer number: the
     * {@code 45} in {@code x45}, {@code 12-45} or {@code 3.45} is not a number of its own.
     */
    static boolean isNumberBoundaryBefore(String s, int start) {
        if (start == 0) {
            return true;
        }
        char previous = s.charAt(start - 1);
        if (isAlnum(previous)) {
            return false;
        }
        return !((previous == '-' || previous == '.') && start >= 2 && isDigit(s.charAt(start - 2)));
    }

    /** The mirror of {@link #isNumberBoundaryBefore}: nothing after {@code end} continues the number. */
    static boolean isNumberBoundaryAfter(String s, int end) {
        if (end >= s.length()) {
            return true;
        }
        char next = s.charAt(end);
        if (isAlnum(next)) {
            return false;
        }
        return !((next == '-' || next == '.') && end + 1 < s.length() && isDigit(s.charAt(end + 1)));
    }

    private Chars() {
    }
}
