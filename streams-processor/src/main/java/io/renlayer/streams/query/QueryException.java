package io.renlayer.streams.query;

import io.renlayer.schemas.problem.FieldError;
import io.renlayer.schemas.problem.Problem;
import io.renlayer.schemas.query.QueryApi;

import java.util.List;

/** Ends a query with a problem document ({@link ProblemMapper}); a 503 is worth retrying, the others are not. */
public final class QueryException extends RuntimeException {

    private final transient Problem problem;

    private QueryException(Problem problem) {
        super(problem.code() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** Stores moving between instances, or an instance not answering: another attempt may succeed. */
    public boolean retryable() {
        return problem.status() == 503;
    }

    static QueryException unavailable(String detail) {
        return new QueryException(Problem.of(503, QueryApi.UNAVAILABLE, "Query unavailable", detail));
    }

    static QueryException notFound(String what) {
        return new QueryException(Problem.of(404, "not_found", "Not found", what + " not found"));
    }

    static QueryException invalid(List<FieldError> errors) {
        return new QueryException(Problem.of(422, "validation_failed", "Validation failed",
                "the request has " + errors.size() + " invalid field(s)").withErrors(errors));
    }

    static QueryException invalidCursor() {
        return new QueryException(Problem.of(400, "invalid_cursor", "Invalid cursor",
                "'" + QueryApi.AFTER + "' is not a position this API issued; start again without it"));
    }
}
