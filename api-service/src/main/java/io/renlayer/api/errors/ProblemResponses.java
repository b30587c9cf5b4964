package io.renlayer.api.errors;

import io.renlayer.schemas.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;

/** Builds the one error shape of the API: problem+json with the request path and id. */
public final class ProblemResponses {

    /** A body an error leaves unread is drained up to this size; past it the connection is closed instead. */
    private static final long DRAIN_LIMIT = 2L * 1024 * 1024;

    public static Response of(Problem problem, ContainerRequestContext request) {
        Problem located = request == null ? problem
                : problem.at("/" + request.getUriInfo().getPath(), RequestContextFilter.requestId(request));
        Response.ResponseBuilder builder = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(located);
        if (problem.status() == 401) {
            builder.header("WWW-Authenticate", "Bearer realm=\"renlayer\"");
        }
        if (request != null && !drainUnreadBody(request)) {
            builder.header("Connection", "close");
        }
        return builder.build();
    }

    /**
     * A request refused before its body was read (401, 403 or 404 from a filter): left unread, Jetty may drop the
     * keep-alive connection after the response without saying so, and the client's next request on it fails.
     * Reads and discards the rest of the body; false when it is too large (or unreadable) to drain.
     */
    private static boolean drainUnreadBody(ContainerRequestContext request) {
        try {
            if (!request.hasEntity()) {
                return true;
            }
            InputStream in = request.getEntityStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                total += n;
                if (total > DRAIN_LIMIT) {
                    return false;
                }
            }
            return true;
        } catch (IllegalStateException e) {
            return true; // the resource already read (and closed) the body
        } catch (IOException e) {
            return false;
        }
    }

    private ProblemResponses() {
    }
}
