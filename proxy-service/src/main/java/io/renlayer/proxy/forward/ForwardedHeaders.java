package io.renlayer.proxy.forward;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Which headers cross the proxy, each way (RFC 9110 §7.6.1: hop-by-hop headers never do). */
final class ForwardedHeaders {

    static final String TRACE_ID = "X-RenLayer-Trace-Id";

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    /**
     * Set by the HTTP client itself ({@code host}, {@code content-length}), handled here ({@code expect}), or
     * refused because the proxy must read what comes back ({@code accept-encoding}: usage and response DLP
     * need the plain body).
     */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "expect", "accept-encoding");

    private ForwardedHeaders() {
    }

    /**
     * The agent's headers as the upstream gets them: never the RenLayer key, session or other
     * {@code X-RenLayer-*} header, nor {@code Authorization} when it carried the RenLayer key.
     */
    static Map<String, List<String>> fromAgent(HttpServletRequest request, boolean dropAuthorization) {
        Set<String> connectionListed = connectionTokens(Collections.list(request.getHeaders("Connection")));
        Map<String, List<String>> forwarded = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(lower) || NOT_FORWARDED.contains(lower) || connectionListed.contains(lower)
                    || lower.startsWith("x-renlayer-") || (dropAuthorization && lower.equals("authorization"))) {
                continue;
            }
            forwarded.put(name, Collections.list(request.getHeaders(name)));
        }
        return forwarded;
    }

    /** The upstream's response headers onto the agent's response, without a length the proxy may change. */
    static void toAgent(HttpFields upstream, HttpServletResponse response, boolean bodyMayChange) {
        List<String> connection = new ArrayList<>();
        upstream.getFields("Connection").forEach(f -> connection.add(f.getValue()));
        Set<String> connectionListed = connectionTokens(connection);
        for (HttpField field : upstream) {
            String lower = field.getLowerCaseName();
            // Date: the proxy's server writes its own.
            if (HOP_BY_HOP.contains(lower) || connectionListed.contains(lower) || lower.equals("date")
                    || (bodyMayChange && lower.equals("content-length")) || lower.equals("x-renlayer-trace-id")) {
                continue;
            }
            response.addHeader(field.getName(), field.getValue());
        }
    }

    private static Set<String> connectionTokens(List<String> values) {
        Set<String> tokens = new HashSet<>();
        for (String value : values) {
            for (String token : value.split(",")) {
                tokens.add(token.strip().toLowerCase(Locale.ROOT));
            }
        }
        return tokens;
    }
}
