package io.renlayer.engine;

import io.renlayer.schemas.events.Decision;
import io.renlayer.schemas.events.DlpFinding;

import java.util.List;

/**
 * The engine's verdict on one request.
 *
 * @param decision ALLOW, DENY (a policy) or DLP_BLOCK (a finding whose action is block)
 * @param policyId the policy that matched, or null when the tenant's default action applied
 * @param reason   for people and for the problem response
 * @param findings DLP findings; empty when a policy denied the request, because DLP did not run
 * @param body     the body to forward: REDACT findings replaced with placeholders. For DENY it is the request's
 *                 body unchanged (never scanned), so it is not safe to capture without a scan
 */
public record Evaluation(Decision decision, String policyId, String reason, List<DlpFinding> findings, byte[] body) {

    public Evaluation {
        findings = List.copyOf(findings);
    }
}
