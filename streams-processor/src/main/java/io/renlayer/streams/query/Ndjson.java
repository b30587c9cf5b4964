package io.renlayer.streams.query;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.renlayer.kit.http.Exchanges;
import io.renlayer.schemas.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.StreamingOutput;

/** Streams values as NDJSON, one JSON document a line, written as they are read. */
final class Ndjson {

    private static final ObjectWriter WRITER = Json.mapper().writer();

    /**
     * The body of a long-lived response. The values are closed when all are written, when the client goes away (a
     * write fails) and when reading them fails; in that last case the exchange is aborted, so the client sees an
     * error rather than a short export.
     */
    static StreamingOutput of(CloseableIterator<?> values, HttpServletRequest request) {
        return out -> {
            try (values) {
                while (values.hasNext()) {
                    out.write(WRITER.writeValueAsBytes(values.next()));
                    out.write('\n');
                }
            } catch (RuntimeException e) {
                Exchanges.abort(request, e);
                throw e;
            }
        };
    }

    private Ndjson() {
    }
}
