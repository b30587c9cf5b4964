package io.renlayer.schemas;

import com.networknt.schema.Schema;
import io.renlayer.schemas.config.AgentEntry;
import io.renlayer.schemas.config.AllowList;
import io.renlayer.schemas.config.AuditMode;
import io.renlayer.schemas.config.CustomPattern;
import io.renlayer.schemas.config.DetectorSetting;
import io.renlayer.schemas.config.DlpAction;
import io.renlayer.schemas.config.KeyEntry;
import io.renlayer.schemas.config.OidcSettings;
import io.renlayer.schemas.config.PolicyAction;
import io.renlayer.schemas.config.PolicyMatch;
import io.renlayer.schemas.config.PolicyRule;
import io.renlayer.schemas.config.SigningSecret;
import io.renlayer.schemas.config.TenantConfigSnapshot;
import io.renlayer.schemas.config.TenantSettings;
import io.renlayer.schemas.config.WebhookEndpoint;
import io.renlayer.schemas.events.CompletionEvent;
import io.renlayer.schemas.events.ControlEvent;
import io.renlayer.schemas.events.Decision;
import io.renlayer.schemas.events.DlpFinding;
import io.renlayer.schemas.events.KeyRevoked;
import io.renlayer.schemas.events.ProxyEvent;
import io.renlayer.schemas.events.RequestEvent;
import io.renlayer.schemas.events.TokenUsage;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.webhooks.DeadLetter;
import io.renlayer.schemas.webhooks.DeliveryAttempt;
import io.renlayer.schemas.webhooks.DeliveryOutcome;
import io.renlayer.schemas.json.JsonSerde;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.renlayer.schemas.JsonSchemas.errors;
import static io.renlayer.schemas.JsonSchemas.read;
import static io.renlayer.schemas.JsonSchemas.schema;
import static io.renlayer.schemas.JsonSchemas.write;
import static io.renlayer.schemas.ids.TypedId.newId;
import static org.assertj.core.api.Assertions.assertThat;

