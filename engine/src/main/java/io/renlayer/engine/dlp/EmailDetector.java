package io.renlayer.engine.dlp;

import java.util.Set;

import static io.renlayer.engine.dlp.Prefilter.Anchor.AT_SIGN;

/**
 * Email addresses: found from each {@code @}, then grown left over the local part and right over a dotted
 * domain whose last label is an alphabetic TLD of two letters or more.
 */
final class EmailDetector implements TextDetector {

    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;

    @Override
    public Set<Prefilter.Anchor> anchors() {
        return Set.of(AT_SIGN);
    }

    @Override
    public void detect(ScanText text, MatchSink sink) {
        String s = text.text();
        Prefilter anchors = text.prefilter();
        int from = 0;
        for (int a = 0; a < anchors.count(AT_SIGN); a++) {
            int at = anchors.at(AT_SIGN, a);
            if (at < from) {
                continue;
            }
            int start = localPartStart(s, at);
            int end = domainEnd(s, at + 1);
            if (start < at && end > 0) {
                sink.match(start, end);
                from = end;
            } else {
                from = at + 1;
            }
        }
    }

    /**
     * An address whose domain may still grow (its {@code @} just before the domain characters that end the text),
     * or one whose {@code @} has not arrived yet: either way, from its local part on.
     */
    @Override
    public int holdFrom(ScanText text) {
        String s = text.text();
        int domain = TrailingRun.start(s, MAX_DOMAIN + 1, EmailDetector::isDomainChar);
        int at = domain > 0 && s.charAt(domain - 1) == '@' ? domain - 1 : s.length();
        return localPartStart(s, at);
    }

    private static int localPartStart(String s, int at) {
        int start = at;
        while (start > 0 && at - start < MAX_LOCAL && isLocalChar(s.charAt(start - 1))) {
            start--;
        }
        while (start < at && s.charAt(start) == '.') {
            start++;
        }
        return start;
    }

    /** End of a valid domain starting at {@code from}, or -1. */
    private static int domainEnd(String s, int from) {
        int end = from;
        while (end < s.length() && end - from < MAX_DOMAIN && isDomainChar(s.charAt(end))) {
            end++;
        }
        // A sentence may end right after the address.
        while (end > from && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '-')) {
            end--;
        }
        return isDomain(s, from, end) ? end : -1;
    }

    private static boolean isDomain(String s, int from, int end) {
        int lastDot = s.lastIndexOf('.', end - 1);
        if (lastDot < from || end - lastDot - 1 < 2) {
            return false;
        }
        for (int i = lastDot + 1; i < end; i++) {
            if (!Chars.isLetter(s.charAt(i))) {
                return false;
            }
        }
        int labelStart = from;
        for (int i = from; i <= end; i++) {
            if (i == end || s.charAt(i) == '.') {
                if (i == labelStart || s.charAt(labelStart) == '-' || s.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
            }
        }
        return true;
    }

    private static boolean isDomainChar(char c) {
        return Chars.isAlnum(c) || c == '-' || c == '.';
    }

    private static boolean isLocalChar(char c) {
        return Chars.isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }
}
