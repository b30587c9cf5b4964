package io.renlayer.ops.mock;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request as the mock upstream received it, for tests that assert what the proxy forwarded.
 *
 * <p>Header names are lower case, since HTTP's are case-insensitive and a proxy may change their case; a
 * header sent more than once has its values joined with ", ", which HTTP defines as the same thing.
 *
 * @param query the raw query string, or null when the URL had none
 */
public record ReceivedRequest(String method, String path, String query, Map<String, String> headers, byte[] body,
                              Instant receivedAt) {

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
