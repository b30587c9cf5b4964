package io.renlayer.schemas.events;

import java.time.Instant;
import java.util.List;

/**
 * How a request ended. Written for every request, denied ones included (then {@code status} is the
 * proxy's own answer and {@code upstreamLatencyMicros} is 0).
 *
 * @param outcome {@code completed}, {@code denied}, {@code upstream_error}, {@code upstream_timeout} or
 *                {@code client_aborted}
 * @param usage   null unless an OpenAI-style upstream reported token usage
 */
public record CompletionEvent(
        String eventId,
        String traceId,
        String tenantId,
        String sessionId,
        int status,
        String outcome,
        long upstreamLatencyMicros,
        long totalLatencyMicros,
        long responseBytes,
        TokenUsage usage,
        List<DlpFinding> responseFindings,
        Instant completedAt) implements ProxyEvent {

    public CompletionEvent {
        responseFindings = responseFindings == null ? List.of() : List.copyOf(responseFindings);
    }
}
