package io.renlayer.streams.query;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import io.renlayer.schemas.json.Json;
import io.renlayer.schemas.problem.Problem;
import org.apache.kafka.streams.state.HostInfo;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A peer's NDJSON answer, parsed line by line as it is read. Any failure — unreachable, an error status, an
 * answer that breaks off (the peer aborts a response it cannot finish) — is a 503: the query cannot be complete.
 * Closing it early closes the connection, which stops the peer's scan.
 */
final class PeerStream<T> extends CloseableIterator<T> {

    /** Enough of a problem document to quote its detail. */
    private static final int PROBLEM_BYTES = 16 * 1024;

    private final HostInfo host;
    private final CompletableFuture<HttpResponse<InputStream>> response;
    private final ObjectReader reader;
    private MappingIterator<T> values;

    PeerStream(HostInfo host, CompletableFuture<HttpResponse<InputStream>> response, ObjectReader reader) {
        this.host = host;
        this.response = response;
        this.reader = reader;
    }

    @Override
    protected T computeNext() {
        try {
            if (values == null) {
                values = open();
            }
            return values.hasNextValue() ? values.nextValue() : null;
        } catch (IOException e) {
            throw failed("its answer broke off (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        if (values != null) {
            try {
                values.close();
            } catch (IOException e) {
                // the connection is gone either way
            }
            return;
        }
        response.cancel(true);
        // Already answered (cancel came too late): release the connection.
        response.thenAccept(answer -> closeQuietly(answer.body()));
    }

    private MappingIterator<T> open() throws IOException {
        HttpResponse<InputStream> answer;
        try {
            answer = response.get();
        } catch (ExecutionException e) {
            throw failed("it is unreachable (" + e.getCause() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("the query was interrupted");
        }
        InputStream body = answer.body();
        if (answer.statusCode() != 200) {
            String detail = detail(body);
            closeQuietly(body);
            throw failed("it answered " + answer.statusCode() + detail);
        }
        return reader.readValues(body);
    }

    private QueryException failed(String why) {
        return QueryException.unavailable("instance " + host.host() + ":" + host.port() + " did not answer: " + why);
    }

    private static String detail(InputStream body) {
        try {
            Problem problem = Json.mapper().readValue(body.readNBytes(PROBLEM_BYTES), Problem.class);
            return problem.detail() == null ? "" : " (" + problem.detail() + ")";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }
}
