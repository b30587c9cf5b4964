package io.renlayer.proxy.events;

import io.renlayer.engine.Evaluation;
import io.renlayer.proxy.forward.ProxyRequest;
import io.renlayer.schemas.config.TenantSettings;
import io.renlayer.schemas.events.CompletionEvent;
import io.renlayer.schemas.events.Decision;
import io.renlayer.schemas.events.DlpFinding;
import io.renlayer.schemas.events.RequestEvent;
import io.renlayer.schemas.events.TokenUsage;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** The events of one request: what was judged (before forwarding), and how it ended. */
public final class ProxyEvents {

    private ProxyEvents() {
    }

    public static RequestEvent request(ProxyRequest request, Evaluation verdict) {
        TenantSettings settings = request.key().tenant().snapshot().settings();
        return new RequestEvent(TypedId.newId(IdType.EVENT), request.traceId(), request.key().tenant().snapshot().tenantId(),
                request.key().agent().id(), request.key().key().id(), request.sessionId(), request.method(),
                request.host(), request.target().getRawPath(), verdict.decision(), verdict.policyId(),
                verdict.reason(), verdict.findings(), request.body().length, captured(settings, verdict),
                settings.auditMode(), request.receivedAt());
    }

    /**
     * @param outcome see {@link CompletionEvent}; {@code upstreamLatencyMicros} is 0 when nothing was forwarded
     */
    public static CompletionEvent completion(ProxyRequest request, int status, String outcome,
                                             long upstreamLatencyMicros, long responseBytes, TokenUsage usage,
                                             List<DlpFinding> responseFindings) {
        long totalMicros = (System.nanoTime() - request.receivedNanos()) / 1000;
        return new CompletionEvent(TypedId.newId(IdType.EVENT), request.traceId(),
                request.key().tenant().snapshot().tenantId(), request.sessionId(), status, outcome,
                upstreamLatencyMicros, totalMicros, responseBytes, usage, responseFindings,
                request.receivedAt().plusNanos(totalMicros * 1000));
    }

    /**
     * The forwarded (redacted) body, capped, when the tenant captures bodies. Only for allowed requests: a
     * denied body was never scanned, and a blocked one holds what DLP refused to let through.
     */
    private static String captured(TenantSettings settings, Evaluation verdict) {
        if (!settings.bodyCapture() || verdict.decision() != Decision.ALLOW) {
            return null;
        }
        int cap = Math.min(verdict.body().length, settings.bodyCaptureMaxBytes());
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer out = CharBuffer.allocate(cap);
        // endOfInput=false: a character cut by the cap is left out rather than turned into garbage.
        decoder.decode(ByteBuffer.wrap(verdict.body(), 0, cap), out, false);
        return out.flip().toString();
    }
}
