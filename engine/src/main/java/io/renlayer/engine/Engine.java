package io.renlayer.engine;

import io.renlayer.engine.dlp.DlpResult;
import io.renlayer.engine.dlp.DlpScanner;
import io.renlayer.engine.dlp.StreamingDlpScanner;
import io.renlayer.engine.policy.EvaluationRequest;
import io.renlayer.engine.policy.PolicyDecision;
import io.renlayer.engine.policy.PolicyEngine;
import io.renlayer.schemas.config.DlpAction;
import io.renlayer.schemas.config.PolicyAction;
import io.renlayer.schemas.config.TenantConfigSnapshot;
import io.renlayer.schemas.events.Decision;
import io.renlayer.schemas.events.DlpFinding;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One tenant's configuration compiled for the data plane. The proxy builds one per config snapshot and calls it
 * inline; the API builds one from a candidate configuration for {@code /policies/evaluate}, so both run the same
 * code. Immutable and thread-safe; compile once per snapshot, not per request.
 */
public final class Engine {

    private final PolicyEngine policies;
    private final DlpScanner dlp;

    private Engine(PolicyEngine policies, DlpScanner dlp) {
        this.policies = policies;
        this.dlp = dlp;
    }

    /** @throws IllegalArgumentException when an enabled custom pattern is not valid RE2 */
    public static Engine compile(TenantConfigSnapshot snapshot) {
        return new Engine(PolicyEngine.compile(snapshot), DlpScanner.compile(snapshot));
    }

    /** Policies first, and a DENY ends there: a refused request's body is not worth scanning. Then DLP. */
    public Evaluation evaluate(EvaluationRequest request) {
        PolicyDecision policy = policies.evaluate(request);
        if (policy.action() == PolicyAction.DENY) {
            return new Evaluation(Decision.DENY, policy.policyId(), policy.reason(), List.of(), request.body());
        }
        DlpResult scan = dlp.scan(request.body());
        if (scan.blocked()) {
            String reason = blockReason(scan.findings());
            return new Evaluation(Decision.DLP_BLOCK, policy.policyId(), reason, scan.findings(), scan.body());
        }
        return new Evaluation(Decision.ALLOW, policy.policyId(), policy.reason(), scan.findings(), scan.body());
    }

    /**
     * DLP for one upstream response, fed chunk by chunk as it streams: same detectors, settings and allow lists
     * as requests; see {@link StreamingDlpScanner}.
     */
    public StreamingDlpScanner newResponseScanner() {
        return dlp.newStreamScanner();
    }

    public PolicyEngine policies() {
        return policies;
    }

    public DlpScanner dlp() {
        return dlp;
    }

    private static String blockReason(List<DlpFinding> findings) {
        return findings.stream()
                .filter(f -> f.action() == DlpAction.BLOCK)
                .map(DlpFinding::detectorName)
                .distinct()
                .collect(Collectors.joining(", ", "blocked by DLP: ", ""));
    }
}
