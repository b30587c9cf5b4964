package io.renlayer.streams.query;

import com.fasterxml.jackson.databind.ObjectReader;
import io.dropwizard.lifecycle.Managed;
import io.renlayer.schemas.json.Json;
import io.renlayer.schemas.query.QueryApi;
import org.apache.kafka.streams.state.HostInfo;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Calls the local-only queries of other instances ({@link QueryApi#LOCAL_TENANT}). Every answer is NDJSON read as
 * it arrives ({@link PeerStream}); the request is sent at once, so calls to several peers run side by side.
 */
final class PeerClient implements Managed {

    private final HttpClient http;
    private final Duration timeout;

    PeerClient(Duration timeout) {
        // HTTP/1.1: no h2c upgrade attempt on every plain-text connection.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    /** Asks {@code host} for {@code path}; the iterator answers the values, or fails as a 503 when read. */
    <T> CloseableIterator<T> stream(HostInfo host, String path, Map<String, String> params, Class<T> type) {
        HttpRequest request = HttpRequest.newBuilder(uri(host, path, params))
                // Until the answer starts: a long export may then take as long as it takes.
                .timeout(timeout)
                .header("Accept", QueryApi.NDJSON)
                .GET()
                .build();
        ObjectReader reader = Json.mapper().readerFor(type);
        return new PeerStream<>(host, http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()), reader);
    }

    @Override
    public void stop() {
        http.close();
    }

    /** Path segments are ids and session ids, whose characters are all valid in a path as they are. */
    private static URI uri(HostInfo host, String path, Map<String, String> params) {
        String name = host.host().contains(":") ? "[" + host.host() + "]" : host.host();
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        params.forEach((key, value) -> query.add(key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return URI.create("http://" + name + ":" + host.port() + path + query);
    }
}
