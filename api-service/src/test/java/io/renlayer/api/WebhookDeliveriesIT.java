package io.renlayer.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.renlayer.api.auth.Role;
import io.renlayer.api.testing.ApiClient;
import io.renlayer.api.testing.Problems;
import io.renlayer.api.testing.TestStack;
import io.renlayer.api.testing.TestTenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /webhooks/{id}/deliveries} against the real dispatcher: key revocations (made through the API) are
 * delivered to a receiver on loopback, and every attempt shows up, newest first, paged without repeats.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookDeliveriesIT {

    private static final int REVOCATIONS = 3;

    private final TestTenant tenant = TestStack.get().app().newTenant();
    private final AtomicInteger received = new AtomicInteger();
    private HttpServer receiver;
    private String webhookId;
    private final List<String> revokedKeys = new ArrayList<>();

    @BeforeAll
    void revokeKeysWithAWebhookListening() {
        receiver = startReceiver();
        webhookId = tenant.admin().post(tenant.path("/webhooks"), Map.of(
                "url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                "event_types", List.of("key.revoked"))).expect(201).json().path("id").asText();
        String agentId = tenant.createAgent("revoked often");
        for (int i = 0; i < REVOCATIONS; i++) {
            String keyId = tenant.admin().post(tenant.path("/agents/" + agentId + "/keys"),
                    Map.of("name", "key " + i)).expect(201).json().path("id").asText();
            tenant.admin().post(tenant.path("/agents/" + agentId + "/keys/" + keyId + "/revoke"), null).expect(200);
            revokedKeys.add(keyId);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> received.get() >= REVOCATIONS);
    }

    @AfterAll
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void everyAttemptIsListedNewestFirstAndPagedWithoutRepeats() {
        ApiClient analyst = tenant.as(Role.ANALYST);
        JsonNode all = await().atMost(Duration.ofSeconds(10)).until(
                () -> analyst.get(tenant.path("/webhooks/" + webhookId + "/deliveries")).expect(200).json(),
                page -> page.path("data").size() == REVOCATIONS);
        for (JsonNode attempt : all.path("data")) {
            assertThat(attempt.path("webhook_id").asText()).isEqualTo(webhookId);
            assertThat(attempt.path("tenant_id").asText()).isEqualTo(tenant.id);
            assertThat(attempt.path("event_type").asText()).isEqualTo("key.revoked");
            assertThat(attempt.path("outcome").asText()).isEqualTo("delivered");
            assertThat(attempt.path("status_code").asInt()).isEqualTo(204);
            assertThat(attempt.path("attempt").asInt()).isEqualTo(1);
        }
        List<String> times = new ArrayList<>();
        all.path("data").forEach(a -> times.add(a.path("attempted_at").asText()));
        assertThat(times).isSortedAccordingTo((a, b) -> java.time.Instant.parse(b).compareTo(java.time.Instant.parse(a)));

        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = analyst.get(tenant.path("/webhooks/" + webhookId + "/deliveries?limit=1"
                    + (cursor == null ? "" : "&cursor=" + cursor))).expect(200).json();
            page.path("data").forEach(a -> walked.add(a.path("event_id").asText()));
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
        } while (cursor != null);
        List<String> listed = new ArrayList<>();
        all.path("data").forEach(a -> listed.add(a.path("event_id").asText()));
        assertThat(walked).doesNotHaveDuplicates().containsExactlyElementsOf(listed);
    }

    @Test
    void anotherTenantsWebhookIsNotFoundAndACursorIsBoundToItsWebhook() {
        TestTenant other = TestStack.get().app().newTenant();
        Problems.assertProblem(other.owner().get(other.path("/webhooks/" + webhookId + "/deliveries")), 404,
                "not_found");
        String cursor = tenant.owner().get(tenant.path("/webhooks/" + webhookId + "/deliveries?limit=1"))
                .expect(200).json().path("next_cursor").asText();
        String otherWebhook = tenant.admin().post(tenant.path("/webhooks"), Map.of("url", "https://hooks.example.com/x",
                "event_types", List.of("policy.denied"))).expect(201).json().path("id").asText();
        Problems.assertProblem(tenant.owner().get(tenant.path("/webhooks/" + otherWebhook + "/deliveries?cursor="
                + cursor)), 400, "invalid_cursor");
        assertThat(tenant.owner().get(tenant.path("/webhooks/" + otherWebhook + "/deliveries")).expect(200).json()
                .path("data")).isEmpty();
    }

    private HttpServer startReceiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
            server.createContext("/", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    received.incrementAndGet();
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
