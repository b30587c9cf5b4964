package io.renlayer.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.renlayer.api.auth.Role;
import io.renlayer.api.testing.Problems;
import io.renlayer.api.testing.TestStack;
import io.renlayer.api.testing.TestTenant;
import io.renlayer.schemas.json.Json;
import io.renlayer.schemas.webhooks.WebhookSignatures;
import io.renlayer.schemas.webhooks.WebhookVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /webhooks/{id}/test}: a signed {@code webhook.test} event reaches the endpoint at once and the answer
 * says how it went; the SSRF guard applies as to real deliveries; a retry with the same Idempotency-Key does not send
 * again.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookTestIT {

    private final TestTenant tenant = TestStack.get().app().newTenant();
    private final List<Map<String, String>> headers = new CopyOnWriteArrayList<>();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private HttpServer receiver;
    private String secret;
    private String webhookId;

    @BeforeAll
    void webhookAtAReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        receiver.createContext("/", exchange -> {
            try (exchange) {
                bodies.add(exchange.getRequestBody().readAllBytes());
                headers.add(Map.of(
                        "signature", exchange.getRequestHeaders().getFirst(WebhookSignatures.SIGNATURE_HEADER),
                        "type", exchange.getRequestHeaders().getFirst(WebhookSignatures.EVENT_TYPE_HEADER),
                        "id", exchange.getRequestHeaders().getFirst(WebhookSignatures.EVENT_ID_HEADER)));
                exchange.sendResponseHeaders(status.get(), -1);
            }
        });
        receiver.start();
        JsonNode webhook = tenant.admin().post(tenant.path("/webhooks"), Map.of(
                "url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                "event_types", List.of("policy.denied"))).expect(201).json();
        secret = webhook.path("signing_secret").asText();
        webhookId = webhook.path("id").asText();
    }

    @AfterAll
    void stop() {
        receiver.stop(0);
    }

    @Test
    void aSignedTestEventArrivesAndTheAnswerSaysHowItWent() throws Exception {
        status.set(200);
        int before = bodies.size();
        JsonNode result = tenant.admin().post(tenant.path("/webhooks/" + webhookId + "/test"), null).expect(200).json();

        assertThat(result.path("delivered").asBoolean()).isTrue();
        assertThat(result.path("status_code").asInt()).isEqualTo(200);
        assertThat(bodies).hasSize(before + 1);
        Map<String, String> sent = headers.getLast();
        new WebhookVerifier(secret).verify(sent.get("signature"), bodies.getLast());
        assertThat(sent.get("type")).isEqualTo("webhook.test");
        assertThat(sent.get("id")).isEqualTo(result.path("event_id").asText());
        JsonNode event = Json.mapper().readTree(bodies.getLast());
        assertThat(event.path("unmapped").path("event_type").asText()).isEqualTo("webhook.test");
        assertThat(event.path("unmapped").path("webhook_id").asText()).isEqualTo(webhookId);
        assertThat(event.path("metadata").path("uid").asText()).isEqualTo(result.path("event_id").asText());
        JsonNode audit = tenant.owner().get(tenant.path("/audit-log?action=webhook.tested")).expect(200).json();
        assertThat(audit.path("data")).extracting(e -> e.path("resource_id").asText()).contains(webhookId);
    }

    @Test
    void aFailingReceiverIsReportedNotHidden() {
        status.set(500);
        JsonNode result = tenant.admin().post(tenant.path("/webhooks/" + webhookId + "/test"), null).expect(200).json();

        assertThat(result.path("delivered").asBoolean()).isFalse();
        assertThat(result.path("status_code").asInt()).isEqualTo(500);
        assertThat(result.path("error").asText()).isEqualTo("HTTP 500");
        status.set(200);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeySendsOnce() {
        int before = bodies.size();
        String path = tenant.path("/webhooks/" + webhookId + "/test");
        JsonNode first = tenant.admin().withHeader("Idempotency-Key", "test-once").post(path, null).expect(200).json();
        JsonNode again = tenant.admin().withHeader("Idempotency-Key", "test-once").post(path, null).expect(200).json();

        assertThat(again).isEqualTo(first);
        assertThat(bodies).hasSize(before + 1);
    }

    @Test
    void anInternalAddressIsRefusedByTheSsrfGuard() {
        // Local mode lets the URL be registered; sending still goes through the guard, like a real delivery.
        String metadata = tenant.admin().post(tenant.path("/webhooks"), Map.of("url", "http://169.254.169.254/latest",
                "event_types", List.of("policy.denied"))).expect(201).json().path("id").asText();

        JsonNode result = tenant.admin().post(tenant.path("/webhooks/" + metadata + "/test"), null).expect(200).json();

        assertThat(result.path("delivered").asBoolean()).isFalse();
        assertThat(result.path("error").asText()).contains("SSRF guard");
        Problems.assertProblem(tenant.as(Role.ANALYST).post(tenant.path("/webhooks/" + webhookId + "/test"), null),
                403, "forbidden");
    }
}
