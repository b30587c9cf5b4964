package io.renlayer.proxy.forward;

import io.renlayer.engine.dlp.StreamingDlpScanner;
import io.renlayer.proxy.core.TenantState;
import io.renlayer.proxy.core.UsageSniffer;
import io.renlayer.schemas.events.DlpFinding;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpHeader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Streams an upstream's answer to the agent as it arrives: every chunk read is written and flushed at once,
 * so server-sent events keep their pace and the first byte is not delayed. On the way it reads the token
 * usage and, when the tenant asks for it, runs response DLP, which holds back only what could still start
 * a match and cuts the stream at a blocking one.
 */
final class ResponseRelay {

    private static final int CHUNK_BYTES = 16 * 1024;

    private ResponseRelay() {
    }

    static Relayed relay(ProxyRequest request, Response head, Request upstream, InputStream in,
                         HttpServletResponse response, long upstreamMicros, ProxyMetrics metrics) throws IOException {
        StreamingDlpScanner dlp = responseScanner(request, head, upstream);
        response.setStatus(head.getStatus());
        ForwardedHeaders.toAgent(head.getHeaders(), response, dlp != null);
        UsageSniffer usage = head.getStatus() < 300
                ? UsageSniffer.forContentType(head.getHeaders().get(HttpHeader.CONTENT_TYPE)) : null;
        long bytes = 0;
        String outcome = "completed";
        try (in) {
            OutputStream out = response.getOutputStream();
            byte[] chunk = new byte[CHUNK_BYTES];
            while (true) {
                int n;
                try {
                    n = in.read(chunk);
                } catch (IOException e) {
                    outcome = Forwarder.hasCause(e, TimeoutException.class) ? "upstream_timeout" : "upstream_error";
                    break;
                }
                if (n < 0) {
                    break;
                }
                if (usage != null) {
                    usage.accept(chunk, 0, n);
                }
                byte[] released = dlp == null ? null : dlp.feed(chunk, 0, n);
                try {
                    bytes += dlp == null ? write(out, chunk, n) : write(out, released, released.length);
                } catch (IOException e) {
                    upstream.abort(e);
                    outcome = "client_aborted";
                    break;
                }
                if (dlp != null && dlp.blocked()) {
                    upstream.abort(new IOException("response blocked by DLP"));
                    outcome = "dlp_blocked";
                    break;
                }
            }
            if (dlp != null && outcome.equals("completed")) {
                byte[] rest = dlp.finish();
                bytes += write(out, rest, rest.length);
                outcome = dlp.blocked() ? "dlp_blocked" : outcome;
            }
        }
        List<DlpFinding> findings = dlp == null ? List.of() : dlp.findings();
        metrics.found(findings);
        return new Relayed(head.getStatus(), outcome, upstreamMicros, bytes, usage == null ? null : usage.usage(),
                findings);
    }

    /**
     * A scanner when the tenant runs DLP on responses. An encoded (compressed) body cannot be scanned, and
     * forwarding it unscanned would make encoding a way around DLP: it is refused instead.
     */
    private static StreamingDlpScanner responseScanner(ProxyRequest request, Response head, Request upstream) {
        TenantState tenant = request.key().tenant();
        if (!tenant.snapshot().settings().responseDlp() || !tenant.usable()) {
            return null;
        }
        String encoding = head.getHeaders().get(HttpHeader.CONTENT_ENCODING);
        if (encoding != null && !encoding.equalsIgnoreCase("identity")) {
            upstream.abort(new IOException("encoded response"));
            throw Refusal.upstreamUnavailable("the upstream answered with Content-Encoding " + encoding
                    + ", which response DLP cannot inspect");
        }
        return tenant.engine().newResponseScanner();
    }

    /** Writes and flushes at once: this is what keeps a stream's pace. */
    private static int write(OutputStream out, byte[] bytes, int length) throws IOException {
        if (length > 0) {
            out.write(bytes, 0, length);
            out.flush();
        }
        return length;
    }
}
