package io.renlayer.schemas.config;

import java.util.List;
import java.util.Map;

/**
 * The conditions of a policy. Every non-empty condition must hold (AND); inside one condition any listed
 * value may match (OR). An empty match matches every request.
 *
 * @param pathGlobs    globs over the request path: {@code *} within a segment, {@code **} across segments
 * @param headers      header name (case-insensitive) to a glob its value must match
 * @param bodyContains substrings of the request body, compared case-sensitively
 */
public record PolicyMatch(
        List<String> agentIds,
        List<String> methods,
        List<String> hosts,
        List<String> pathGlobs,
        Map<String, String> headers,
        List<String> bodyContains) {

    public PolicyMatch {
        agentIds = agentIds == null ? List.of() : List.copyOf(agentIds);
        methods = methods == null ? List.of() : List.copyOf(methods);
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        pathGlobs = pathGlobs == null ? List.of() : List.copyOf(pathGlobs);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        bodyContains = bodyContains == null ? List.of() : List.copyOf(bodyContains);
    }

    public static PolicyMatch any() {
        return new PolicyMatch(null, null, null, null, null, null);
    }
}
