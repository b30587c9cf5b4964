package io.renlayer.engine.policy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Puts a request path in the form upstream servers resolve it to before globs see it, so that a deny on
 * {@code /admin/**} is not dodged with {@code /v1/../admin/x}, {@code //admin/x} or {@code /%61dmin/x}:
 * drops the query, percent-decodes once, collapses repeated slashes and resolves dot segments (RFC 3986 §5.2.4).
 */
final class PathNormalizer {

    static String normalize(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        int query = indexOfAny(path, '?', '#');
        String decoded = percentDecode(query >= 0 ? path.substring(0, query) : path);
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : decoded.split("/", -1)) {
            switch (segment) {
                case "", "." -> { }
                case ".." -> segments.pollLast();
                default -> segments.addLast(segment);
            }
        }
        boolean trailingSlash = decoded.endsWith("/") || decoded.endsWith("/.") || decoded.endsWith("/..");
        String joined = "/" + String.join("/", segments);
        return trailingSlash && !segments.isEmpty() ? joined + "/" : joined;
    }

    private static int indexOfAny(String s, char first, char second) {
        int a = s.indexOf(first);
        int b = s.indexOf(second);
        return a < 0 ? b : (b < 0 ? a : Math.min(a, b));
    }

    private static String percentDecode(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        byte[] raw = path.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            int high = i + 2 < raw.length && raw[i] == '%' ? Character.digit(raw[i + 1], 16) : -1;
            int low = high >= 0 ? Character.digit(raw[i + 2], 16) : -1;
            if (low >= 0) {
                out.write(high * 16 + low);
                i += 2;
            } else {
                out.write(raw[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
