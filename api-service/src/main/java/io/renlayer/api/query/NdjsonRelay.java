package io.renlayer.api.query;

import io.renlayer.kit.http.Exchanges;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.InputStream;

/** Copies an export from streams-processor to the client as it arrives, through one small buffer. */
public final class NdjsonRelay {

    private static final int BUFFER_BYTES = 64 * 1024;

    /**
     * A client that goes away fails a write: the source is closed, which drops the connection to streams-processor
     * and stops its scan. A source that fails (an instance died) makes the answer a 503 while nothing has been sent
     * yet — Jersey holds back a response's first 8 KiB — and aborts the response once it has begun, so the client
     * sees an error, never a short export that looks complete.
     */
    public static StreamingOutput of(InputStream source, HttpServletRequest request, HttpServletResponse response) {
        return out -> {
            try (source) {
                byte[] buffer = new byte[BUFFER_BYTES];
                while (true) {
                    int n;
                    try {
                        n = source.read(buffer);
                    } catch (IOException e) {
                        // Every write is flushed: Jersey has let bytes through exactly when the response is committed.
                        if (!response.isCommitted()) {
                            throw StreamsQueries.unavailable("the trace store failed during the export");
                        }
                        Exchanges.abort(request, e);
                        throw e;
                    }
                    if (n < 0) {
                        return;
                    }
                    out.write(buffer, 0, n);
                    // Past the first 8 KiB (which Jersey holds back to commit the response), lines reach the client
                    // as they arrive rather than when a buffer fills; a read is one network buffer.
                    out.flush();
                }
            }
        };
    }

    private NdjsonRelay() {
    }
}
