package io.renlayer.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.renlayer.ops.testing.TopicReader;
import io.renlayer.schemas.Topics;
import io.renlayer.schemas.json.Json;
import io.renlayer.schemas.siem.DataSecurityFinding;
import io.renlayer.schemas.siem.HttpActivity;
import io.renlayer.schemas.webhooks.WebhookSignatures;
import io.renlayer.schemas.webhooks.WebhookVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What a security team sees: a denied request and a DLP block each reach the tenant's webhook endpoint signed (and
 * verified here with the verifier RenLayer ships) and the SIEM topic as OCSF events; a revoked key stops working
 * within a second and is announced by a {@code key.revoked} webhook.
 */
@Tag("integration")
class SecurityAlertsIT {

    private static final Duration DELIVERY = Duration.ofSeconds(15);

    private static Operator owner;
    private static String webhookId;
    private static WebhookReceiver receiver;
    private static WebhookVerifier verifier;
    private static TopicReader siem;

    @BeforeAll
    static void tenantWithPoliciesAndAWebhook() throws Exception {
        owner = Operator.newTenant(E2eStack.get());
        receiver = new WebhookReceiver();
        JsonNode webhook = owner.post("/webhooks", Map.of("url", receiver.url(),
                "event_types", List.of("policy.denied", "dlp.blocked", "key.revoked")));
        verifier = new WebhookVerifier(webhook.path("signing_secret").asText());
        webhookId = webhook.path("id").asText();
        owner.post("/policies", Map.of("name", "no file uploads", "priority", 10, "action", "DENY",
                "match", Map.of("path_globs", List.of("/v1/files/**"))));
        owner.post("/dlp/patterns", Map.of("name", "project codename", "regex", "NIGHTJAR-[0-9]{4}", "action", "block"));
        siem = new TopicReader(owner.stack.bootstrapServers(), Topics.SECURITY_EVENTS);
    }

    @AfterAll
    static void close() {
        receiver.close();
        siem.close();
    }

    @Test
    void aDenyAndADlpBlockEachRaiseASignedWebhookAndAnOcsfEvent() throws Exception {
        String secret = owner.agentWithKey("uploader").get(2);
        HttpResponse<String> denied = await().atMost(Duration.ofSeconds(10))
                .until(() -> proxy(secret, "/mock/v1/files/upload", "{\"purpose\":\"fine-tune\"}"),
                        r -> r.statusCode() == 403);
        HttpResponse<String> blocked = proxy(secret, "/mock/v1/chat/completions",
                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"status of NIGHTJAR-2231?\"}]}");

        assertThat(Json.mapper().readTree(denied.body()).path("code").asText()).isEqualTo("policy_denied");
        assertThat(Json.mapper().readTree(blocked.body()).path("code").asText()).isEqualTo("dlp_blocked");
        String deniedTrace = denied.headers().firstValue("X-RenLayer-Trace-Id").orElseThrow();
        String blockedTrace = blocked.headers().firstValue("X-RenLayer-Trace-Id").orElseThrow();

        JsonNode deny = verifiedWebhook("policy.denied", deniedTrace);
        JsonNode dlp = verifiedWebhook("dlp.blocked", blockedTrace);
        assertThat(deny.path("class_uid").asInt()).as("OCSF HTTP Activity").isEqualTo(HttpActivity.CLASS_UID);
        assertThat(dlp.path("class_uid").asInt()).as("OCSF Data Security Finding").isEqualTo(DataSecurityFinding.CLASS_UID);
        assertThat(dlp.toString()).as("the finding is masked, never the value").doesNotContain("NIGHTJAR-2231");

        List<JsonNode> events = siem.await(Topics.SECURITY_EVENTS, owner.tenantId,
                found -> found.stream().filter(e -> isFor(e, deniedTrace) || isFor(e, blockedTrace)).count() == 2,
                DELIVERY);
        assertThat(events).filteredOn(e -> isFor(e, deniedTrace)).containsExactly(deny);
        assertThat(events).filteredOn(e -> isFor(e, blockedTrace)).containsExactly(dlp);
    }