/** What the code writes to each topic must validate against the JSON Schema shipped for that topic. */
class SchemaConformanceTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123Z");
    private static final String TENANT = newId(IdType.TENANT);

    @Test
    void fullAndMinimalProxyEventsConform() {
        DlpFinding finding = new DlpFinding(newId(IdType.DETECTOR), "payment_card", "/messages/0/content", 10, 29,
                DlpAction.REDACT, "4111…1111");
        String trace = newId(IdType.TRACE);
        List<ProxyEvent> events = List.of(
                new RequestEvent(newId(IdType.EVENT), trace, TENANT, newId(IdType.AGENT), newId(IdType.KEY), "s-1",
                        "POST", "api.openai.com", "/v1/chat/completions", Decision.DENY, newId(IdType.POLICY),
                        "no tools", List.of(finding), 4096, "{\"redacted\":true}", AuditMode.STRICT, NOW),
                new RequestEvent(newId(IdType.EVENT), trace, TENANT, newId(IdType.AGENT), newId(IdType.KEY), null,
                        "GET", "tools.local", "/", Decision.ALLOW, null, null, null, 0, null, AuditMode.ASYNC, NOW),
                new CompletionEvent(newId(IdType.EVENT), trace, TENANT, "s-1", 200, "completed", 1200, 1500, 900,
                        new TokenUsage(12, 30, 42), List.of(finding), NOW),
                new CompletionEvent(newId(IdType.EVENT), trace, TENANT, null, 504, "upstream_timeout", 0, 30_000_000, 0,
                        null, null, NOW));
        Schema schema = schema("proxy-event.v1.schema.json");
        JsonSerde<ProxyEvent> serde = new JsonSerde<>(ProxyEvent.class);
        for (ProxyEvent event : events) {
            String json = write(serde, event);
            assertThat(errors(schema, json)).as(json).isEmpty();
            assertThat(serde.deserializer().deserialize("t", json.getBytes(StandardCharsets.UTF_8))).isEqualTo(event);
        }
    }

    @Test
    void controlEventsConform() {
        ControlEvent event = new KeyRevoked(newId(IdType.EVENT), TENANT, newId(IdType.AGENT), newId(IdType.KEY),
                "rl_AbCd1234", newId(IdType.USER), NOW);
        JsonSerde<ControlEvent> serde = new JsonSerde<>(ControlEvent.class);
        String json = write(serde, event);
        assertThat(json).contains("\"type\":\"key.revoked\"");
        assertThat(errors(schema("control-event.v1.schema.json"), json)).isEmpty();
        assertThat(serde.deserializer().deserialize("t", json.getBytes(StandardCharsets.UTF_8))).isEqualTo(event);
    }

    @Test
    void configSnapshotConforms() {
        TenantSettings settings = new TenantSettings(AuditMode.ASYNC, 30, true, 4096, PolicyAction.DENY, true, true,
                new OidcSettings("https://login.example.com", "renlayer", "https://login.example.com/jwks"),
                Map.of("openai", "https://api.openai.com", "tools", "https://tools.example.com/api"));
        String agent = newId(IdType.AGENT);
        TenantConfigSnapshot snapshot = new TenantConfigSnapshot(TENANT, 7, NOW, settings,
                List.of(new AgentEntry(agent, "support-bot", true)),
                List.of(new KeyEntry(newId(IdType.KEY), agent, "a".repeat(64), "rl_AbCd1234")),
                List.of(new PolicyRule(newId(IdType.POLICY), "no deletes", 10, true,
                                new PolicyMatch(List.of(agent), List.of("DELETE"), List.of("*.example.com"),
                                        List.of("/v1/**"), Map.of("x-env", "prod*"), List.of("DROP TABLE")),
                                PolicyAction.DENY, "destructive"),
                        new PolicyRule(newId(IdType.POLICY), "all", 100, false, PolicyMatch.any(), PolicyAction.ALLOW, null)),
                List.of(new DetectorSetting(newId(IdType.DETECTOR), "payment_card", true, DlpAction.BLOCK)),
                List.of(new CustomPattern(newId(IdType.PATTERN), "employee id", "EMP-[0-9]{6}", DlpAction.REDACT, true)),
                List.of(new AllowList(newId(IdType.ALLOW_LIST), "support", List.of("help@example.com"), List.of())),
                List.of(new WebhookEndpoint(newId(IdType.WEBHOOK), "https://hooks.example.com/x", List.of("policy.denied"), true, NOW)),
                List.of(new SigningSecret("v1.abc", null), new SigningSecret("v1.def", NOW)));
        JsonSerde<TenantConfigSnapshot> serde = new JsonSerde<>(TenantConfigSnapshot.class);
        String json = write(serde, snapshot);
        assertThat(errors(schema("config-snapshot.v1.schema.json"), json)).as(json).isEmpty();
        assertThat(serde.deserializer().deserialize("t", json.getBytes(StandardCharsets.UTF_8))).isEqualTo(snapshot);

        TenantConfigSnapshot empty = new TenantConfigSnapshot(TENANT, 1, NOW, TenantSettings.defaults(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        assertThat(errors(schema("config-snapshot.v1.schema.json"), write(serde, empty))).isEmpty();
    }

    @Test
    void webhookDeliveriesAndDeadLettersConform() {
        String webhook = newId(IdType.WEBHOOK);
        String event = newId(IdType.EVENT);
        DeliveryAttempt retrying = new DeliveryAttempt(TENANT, webhook, event, "policy.denied", 1, NOW,
                DeliveryOutcome.RETRYING, 503, 42, "HTTP 503", NOW.plusSeconds(10));
        DeliveryAttempt timedOut = new DeliveryAttempt(TENANT, webhook, event, "policy.denied", 2, NOW,
                DeliveryOutcome.DEAD_LETTERED, null, 10_000, "timed out after 10 s", null);
        JsonSerde<DeliveryAttempt> attempts = new JsonSerde<>(DeliveryAttempt.class);
        for (DeliveryAttempt attempt : List.of(retrying, timedOut)) {
            String json = write(attempts, attempt);
            assertThat(errors(schema("webhook-delivery.v1.schema.json"), json)).as(json).isEmpty();
            assertThat(read(attempts, json)).isEqualTo(attempt);
        }
        DeadLetter dead = new DeadLetter(TENANT, webhook, "https://hooks.example.com/x", event, "policy.denied", NOW,
                timedOut, "{\"class_uid\":4002}");
        JsonSerde<DeadLetter> deadLetters = new JsonSerde<>(DeadLetter.class);
        String json = write(deadLetters, dead);
        assertThat(errors(schema("webhook-dead-letter.v1.schema.json"), json)).as(json).isEmpty();
        assertThat(errors(schema("webhook-dead-letter.v1.schema.json"), json.replace("\"attempt\":2", "\"attempt\":0")))
                .as("the referenced attempt schema applies").isNotEmpty();
        assertThat(read(deadLetters, json)).isEqualTo(dead);
    }

    @Test
    void schemasRejectWhatTheyDoNotDescribe() {
        Schema schema = schema("proxy-event.v1.schema.json");
        RequestEvent event = new RequestEvent(newId(IdType.EVENT), newId(IdType.TRACE), TENANT, newId(IdType.AGENT),
                newId(IdType.KEY), null, "GET", "h", "/", Decision.ALLOW, null, null, null, 0, null, AuditMode.STRICT, NOW);
        String json = write(new JsonSerde<>(ProxyEvent.class), event);
        assertThat(errors(schema, json.replace("\"decision\":\"allow\"", "\"decision\":\"maybe\""))).isNotEmpty();
        assertThat(errors(schema, json.replace("\"tenant_id\"", "\"tenantId\""))).isNotEmpty();
        assertThat(errors(schema, json.replace(TENANT, "tenant_1"))).isNotEmpty();
    }
}
