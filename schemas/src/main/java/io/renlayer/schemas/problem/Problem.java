package io.renlayer.schemas.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail, the error body of the API and of the proxy. {@code code} is the stable,
 * machine-readable member clients switch on; {@code type} points at its documentation.
 *
 * @param traceId  the proxy's trace of the refused request (proxy only)
 * @param policyId the policy that denied it (proxy only, {@code policy_denied})
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String code,
        String detail,
        String instance,
        String requestId,
        List<FieldError> errors,
        String traceId,
        String policyId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem("https://docs.renlayer.io/errors#" + code, title, status, code, detail, null, null, List.of(),
                null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, code, detail, instance, requestId, List.copyOf(fieldErrors), traceId,
                policyId);
    }

    public Problem at(String instancePath, String reqId) {
        return new Problem(type, title, status, code, detail, instancePath, reqId, errors, traceId, policyId);
    }

    public Problem forTrace(String trace, String policy) {
        return new Problem(type, title, status, code, detail, instance, requestId, errors, trace, policy);
    }
}
