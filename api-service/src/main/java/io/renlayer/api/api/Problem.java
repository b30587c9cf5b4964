package io.renlayer.api.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code code} is the stable, machine-readable member clients switch on;
 * {@code type} points at its documentation.
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
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem("https://docs.renlayer.io/errors#" + code, title, status, code, detail, null, null, List.of());
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, code, detail, instance, requestId, List.copyOf(fieldErrors));
    }

    public Problem at(String instancePath, String reqId) {
        return new Problem(type, title, status, code, detail, instancePath, reqId, errors);
    }
}
