package io.renlayer.engine.dlp;

import java.util.Set;

import static io.renlayer.engine.dlp.Prefilter.Anchor.COLON;

/**
 * IPv6 addresses (RFC 4291 text forms: full, {@code ::}-compressed, with a trailing dotted IPv4). Found from each
 * colon, grown over hex digits, colons and dots, then parsed. At least two explicit groups are required so that
 * {@code ::} and {@code ::1} (not identifying anyone) and code like {@code std::vector} stay out.
 */
final class Ipv6Detector implements TextDetector {

    /** {@code ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255}; a longer run of address characters is no address. */
    private static final int LONGEST_ADDRESS = 45;

    @Override
    public Set<Prefilter.Anchor> anchors() {
        return Set.of(COLON);
    }

    @Override
    public void detect(ScanText text, MatchSink sink) {
        String s = text.text();
        Prefilter anchors = text.prefilter();
        int from = 0;
        for (int c = 0; c < anchors.count(COLON); c++) {
            int colon = anchors.at(COLON, c);
            if (colon < from) {
                continue;
            }
            int start = colon;
            while (start > 0 && isAddressChar(s.charAt(start - 1))) {
                start--;
            }
            int end = colon + 1;
            while (end < s.length() && isAddressChar(s.charAt(end))) {
                end++;
            }
            while (end > colon && s.charAt(end - 1) == '.') {
                end--;
            }
            if (isIsolated(s, start, end) && isAddress(s.substring(start, end))) {
                sink.match(start, end);
            }
            from = Math.max(end, colon + 1);
        }
    }

    @Override
    public int holdFrom(ScanText text) {
        return TrailingRun.start(text.text(), LONGEST_ADDRESS + 1, Ipv6Detector::isAddressChar);
    }

    private static boolean isAddressChar(char c) {
        return Chars.isHex(c) || c == ':' || c == '.';
    }

    private static boolean isIsolated(String s, int start, int end) {
        return (start == 0 || !isWordChar(s.charAt(start - 1))) && (end == s.length() || !isWordChar(s.charAt(end)));
    }

    private static boolean isWordChar(char c) {
        return Chars.isAlnum(c) || c == '_';
    }

    static boolean isAddress(String candidate) {
        // Every form has two colons or more; this turns times such as 12:30 away before any splitting.
        int firstColon = candidate.indexOf(':');
        if (firstColon < 0 || candidate.indexOf(':', firstColon + 1) < 0) {
            return false;
        }
        int compression = candidate.indexOf("::");
        if (compression != candidate.lastIndexOf("::") || candidate.contains(":::")) {
            return false;
        }
        String[] groups = candidate.split(":", -1);
        int explicit = 0;
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            if (group.isEmpty()) {
                continue;
            }
            boolean last = i == groups.length - 1;
            if (last && group.indexOf('.') >= 0) {
                if (!isDottedQuad(group)) {
                    return false;
                }
                explicit += 2;
            } else if (group.length() > 4 || group.indexOf('.') >= 0) {
                return false;
            } else {
                explicit++;
            }
        }
        boolean edgesValid = (candidate.charAt(0) != ':' || candidate.startsWith("::"))
                && (candidate.charAt(candidate.length() - 1) != ':' || candidate.endsWith("::"));
        boolean countValid = compression >= 0 ? explicit <= 7 : explicit == 8;
        return edgesValid && countValid && explicit >= 2;
    }

    private static boolean isDottedQuad(String group) {
        String[] octets = group.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || (octet.length() > 1 && octet.charAt(0) == '0')
                    || !octet.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
