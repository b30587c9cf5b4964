package io.renlayer.api.errors;

import io.renlayer.schemas.problem.Problem;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;

/**
 * A bug or an outage: logged with the request id, answered without any internal detail. One database
 * outcome is not a bug: a unique or foreign-key violation means a concurrent request got there first
 * (the same email invited twice, a key created while its agent is deleted), answered 409 {@code conflict}.
 */
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Context
    private Provider<ContainerRequestContext> request;

    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("23505".equals(sql.getSQLState()) || "23503".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Response toResponse(Throwable e) {
        ContainerRequestContext ctx = request.get();
        if (isConstraintViolation(e)) {
            return ProblemResponses.of(Problem.of(409, "conflict", "Conflict",
                    "a concurrent change conflicts with this request; read the resource again and retry"), ctx);
        }
        LOG.error("unhandled error in request {}", ctx == null ? "?" : RequestContextFilter.requestId(ctx), e);
        return ProblemResponses.of(Problem.of(500, "internal_error", "Internal error",
                "the server failed to handle the request; quote the request id to support"), ctx);
    }
}
