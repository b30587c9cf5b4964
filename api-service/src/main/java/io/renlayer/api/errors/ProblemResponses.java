package io.renlayer.api.errors;

import io.renlayer.api.api.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/** Builds the one error shape of the API: problem+json with the request path and id. */
public final class ProblemResponses {

    public static Response of(Problem problem, ContainerRequestContext request) {
        Problem located = request == null ? problem
                : problem.at("/" + request.getUriInfo().getPath(), RequestIdFilter.of(request));
        Response.ResponseBuilder builder = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(located);
        if (problem.status() == 401) {
            builder.header("WWW-Authenticate", "Bearer realm=\"renlayer\"");
        }
        return builder.build();
    }

    private ProblemResponses() {
    }
}
