package io.renlayer.kit.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.renlayer.schemas.problem.Problem;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Errors Jetty answers itself, before a request reaches Jersey (a malformed URI, headers too large …):
 * problem+json like everything else, never Jetty's HTML page or a stack trace.
 */
public class ProblemErrorHandler extends ErrorHandler {

    private final ObjectMapper mapper;

    public ProblemErrorHandler(ObjectMapper mapper) {
        this.mapper = mapper;
        setShowStacks(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) throws IOException {
        Problem problem = switch (status) {
            case 404 -> Problem.of(404, "not_found", "Not found", "no such resource or route");
            case 405 -> Problem.of(405, "method_not_allowed", "Method not allowed", "this route does not take that method");
            case 413 -> Problem.of(413, "payload_too_large", "Payload too large", "the request body is too large");
            case 414, 431 -> Problem.of(status, "request_too_large", "Request too large", "the URI or headers are too large");
            default -> status >= 500
                    ? Problem.of(status, "internal_error", "Internal error", "the server failed to handle the request")
                    : Problem.of(status, "bad_request", "Bad request", "the request is malformed");
        };
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.write(true, ByteBuffer.wrap(mapper.writeValueAsBytes(problem)), callback);
    }
}
