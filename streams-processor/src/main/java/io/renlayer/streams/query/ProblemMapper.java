package io.renlayer.streams.query;

import io.renlayer.schemas.problem.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Locale;

/**
 * Every error of the query API as problem+json with a stable {@code code}: the query's own, Jersey's refusals
 * (unknown route, wrong method), and anything unexpected (logged, answered without internal detail).
 */
public final class ProblemMapper implements ExceptionMapper<Throwable> {

    /** Seconds: about how long a rebalance takes to settle. */
    static final String RETRY_AFTER_SECONDS = "1";

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(Throwable e) {
        Problem problem = switch (e) {
            case QueryException query -> query.problem();
            case WebApplicationException web -> ofStatus(web.getResponse().getStatus());
            default -> unexpected(e);
        };
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(uri == null ? problem : problem.at("/" + uri.getPath(), null));
        if (problem.status() == 503) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    /** Jersey's refusals: the code is the status' reason, {@code not_found}, {@code method_not_allowed} … */
    private static Problem ofStatus(int status) {
        if (status >= 500) {
            return Problem.of(status, "internal_error", "Internal error", "the server failed to handle the request");
        }
        Response.StatusType known = Response.Status.fromStatusCode(status);
        String reason = known == null ? "Bad request" : known.getReasonPhrase();
        return Problem.of(status, reason.toLowerCase(Locale.ROOT).replace(' ', '_'), reason,
                "the query API has no such route, or not for this method or media type");
    }

    private static Problem unexpected(Throwable e) {
        if (e instanceof IOException) {
            // A client that went away in the middle of a streamed answer: nothing is wrong here.
            LOG.debug("response not completed", e);
        } else {
            LOG.error("query failed", e);
        }
        return Problem.of(500, "internal_error", "Internal error", "the server failed to handle the request");
    }
}
