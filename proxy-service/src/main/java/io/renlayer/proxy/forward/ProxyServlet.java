package io.renlayer.proxy.forward;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.renlayer.engine.Evaluation;
import io.renlayer.proxy.events.EventPublisher;
import io.renlayer.proxy.events.ProxyEvents;
import io.renlayer.schemas.config.AuditMode;
import io.renlayer.schemas.events.RequestEvent;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;
import io.renlayer.schemas.json.Json;
import io.renlayer.schemas.problem.Problem;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * The data plane's one route, {@code /<upstream>/<path>}: read and authenticate, judge (policies, then DLP),
 * record (in strict mode: durably, before anything leaves), forward, record how it ended. Every answer
 * carries {@code X-RenLayer-Trace-Id}; every refusal is problem+json.
 */
public final class ProxyServlet extends HttpServlet {

    private static final ObjectMapper JSON = Json.mapper();

    private final transient RequestReader reader;
    private final transient EventPublisher events;
    private final transient Forwarder forwarder;
    private final transient ProxyMetrics metrics;
    private final transient Clock clock;

    public ProxyServlet(RequestReader reader, EventPublisher events, Forwarder forwarder, ProxyMetrics metrics,
                        Clock clock) {
        this.reader = reader;
        this.events = events;
        this.forwarder = forwarder;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long receivedNanos = System.nanoTime();
        String traceId = TypedId.newId(IdType.TRACE);
        resp.setHeader(ForwardedHeaders.TRACE_ID, traceId);
        ProxyRequest request;
        try {
            request = reader.read(req, traceId, clock.instant(), receivedNanos);
        } catch (Refusal refusal) {
            refuse(resp, refusal, traceId);
            return;
        }
        try {
            Relayed relayed = judgeAndForward(request, resp);
            events.publish(ProxyEvents.completion(request, relayed.status(), relayed.outcome(),
                    relayed.upstreamLatencyMicros(), relayed.responseBytes(), relayed.usage(), relayed.responseFindings()));
            if (relayed.truncated()) {
                // Without an abort, a cut-off stream would end like a complete one.
                throw new IOException("upstream response ended early: " + relayed.outcome());
            }
        } catch (Refusal refusal) {
            refuse(resp, refusal, traceId);
            events.publish(ProxyEvents.completion(request, refusal.status(), refusal.outcome(), 0, 0, null, List.of()));
        }
    }

    private Relayed judgeAndForward(ProxyRequest request, HttpServletResponse resp) throws IOException {
        Evaluation verdict = request.key().tenant().judge(request.forEngine());
        metrics.decided(verdict);
        RequestEvent event = ProxyEvents.request(request, verdict);
        switch (verdict.decision()) {
            case DENY -> throw refusedAfterRecording(event, Refusal.policyDenied(verdict.policyId(), verdict.reason()));
            case DLP_BLOCK -> throw refusedAfterRecording(event, Refusal.dlpBlocked(verdict.reason()));
            case ERROR -> throw refusedAfterRecording(event, Refusal.engineUnavailable());
            case ALLOW -> {
                // Strict: nothing reaches the upstream unless its event is in Kafka. Async: never wait.
                boolean strict = request.key().tenant().snapshot().settings().auditMode() == AuditMode.STRICT;
                if (strict && !events.publishDurably(event)) {
                    throw Refusal.auditUnavailable();
                }
                if (!strict) {
                    events.publish(event);
                }
            }
        }
        return forwarder.forward(request, verdict.body(), resp, metrics);
    }

    /** A refused request is recorded without waiting: refusing is safe whether or not the broker answers. */
    private Refusal refusedAfterRecording(RequestEvent event, Refusal refusal) {
        events.publish(event);
        return refusal;
    }

    private void refuse(HttpServletResponse resp, Refusal refusal, String traceId) throws IOException {
        Problem problem = refusal.problemFor(traceId);
        metrics.refused(problem.code());
        resp.setStatus(problem.status());
        resp.setContentType(Problem.MEDIA_TYPE);
        if (problem.status() == 503) {
            resp.setHeader("Retry-After", "1");
        }
        byte[] body = JSON.writeValueAsBytes(problem);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
