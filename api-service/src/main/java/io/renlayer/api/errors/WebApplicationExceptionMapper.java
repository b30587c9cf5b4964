package io.renlayer.api.errors;

import io.renlayer.schemas.problem.Problem;
import jakarta.inject.Provider;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Jersey's own refusals (unknown route, wrong method, unsupported media type …) as problems. */
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    private Provider<ContainerRequestContext> request;

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Problem problem = switch (status) {
            case 404 -> Problem.of(404, "not_found", "Not found", "no such resource or route");
            case 405 -> Problem.of(405, "method_not_allowed", "Method not allowed",
                    "allowed: " + String.join(", ", e.getResponse().getAllowedMethods()));
            case 406 -> Problem.of(406, "not_acceptable", "Not acceptable", "this resource answers application/json");
            case 413 -> Problem.of(413, "payload_too_large", "Payload too large", "the request body is too large");
            case 415 -> Problem.of(415, "unsupported_media_type", "Unsupported media type",
                    "send the body as application/json");
            default -> status >= 500
                    ? Problem.of(status, "internal_error", "Internal error", "the server failed to handle the request")
                    : Problem.of(status, "bad_request", "Bad request", "the request could not be handled");
        };
        Response response = ProblemResponses.of(problem, request.get());
        if (status == 405) {
            return Response.fromResponse(response).allow(e.getResponse().getAllowedMethods()).build();
        }
        return response;
    }
}
