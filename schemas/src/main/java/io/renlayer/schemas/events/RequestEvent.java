package io.renlayer.schemas.events;

import io.renlayer.schemas.config.AuditMode;

import java.time.Instant;
import java.util.List;

/**
 * A request as the proxy received and judged it, written before forwarding (and acknowledged first,
 * in strict mode).
 *
 * @param capturedBody the request body after redaction, capped; null unless the tenant captures bodies
 */
public record RequestEvent(
        String eventId,
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
        List<DlpFinding> findings,
        long requestBytes,
        String capturedBody,
        AuditMode auditMode,
        Instant receivedAt) implements ProxyEvent {

    public RequestEvent {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
