package io.renlayer.engine.dlp;

import io.renlayer.schemas.events.DlpFinding;

import java.util.List;

/**
 * The outcome of scanning one body.
 *
 * @param blocked  some finding's action is BLOCK: the request must not be forwarded
 * @param findings every finding, in body order; none carries the matched value
 * @param body     the body to forward: REDACT findings replaced, or the scanned array itself when there were none
 * @param redacted whether {@code body} differs from what was scanned
 */
public record DlpResult(boolean blocked, List<DlpFinding> findings, byte[] body, boolean redacted) {

    public DlpResult {
        findings = List.copyOf(findings);
    }
}