    @Test
    void aRevokedKeyStopsWithinASecondAndIsAnnounced() throws Exception {
        List<String> agent = owner.agentWithKey("to be revoked");
        String chat = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        await().atMost(Duration.ofSeconds(10))
                .until(() -> proxy(agent.get(2), "/mock/v1/chat/completions", chat).statusCode() == 200);

        owner.post("/agents/" + agent.get(0) + "/keys/" + agent.get(1) + "/revoke", null);

        await().atMost(AgentTrafficIT.FRESHNESS).pollInterval(Duration.ofMillis(20))
                .until(() -> proxy(agent.get(2), "/mock/v1/chat/completions", chat).statusCode() == 401);
        JsonNode revoked = await().atMost(DELIVERY).until(() -> receiver.deliveries().stream()
                .filter(d -> "key.revoked".equals(d.header(WebhookSignatures.EVENT_TYPE_HEADER)))
                .map(SecurityAlertsIT::verified)
                .filter(event -> event.path("unmapped").path("key_id").asText().equals(agent.get(1)))
                .findFirst().orElse(null), event -> event != null);
        assertThat(revoked.path("unmapped").path("agent_id").asText()).isEqualTo(agent.get(0));
        assertThat(revoked.toString()).doesNotContain(agent.get(2));
        String eventId = revoked.path("metadata").path("uid").asText();
        JsonNode attempt = await().atMost(Duration.ofSeconds(5)).until(() -> find(
                owner.get("/webhooks/" + webhookId + "/deliveries?limit=200").path("data"), eventId), a -> a != null);
        assertThat(attempt.path("outcome").asText()).as("the API's delivery log").isEqualTo("delivered");
        assertThat(attempt.path("status_code").asInt()).isEqualTo(200);
    }

    @Test
    void aTestEventChecksTheEndpointAtOnce() {
        JsonNode result = owner.post("/webhooks/" + webhookId + "/test", null);

        assertThat(result.path("delivered").asBoolean()).isTrue();
        WebhookReceiver.Delivery test = receiver.deliveries().stream()
                .filter(d -> result.path("event_id").asText().equals(d.header(WebhookSignatures.EVENT_ID_HEADER)))
                .findFirst().orElseThrow();
        assertThat(verified(test).path("unmapped").path("event_type").asText()).isEqualTo("webhook.test");
    }

    /** The delivery of {@code eventType} for {@code traceId}, after its signature and a tampered copy are checked. */
    private static JsonNode verifiedWebhook(String eventType, String traceId) {
        WebhookReceiver.Delivery delivery = await().atMost(DELIVERY).until(() -> receiver.deliveries().stream()
                .filter(d -> eventType.equals(d.header(WebhookSignatures.EVENT_TYPE_HEADER)))
                .filter(d -> isFor(parse(d.body()), traceId)).findFirst().orElse(null), d -> d != null);
        JsonNode event = verified(delivery);
        byte[] tampered = Arrays.copyOf(delivery.body(), delivery.body().length);
        tampered[tampered.length / 2] ^= 1;
        assertThatThrownBy(() -> verifier.verify(delivery.header(WebhookSignatures.SIGNATURE_HEADER), tampered))
                .isInstanceOf(WebhookVerifier.Rejected.class);
        assertThat(delivery.header(WebhookSignatures.EVENT_ID_HEADER)).isNotBlank();
        return event;
    }

    private static JsonNode verified(WebhookReceiver.Delivery delivery) {
        try {
            verifier.verify(delivery.header(WebhookSignatures.SIGNATURE_HEADER), delivery.body());
        } catch (WebhookVerifier.Rejected e) {
            throw new AssertionError("a webhook failed verification: " + e.getMessage(), e);
        }
        return parse(delivery.body());
    }

    private static JsonNode find(JsonNode attempts, String eventId) {
        for (JsonNode attempt : attempts) {
            if (attempt.path("event_id").asText().equals(eventId)) {
                return attempt;
            }
        }
        return null;
    }

    private static boolean isFor(JsonNode event, String traceId) {
        return traceId.equals(event.path("unmapped").path("trace_id").asText());
    }

    private static JsonNode parse(byte[] body) {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new AssertionError("a webhook body is not JSON", e);
        }
    }

    private static HttpResponse<String> proxy(String key, String path, String body)
            throws IOException, InterruptedException {
        return Proxy.post(owner.stack, key, null, path, body);
    }
}
