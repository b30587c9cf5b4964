package io.renlayer.api.query;

import io.renlayer.kit.http.Exchanges;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.InputStream;

/** Copies an export from streams-processor to the client as it arrives, through one small buffer. */
public final class NdjsonRelay {

    private static final int BUFFER_BYTES = 64 * 1024;

    /**
     * A client that goes away fails a write: the source is closed, which drops the connection to streams-processor
     * and stops its scan. A source that fails mid-way (an instance died) aborts the client's response, so the client
     * sees an error, never a short export that looks complete.
     */
    public static StreamingOutput of(InputStream source, HttpServletRequest request) {
        return out -> {
            try (source) {
                // Commits the status and headers now: an abort is only seen as one once the response has begun.
                out.flush();
                byte[] buffer = new byte[BUFFER_BYTES];
                while (true) {
                    int n;
                    try {
                        n = source.read(buffer);
                    } catch (IOException e) {
                        Exchanges.abort(request, e);
                        throw e;
                    }
                    if (n < 0) {
                        return;
                    }
                    out.write(buffer, 0, n);
                    // Lines reach the client as they arrive, not when a buffer fills (a read is a network buffer).
                    out.flush();
                }
            }
        };
    }

    private NdjsonRelay() {
    }
}
