package io.renlayer.streams.topology;

import io.renlayer.schemas.config.AuditMode;
import io.renlayer.schemas.config.DlpAction;
import io.renlayer.schemas.events.CompletionEvent;
import io.renlayer.schemas.events.Decision;
import io.renlayer.schemas.events.DlpFinding;
import io.renlayer.schemas.events.KeyRevoked;
import io.renlayer.schemas.events.RequestEvent;
import io.renlayer.schemas.events.TokenUsage;
import io.renlayer.schemas.ids.IdType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.renlayer.schemas.ids.TypedId.newId;

/** Proxy and control-plane events as the proxy and the API write them, for one tenant at a time. */
public final class Events {

    public final String tenantId;
    public final String agentId = newId(IdType.AGENT);
    public final String keyId = newId(IdType.KEY);

    /** A new tenant. */
    public Events() {
        this(newId(IdType.TENANT));
    }

    private Events(String tenantId) {
        this.tenantId = tenantId;
    }

    /** Another agent (with its own key) of the same tenant. */
    public Events anotherAgent() {
        return new Events(tenantId);
    }

    /** An allowed POST without findings, received at {@code at}. */
    public RequestEvent request(String sessionId, Instant at) {
        return request(sessionId, at, Decision.ALLOW, null, List.of());
    }

    public RequestEvent request(String sessionId, Instant at, Decision decision, String policyId, List<DlpFinding> findings) {
        return new RequestEvent(newId(IdType.EVENT), newId(IdType.TRACE), tenantId, agentId, keyId, sessionId, "POST",
                "api.openai.com", "/v1/chat/completions", decision, policyId,
                decision == Decision.DENY ? "destructive" : null, findings, 512, null, AuditMode.STRICT, at);
    }

    /** A 200 with token usage, {@code latency} after the request. */
    public CompletionEvent completion(RequestEvent request, Duration latency) {
        long micros = latency.toNanos() / 1000;
        return new CompletionEvent(newId(IdType.EVENT), request.traceId(), request.tenantId(), request.sessionId(),
                200, "completed", micros - 100, micros, 2048, new TokenUsage(10, 20, 30), List.of(),
                request.receivedAt().plus(latency));
    }

    public KeyRevoked keyRevoked(Instant at) {
        return new KeyRevoked(newId(IdType.EVENT), tenantId, agentId, keyId, "rl_AbCd1234", newId(IdType.USER), at);
    }

    public static DlpFinding finding(String detector, DlpAction action) {
        return new DlpFinding(newId(IdType.DETECTOR), detector, "/messages/0/content", 5, 24, action, "41…11");
    }
}
