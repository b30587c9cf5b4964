package io.renlayer.schemas.config;

import java.util.List;
import java.util.Map;

/**
 * The conditions of a policy. Every non-empty condition must hold (AND); inside one condition any listed
 * value may match (OR). An empty match matches every request.
 *
 * @param hosts        exact host names, or {@code *.example.com} for its subdomains at any depth
 * @param pathGlobs    globs over the decoded, normalised request path ({@code ..} resolved, query dropped):
 *                     {@code *} within a segment, {@code **} across segments, {@code ?} one character
 * @param headers      header name (case-insensitive) to a glob its value must match; every listed header must match
 * @param bodyContains byte strings searched in the raw request body, case-sensitively
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
