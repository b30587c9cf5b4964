package io.renlayer.streams.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.renlayer.ops.testing.KafkaBrokerExtension;
import io.renlayer.ops.testing.TopicReader;
import io.renlayer.schemas.Topics;
import io.renlayer.schemas.config.SecretSealer;
import io.renlayer.schemas.config.SigningSecret;
import io.renlayer.schemas.config.TenantConfigSnapshot;
import io.renlayer.schemas.config.TenantSettings;
import io.renlayer.schemas.config.WebhookEndpoint;
import io.renlayer.schemas.events.Decision;
import io.renlayer.schemas.events.ProxyEvent;
import io.renlayer.schemas.events.SecurityEventTypes;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.json.JsonSerde;
import io.renlayer.schemas.webhooks.WebhookSignatures;
import io.renlayer.schemas.webhooks.WebhookVerifier;
import io.renlayer.streams.StreamsApplication;
import io.renlayer.streams.StreamsConfiguration;
import io.renlayer.streams.topology.Events;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.renlayer.schemas.ids.TypedId.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Signed deliveries over real HTTP, from a real broker, to receivers that fail on purpose. */
@Tag("integration")
class WebhookDispatchIT {

    private static final String SECRETS_KEY = SecretSealer.generateKey();
    private static final SecretSealer SEALER = new SecretSealer(SECRETS_KEY);

    @RegisterExtension
    @Order(1)
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @RegisterExtension
    @Order(2)
    static final DropwizardAppExtension<StreamsConfiguration> APP = new DropwizardAppExtension<>(
            StreamsApplication.class, "config.yml",
            ConfigOverride.randomPorts(),
            ConfigOverride.config("kafka.bootstrapServers", KAFKA::bootstrapServers),
            ConfigOverride.config("streams.stateDir", "target/it-state/" + UUID.randomUUID()),
            ConfigOverride.config("webhooks.secretsKey", SECRETS_KEY),
            ConfigOverride.config("webhooks.initialBackoff", "200 milliseconds"),
            ConfigOverride.config("webhooks.maxBackoff", "400 milliseconds"),
            ConfigOverride.config("webhooks.retryFor", "3 seconds"),
            ConfigOverride.config("webhooks.tickInterval", "50 milliseconds"),
            // The receivers are on loopback, which the SSRF guard refuses unless allowed.
            ConfigOverride.config("webhooks.allowedNetworks", "127.0.0.1/32"));

