package io.renlayer.schemas.sessions;

import io.renlayer.schemas.events.TokenUsage;

import java.time.Instant;
import java.util.List;

/**
 * What a session ({@code X-RenLayer-Session} within a tenant) has done so far, on {@code renlayer.sessions.v1}
 * (key {@code tenant_id|session_id}) after every trace of the session and when it closes. Each record is the
 * whole summary: consumers keep the latest per key.
 *
 * @param firstSeen        when the session's earliest request was received
 * @param lastSeen         the latest time anything happened in it (a request received or a response ended)
 * @param traceCount       traces, completed or not; a trace written again when its late completion arrives counts once
 * @param incompleteTraces of those, the ones still without a completion
 * @param agentIds         every agent that acted in the session, sorted
 * @param dlpFindings      request and response DLP findings of all its traces
 * @param tokens           token usage summed over the traces whose upstream reported it
 * @param latency          total latencies of the completed traces
 */
public record SessionSummary(
        String tenantId,
        String sessionId,
        SessionState state,
        Instant firstSeen,
        Instant lastSeen,
        long traceCount,
        long incompleteTraces,
        List<String> agentIds,
        DecisionCounts decisions,
        long dlpFindings,
        TokenUsage tokens,
        LatencyStats latency) {

    public SessionSummary {
        agentIds = agentIds == null ? List.of() : List.copyOf(agentIds);
    }
}
