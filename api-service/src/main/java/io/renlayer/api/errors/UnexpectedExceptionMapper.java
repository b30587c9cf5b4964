package io.renlayer.api.errors;

import io.renlayer.api.api.Problem;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A bug or an outage: logged with the request id, answered without any internal detail. */
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Context
    private Provider<ContainerRequestContext> request;

    @Override
    public Response toResponse(Throwable e) {
        ContainerRequestContext ctx = request.get();
        LOG.error("unhandled error in request {}", ctx == null ? "?" : RequestIdFilter.of(ctx), e);
        return ProblemResponses.of(Problem.of(500, "internal_error", "Internal error",
                "the server failed to handle the request; quote the request id to support"), ctx);
    }
}