    private static <V> void send(String topic, String key, V value, Serializer<V> serializer) throws Exception {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static void configure(Events tenant, String secret, WebhookEndpoint... endpoints) throws Exception {
        send(Topics.CONFIG, tenant.tenantId, new TenantConfigSnapshot(tenant.tenantId, 1, Instant.now(),
                TenantSettings.defaults(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(endpoints), List.of(new SigningSecret(SEALER.seal(tenant.tenantId, secret), null))),
                new JsonSerde<>(TenantConfigSnapshot.class).serializer());
    }

    private static void deny(Events tenant) throws Exception {
        ProxyEvent denied = tenant.request(null, Instant.now(), Decision.DENY, newId(IdType.POLICY), List.of());
        send(Topics.REQUESTS, denied.key(), denied, new JsonSerde<>(ProxyEvent.class).serializer());
    }

    private static WebhookEndpoint endpoint(String url) {
        return new WebhookEndpoint(newId(IdType.WEBHOOK), url, List.of(SecurityEventTypes.POLICY_DENIED), true,
                Instant.now());
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheSameSignedEventThreeTimes() throws Exception {
        Events tenant = new Events();
        String secret = "whsec_" + UUID.randomUUID();
        try (Receiver receiver = new Receiver(n -> n <= 2 ? 503 : 200);
             TopicReader deliveries = new TopicReader(KAFKA.bootstrapServers(), Topics.WEBHOOK_DELIVERIES)) {
            WebhookEndpoint endpoint = endpoint(receiver.url());
            configure(tenant, secret, endpoint);
            deny(tenant);

            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().size() == 3);
            List<Receiver.Received> posts = receiver.received();
            assertThat(posts).extracting(p -> p.header(WebhookSignatures.EVENT_ID_HEADER)).doesNotContainNull()
                    .as("one event id across the retries").containsOnly(posts.getFirst().header("X-RenLayer-Event-Id"));
            WebhookVerifier verifier = new WebhookVerifier(secret);
            for (Receiver.Received post : posts) {
                String t = post.header(WebhookSignatures.TIMESTAMP_HEADER);
                assertThat(post.header(WebhookSignatures.SIGNATURE_HEADER))
                        .isEqualTo("t=" + t + ",v1=" + ReceiverSide.hmac(secret, t, post.body()));
                verifier.verify(post.header(WebhookSignatures.SIGNATURE_HEADER), post.body());
                assertThat(post.header("Content-Type")).startsWith("application/json");
            }
            byte[] tampered = new String(posts.getLast().body(), StandardCharsets.UTF_8)
                    .replace("Policy denied", "Policy allowed").getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> verifier.verify(posts.getLast().header(WebhookSignatures.SIGNATURE_HEADER),
                    tampered)).isInstanceOf(WebhookVerifier.Rejected.class);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                deliveries.poll(Duration.ofMillis(200));
                assertThat(deliveries.values(Topics.WEBHOOK_DELIVERIES, tenant.tenantId))
                        .extracting(v -> v.get("attempt").asInt() + ":" + v.get("outcome").asText()
                                + ":" + v.get("status_code").asInt())
                        .containsExactly("1:retrying:503", "2:retrying:503", "3:delivered:200");
            });
        }
    }

    @Test
    void aReceiverThatNeverAnswersWellEndsOnTheDeadLetterTopic() throws Exception {
        Events tenant = new Events();
        try (Receiver receiver = new Receiver(n -> 500);
             TopicReader deadLetters = new TopicReader(KAFKA.bootstrapServers(), Topics.WEBHOOK_DEAD_LETTER)) {
            configure(tenant, "whsec_" + UUID.randomUUID(), endpoint(receiver.url()));
            deny(tenant);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                deadLetters.poll(Duration.ofMillis(200));
                assertThat(deadLetters.values(Topics.WEBHOOK_DEAD_LETTER, tenant.tenantId)).hasSize(1);
            });
            JsonNode dead = deadLetters.values(Topics.WEBHOOK_DEAD_LETTER, tenant.tenantId).getFirst();
            int attempts = dead.get("last_attempt").get("attempt").asInt();
            assertThat(attempts).as("retried for the 3 s period, 200-400 ms apart").isBetween(5, 20);
            assertThat(receiver.received()).hasSize(attempts);
            assertThat(dead.get("body").asText().getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(receiver.received().getFirst().body());
            Thread.sleep(1000);
            assertThat(receiver.received()).as("nothing after the dead letter").hasSize(attempts);
        }
    }

    @Test
    void aReceiverOnAnInternalAddressIsRefusedBySsrfGuard() throws Exception {
        Events tenant = new Events();
        try (TopicReader deliveries = new TopicReader(KAFKA.bootstrapServers(), Topics.WEBHOOK_DELIVERIES)) {
            // 169.254.169.254 is the cloud metadata service: never reachable through a webhook.
            configure(tenant, "whsec_" + UUID.randomUUID(), endpoint("http://169.254.169.254/latest/meta-data"));
            deny(tenant);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                deliveries.poll(Duration.ofMillis(200));
                Set<String> errors = deliveries.values(Topics.WEBHOOK_DELIVERIES, tenant.tenantId).stream()
                        .map(v -> v.get("error").asText()).collect(Collectors.toSet());
                assertThat(errors).containsExactly("refused: the receiver's address is internal (SSRF guard)");
            });
        }
    }
}
