package io.renlayer.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.renlayer.ops.BootstrappedTenant;
import io.renlayer.ops.stack.FullStack;
import io.renlayer.schemas.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's owner at work on the public API, signed in the way a person is: the operator's bootstrap command makes
 * the tenant, then an emailed sign-in code (local mode writes it to the api-service log) buys an access token.
 */
final class Operator {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final FullStack stack;
    final String tenantId;
    private final String token;

    private Operator(FullStack stack, String tenantId, String token) {
        this.stack = stack;
        this.tenantId = tenantId;
        this.token = token;
    }

    static Operator newTenant(FullStack stack) throws Exception {
        String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@e2e.example.com";
        BootstrappedTenant tenant = stack.bootstrapTenant("E2E " + email, email);
        return new Operator(stack, tenant.id(), stack.signIn(email));
    }

    /** {@code rest} under {@code /v1/tenants/{tenant_id}}; fails unless the status is {@code expected}. */
    JsonNode call(String method, String rest, Object body, int expected) {
        return send(stack, token, method, path(rest), body, expected);
    }

    JsonNode get(String rest) {
        return call("GET", rest, null, 200);
    }

    JsonNode post(String rest, Object body) {
        return call("POST", rest, body, body == null ? 200 : 201);
    }

    /** The status of a GET, whatever it is. */
    int status(String rest) {
        return raw("GET", path(rest), null).statusCode();
    }

    /** A streamed GET (an export), read by the caller. */
    HttpResponse<InputStream> stream(String rest) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.apiUrl() + path(rest)))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    String path(String rest) {
        return "/v1/tenants/" + tenantId + rest;
    }

    /** A new agent and one key for it: {@code [agent_id, key_id, secret]}. */
    List<String> agentWithKey(String name) {
        String agentId = post("/agents", Map.of("name", name)).path("id").asText();
        JsonNode key = post("/agents/" + agentId + "/keys", Map.of("name", name + " key"));
        return List.of(agentId, key.path("id").asText(), key.path("secret").asText());
    }

    private static JsonNode send(FullStack stack, String token, String method, String path, Object body, int expected) {
        HttpResponse<String> response = raw(stack, token, method, path, body);
        if (response.statusCode() != expected) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ", not " + expected
                    + ": " + response.body());
        }
        try {
            return response.body().isEmpty() ? null : Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> raw(String method, String path, Object body) {
        return raw(stack, token, method, path, body);
    }

    private static HttpResponse<String> raw(FullStack stack, String token, String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.apiUrl() + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body)))
                    .header("Content-Type", "application/json");
            Optional.ofNullable(token).ifPresent(t -> request.header("Authorization", "Bearer " + t));
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
