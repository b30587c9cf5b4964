package io.renlayer.kit.http;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/** What the servlet API cannot say about a response already under way. */
public final class Exchanges {

    /**
     * Ends a streamed response as failed. Once a response has started, Jersey logs a failure and then ends the
     * response as if it were complete, and the client would take a partial answer for a whole one. Aborted, the
     * connection closes without the end of the chunked body, which every HTTP client reports as an error.
     */
    public static void abort(HttpServletRequest request, Throwable cause) {
        ServletContextRequest.getServletContextRequest(request).getServletChannel().abort(cause);
    }

    private Exchanges() {
    }
}
