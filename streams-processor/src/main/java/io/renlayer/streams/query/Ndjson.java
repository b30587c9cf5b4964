package io.renlayer.streams.query;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.renlayer.schemas.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/** Streams values as NDJSON, one JSON document a line, written as they are read. */
final class Ndjson {

    private static final ObjectWriter WRITER = Json.mapper().writer();

    /**
     * The body of a long-lived response. The values are closed when all are written, when the client goes away (a
     * write fails) and when reading them fails. In that last case the exchange is aborted: once a response has
     * started, Jersey logs a failure and then ends the response as if it were complete, and the client would take
     * a partial answer for a whole one. Aborted, the connection closes without the end of the chunked body, which
     * every HTTP client reports as an error.
     */
    static StreamingOutput of(CloseableIterator<?> values, HttpServletRequest request) {
        return out -> {
            try (values) {
                while (values.hasNext()) {
                    out.write(WRITER.writeValueAsBytes(values.next()));
                    out.write('\n');
                }
            } catch (RuntimeException e) {
                ServletContextRequest.getServletContextRequest(request).getServletChannel().abort(e);
                throw e;
            }
        };
    }

    private Ndjson() {
    }
}
