package io.renlayer.api.api;

import io.renlayer.api.core.Checks;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A sample agent request for the dry run: what would the proxy do with it under the current configuration? */
public record EvaluateRequest(String agentId, String method, String host, String path,
                              Map<String, List<String>> headers, String body) {

    public void validate() {
        new Checks().text(method, "method", 16).text(host, "host", 253).text(path, "path", 8192)
                .require(agentId == null || TypedId.isValid(IdType.AGENT, agentId), "agent_id", "must be an agent id")
                .require(path == null || path.startsWith("/"), "path", "must start with /")
                .require(headers == null || headers.values().stream().allMatch(v -> v != null && !v.contains(null)),
                        "headers", "every header needs a list of string values")
                .require(body == null || body.getBytes(StandardCharsets.UTF_8).length <= 1_048_576, "body",
                        "must be at most 1 MiB")
                .orThrow();
    }
}
