package io.renlayer.api.core;

import io.renlayer.schemas.problem.FieldError;
import io.renlayer.schemas.problem.Problem;

import java.util.List;

/** Thrown anywhere in a request to answer with a problem document; never logged as an error. */
public class ApiException extends RuntimeException {

    private final transient Problem problem;
    private final String retryAfter;

    public ApiException(Problem problem) {
        this(problem, null);
    }

    /** @param retryAfter seconds, for the {@code Retry-After} header of a 503 or 429; null for none */
    public ApiException(Problem problem, String retryAfter) {
        super(problem.code() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public Problem problem() {
        return problem;
    }

    public String retryAfter() {
        return retryAfter;
    }

    public static ApiException notFound(String what) {
        return new ApiException(Problem.of(404, "not_found", "Not found", what + " not found"));
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(Problem.of(401, "unauthorized", "Unauthorized", detail));
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(Problem.of(403, "forbidden", "Forbidden", detail));
    }

    public static ApiException conflict(String detail) {
        return new ApiException(Problem.of(409, "conflict", "Conflict", detail));
    }

    public static ApiException rateLimited(String detail) {
        return new ApiException(Problem.of(429, "rate_limited", "Too many requests", detail));
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(Problem.of(422, "validation_failed", "Validation failed",
                "the request has " + errors.size() + " invalid field(s)").withErrors(errors));
    }

    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }
}
