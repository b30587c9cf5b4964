package io.renlayer.api.errors;

import io.renlayer.api.core.ApiException;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Context
    private Provider<ContainerRequestContext> request;

    @Override
    public Response toResponse(ApiException e) {
        Response response = ProblemResponses.of(e.problem(), request.get());
        if (e.retryAfter() != null) {
            response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, e.retryAfter());
        }
        return response;
    }
}
