package io.renlayer.streams.traces;

import io.renlayer.schemas.events.CompletionEvent;
import io.renlayer.schemas.events.RequestEvent;
import io.renlayer.schemas.traces.Trace;
import io.renlayer.schemas.traces.TraceStatus;

/** How a trace is made of its events: the request's fields first, then the completion's. */
final class TraceAssembly {

    static Trace incomplete(RequestEvent r) {
        return new Trace(r.traceId(), r.tenantId(), r.agentId(), r.keyId(), r.sessionId(), r.method(), r.host(),
                r.path(), r.decision(), r.policyId(), r.reason(), r.findings(), null, TraceStatus.INCOMPLETE,
                null, null, null, null, r.requestBytes(), null, null, r.auditMode(), r.capturedBody(),
                r.receivedAt(), null);
    }

    /** {@code trace} (incomplete until now) with its completion. */
    static Trace completed(Trace t, CompletionEvent c) {
        return new Trace(t.traceId(), t.tenantId(), t.agentId(), t.keyId(), t.sessionId(), t.method(), t.host(),
                t.path(), t.decision(), t.policyId(), t.reason(), t.requestFindings(), c.responseFindings(),
                TraceStatus.COMPLETED, c.status(), c.outcome(), c.upstreamLatencyMicros(), c.totalLatencyMicros(),
                t.requestBytes(), c.responseBytes(), c.usage(), t.auditMode(), t.capturedBody(), t.receivedAt(),
                c.completedAt());
    }

    private TraceAssembly() {
    }
}
