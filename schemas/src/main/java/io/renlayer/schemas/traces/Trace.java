package io.renlayer.schemas.traces;

import io.renlayer.schemas.config.AuditMode;
import io.renlayer.schemas.events.Decision;
import io.renlayer.schemas.events.DlpFinding;
import io.renlayer.schemas.events.TokenUsage;

import java.time.Instant;
import java.util.List;

/**
 * One agent action from end to end: its request event joined with its completion event, on
 * {@code renlayer.traces.v1}. The request's fields are always present; the completion's ({@code httpStatus} to
 * {@code usage}, {@code completedAt}) are null while {@code status} is {@code incomplete}.
 * <p>
 * A trace id can appear twice on the topic: {@code incomplete} when the completion timed out, then
 * {@code completed} when it arrived late. Consumers keep the latest record per trace id (both have the same
 * record key, so they are in one partition, in that order).
 *
 * @param outcome as in the completion event: {@code completed}, {@code denied}, {@code upstream_error}, ...
 */
public record Trace(
        String traceId,
        String tenantId,
        String agentId,
        String keyId,
        String sessionId,
        String method,
        String host,
        String path,
        Decision decision,
        String policyId,
        String reason,
        List<DlpFinding> requestFindings,
        List<DlpFinding> responseFindings,
        TraceStatus status,
        Integer httpStatus,
        String outcome,
        Long upstreamLatencyMicros,
        Long totalLatencyMicros,
        long requestBytes,
        Long responseBytes,
        TokenUsage usage,
        AuditMode auditMode,
        String capturedBody,
        Instant receivedAt,
        Instant completedAt) {

    public Trace {
        requestFindings = requestFindings == null ? List.of() : List.copyOf(requestFindings);
        responseFindings = responseFindings == null ? List.of() : List.copyOf(responseFindings);
    }
}
