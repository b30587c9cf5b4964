package io.renlayer.api.api;

import io.renlayer.api.core.Checks;

import java.util.List;
import java.util.Map;

/** A sample agent request for the dry run: what would the proxy do with it under the current configuration? */
public record EvaluateRequest(String agentId, String method, String host, String path,
                              Map<String, List<String>> headers, String body) {

    public void validate() {
        new Checks().text(method, "method", 16).text(host, "host", 253).text(path, "path", 8192)
                .optionalText(agentId, "agent_id", 64)
                .require(path == null || path.startsWith("/"), "path", "must start with /")
                .require(body == null || body.length() <= 1_048_576, "body", "must be at most 1 MiB")
                .orThrow();
    }
}
