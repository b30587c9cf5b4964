package io.renlayer.proxy.forward;

import io.renlayer.schemas.events.DlpFinding;
import io.renlayer.schemas.events.TokenUsage;

import java.util.List;

/**
 * How a forwarded response went.
 *
 * @param outcome               {@code completed}, {@code upstream_error} (broke off mid-stream),
 *                              {@code upstream_timeout}, {@code client_aborted} or {@code dlp_blocked}
 * @param upstreamLatencyMicros from sending the request to the upstream's response headers
 * @param responseBytes         bytes sent to the agent
 */
public record Relayed(int status, String outcome, long upstreamLatencyMicros, long responseBytes, TokenUsage usage,
                      List<DlpFinding> responseFindings) {

    /** The agent got a cut-off response that looks complete unless the connection is aborted. */
    public boolean truncated() {
        return outcome.equals("upstream_error") || outcome.equals("upstream_timeout") || outcome.equals("dlp_blocked");
    }
}
