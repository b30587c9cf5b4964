package io.renlayer.engine.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An agent's HTTP request as the engine sees it.
 *
 * @param agentId the authenticated agent, or null (no agent-scoped policy then matches)
 * @param host    the target host, with or without a port
 * @param path    the request path as sent (percent-encoding and dot segments are normalised for matching);
 *                any query string is ignored
 * @param headers header names (any case; they are lower-cased here) to their values in arrival order
 * @param body    the raw body bytes; empty when there is none. Not copied: callers must not change it
 */
public record EvaluationRequest(String agentId, String method, String host, String path,
                                Map<String, List<String>> headers, byte[] body) {

    public EvaluationRequest {
        headers = lowerCaseNames(headers == null ? Map.of() : headers);
        body = body == null ? new byte[0] : body;
    }

    private static Map<String, List<String>> lowerCaseNames(Map<String, List<String>> headers) {
        Map<String, List<String>> lowerCased = new LinkedHashMap<>();
        headers.forEach((name, values) -> lowerCased.merge(name.toLowerCase(Locale.ROOT),
                values == null ? List.of() : List.copyOf(values),
                (first, second) -> Stream.concat(first.stream(), second.stream()).toList()));
        return Collections.unmodifiableMap(lowerCased);
    }
}
