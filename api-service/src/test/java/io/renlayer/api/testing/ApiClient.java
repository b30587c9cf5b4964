package io.renlayer.api.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.renlayer.schemas.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** A tiny HTTP client for the tests: real requests over a socket, bodies as JSON trees. */
public final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper MAPPER = Json.mapper();

    private final String baseUrl;
    private final Map<String, String> headers;

    public ApiClient(String baseUrl) {
        this(baseUrl, Map.of());
    }

    private ApiClient(String baseUrl, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.headers = headers;
    }

    public ApiClient withToken(String token) {
        return withHeader("Authorization", "Bearer " + token);
    }

    public ApiClient withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiClient(baseUrl, more);
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply post(String path, Object body) {
        return send("POST", path, body);
    }

    public Reply patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    /** {@code body}: null for none, a String sent as is, anything else as JSON. */
    public Reply send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
            headers.forEach(request::header);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                String text = body instanceof String s ? s : MAPPER.writeValueAsString(body);
                if (!headers.containsKey("Content-Type")) {
                    request.header("Content-Type", "application/json");
                }
                request.method(method, HttpRequest.BodyPublishers.ofString(text));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Reply(int status, String contentType, String body, HttpResponse<String> raw) {

        /** The body; an NDJSON one as an array of its lines. */
        public JsonNode json() {
            try {
                if (contentType != null && contentType.startsWith("application/x-ndjson")) {
                    ArrayNode lines = MAPPER.createArrayNode();
                    for (String line : body.lines().toList()) {
                        lines.add(MAPPER.readTree(line));
                    }
                    return lines;
                }
                return MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public Reply expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected " + expected + " but got " + status + ": " + body);
            }
            return this;
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
