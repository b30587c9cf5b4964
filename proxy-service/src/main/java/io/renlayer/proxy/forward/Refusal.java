package io.renlayer.proxy.forward;

import io.renlayer.schemas.problem.Problem;

/**
 * A request the proxy answers itself, with problem+json, instead of (or instead of finishing) forwarding
 * it. Thrown on the hot path as control flow, so it carries no stack trace.
 */
public final class Refusal extends RuntimeException {

    private final transient Problem problem;
    private final String outcome;
    private final String policyId;

    private Refusal(int status, String code, String title, String detail, String outcome) {
        this(Problem.of(status, code, title, detail), outcome, null);
    }

    private Refusal(Problem problem, String outcome, String policyId) {
        super(problem.code(), null, false, false);
        this.problem = problem;
        this.outcome = outcome;
        this.policyId = policyId;
    }

    public static Refusal notReady() {
        return new Refusal(503, "config_unavailable", "Not ready",
                "the proxy has not loaded its configuration yet; retry shortly", "refused");
    }

    public static Refusal unauthorized() {
        return new Refusal(401, "unauthorized", "Unauthorized",
                "a valid RenLayer API key is required in X-RenLayer-Key or Authorization: Bearer rl_…", "refused");
    }

    public static Refusal unknownUpstream(String name) {
        return new Refusal(404, "not_found", "Not found",
                "no upstream named '" + name + "'; call /<upstream>/<path> with an upstream of the tenant's settings",
                "refused");
    }

    public static Refusal invalid(String detail) {
        return new Refusal(400, "validation_failed", "Validation failed", detail, "refused");
    }

    public static Refusal tooLarge(long limit) {
        return new Refusal(413, "payload_too_large", "Payload too large",
                "the request body exceeds " + limit + " bytes", "refused");
    }

    public static Refusal policyDenied(String policyId, String reason) {
        Problem problem = Problem.of(403, "policy_denied", "Denied by policy",
                reason == null ? "a policy denied this request" : reason);
        return new Refusal(problem, "denied", policyId);
    }

    public static Refusal dlpBlocked(String reason) {
        return new Refusal(403, "dlp_blocked", "Blocked by DLP", reason, "denied");
    }

    public static Refusal engineUnavailable() {
        return new Refusal(503, "engine_unavailable", "Policy engine unavailable",
                "the tenant's policies could not be evaluated and the tenant fails closed", "denied");
    }

    public static Refusal auditUnavailable() {
        return new Refusal(503, "audit_unavailable", "Audit unavailable",
                "the request could not be recorded durably in time, so it was not forwarded (strict audit mode)",
                "audit_unavailable");
    }

    public static Refusal upstreamUnavailable(String detail) {
        return new Refusal(502, "upstream_unavailable", "Upstream unavailable", detail, "upstream_error");
    }

    public static Refusal upstreamNotAllowed(String host) {
        return new Refusal(502, "upstream_not_allowed", "Upstream not allowed",
                "the upstream " + host + " resolves to a loopback, private, link-local or metadata address",
                "upstream_error");
    }

    public static Refusal upstreamTimeout() {
        return new Refusal(504, "upstream_timeout", "Upstream timeout",
                "the upstream did not answer in time", "upstream_timeout");
    }

    /** The problem body, naming the trace (and the denying policy). */
    public Problem problemFor(String traceId) {
        return problem.forTrace(traceId, policyId);
    }

    public int status() {
        return problem.status();
    }

    /** The completion event's {@code outcome} for a request refused this way. */
    public String outcome() {
        return outcome;
    }
}
