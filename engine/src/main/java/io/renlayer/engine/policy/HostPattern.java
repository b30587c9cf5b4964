package io.renlayer.engine.policy;

import java.util.Locale;

/**
 * A policy's host condition value: an exact host, or {@code *.example.com} for any subdomain of example.com at
 * any depth (not example.com itself). Compared case-insensitively, ignoring a trailing dot.
 */
final class HostPattern {

    private final String exact;
    private final String suffix;

    private HostPattern(String exact, String suffix) {
        this.exact = exact;
        this.suffix = suffix;
    }

    static HostPattern of(String pattern) {
        String host = withoutTrailingDot(pattern.toLowerCase(Locale.ROOT));
        return host.startsWith("*.") ? new HostPattern(null, host.substring(1)) : new HostPattern(host, null);
    }

    /** @param host a host already passed through {@link #normalize} */
    boolean matches(String host) {
        return exact != null ? exact.equals(host) : host.length() > suffix.length() && host.endsWith(suffix);
    }

    /** Lower case, without port, IPv6 brackets or trailing dot: {@code [::1]:8080} → {@code ::1}. */
    static String normalize(String host) {
        if (host == null) {
            return "";
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return close > 0 ? h.substring(1, close) : h;
        }
        int colon = h.indexOf(':');
        // More than one colon is a bare IPv6 address, not host:port.
        if (colon >= 0 && colon == h.lastIndexOf(':')) {
            h = h.substring(0, colon);
        }
        return withoutTrailingDot(h);
    }

    private static String withoutTrailingDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }
}
