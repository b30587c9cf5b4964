package io.renlayer.proxy.forward;

import io.renlayer.engine.policy.EvaluationRequest;
import io.renlayer.proxy.core.ResolvedKey;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An agent's request, authenticated and read, before judgment.
 *
 * @param sessionId     the validated {@code X-RenLayer-Session}, or null
 * @param target        the upstream URL: the named upstream's base URL, the rest of the path, the query
 * @param headers       as the upstream will get them (see {@link ForwardedHeaders#fromAgent})
 * @param receivedNanos {@link System#nanoTime()} at arrival, for latencies
 */
public record ProxyRequest(
        String traceId,
        ResolvedKey key,
        String sessionId,
        String method,
        URI target,
        Map<String, List<String>> headers,
        byte[] body,
        Instant receivedAt,
        long receivedNanos) {

    /** What the policy/DLP engine judges: the agent, and the request as it would reach the upstream. */
    public EvaluationRequest forEngine() {
        return new EvaluationRequest(key.agent().id(), method, host(), target.getRawPath(), headers, body);
    }

    /** The upstream's host, with its port when the base URL names one. */
    public String host() {
        return target.getPort() < 0 ? target.getHost() : target.getHost() + ":" + target.getPort();
    }
}
