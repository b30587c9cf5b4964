package io.renlayer.schemas.siem;

import io.renlayer.schemas.events.DlpFinding;

import java.util.List;

/**
 * RenLayer's own attributes of a security event, in OCSF's {@code unmapped} object: what a webhook subscription
 * filters on ({@code eventType}, one of {@code SecurityEventTypes}) and the ids to find the trace with. Attributes
 * that do not apply to an event type are absent.
 *
 * @param findings the request's DLP findings (masked, never the matched value), for DLP events
 */
public record RenLayerContext(
        String eventType,
        String tenantId,
        String agentId,
        String keyId,
        String traceId,
        String sessionId,
        String method,
        String host,
        String path,
        String policyId,
        List<DlpFinding> findings) {

    public RenLayerContext {
        findings = findings == null ? null : List.copyOf(findings);
    }
}
