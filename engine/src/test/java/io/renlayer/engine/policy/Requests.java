package io.renlayer.engine.policy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Builds requests for tests with only the fields a test cares about. */
final class Requests {

    static EvaluationRequest request(String method, String host, String path) {
        return new EvaluationRequest("agent_01HX0000000000000000000000", method, host, path, Map.of(), new byte[0]);
    }

    static EvaluationRequest withHeaders(Map<String, List<String>> headers) {
        return new EvaluationRequest(null, "POST", "api.openai.com", "/v1/chat/completions", headers, new byte[0]);
    }

    static EvaluationRequest withBody(String body) {
        return new EvaluationRequest(null, "POST", "api.openai.com", "/v1/chat/completions", Map.of(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    static EvaluationRequest fromAgent(String agentId) {
        return new EvaluationRequest(agentId, "GET", "example.com", "/", Map.of(), null);
    }

    private Requests() {
    }
}
