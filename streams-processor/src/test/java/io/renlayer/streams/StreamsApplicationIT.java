package io.renlayer.streams;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.renlayer.ops.testing.KafkaBrokerExtension;
import io.renlayer.ops.testing.TopicReader;
import io.renlayer.schemas.Topics;
import io.renlayer.schemas.config.SecretSealer;
import io.renlayer.schemas.events.Decision;
import io.renlayer.schemas.events.ProxyEvent;
import io.renlayer.schemas.events.RequestEvent;
import io.renlayer.schemas.json.JsonSerde;
import io.renlayer.streams.topology.Events;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Tag("integration")
class StreamsApplicationIT {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    @RegisterExtension
    @Order(1)
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @RegisterExtension
    @Order(2)
    static final DropwizardAppExtension<StreamsConfiguration> APP = new DropwizardAppExtension<>(
            StreamsApplication.class, "config.yml",
            ConfigOverride.randomPorts(),
            ConfigOverride.config("kafka.bootstrapServers", KAFKA::bootstrapServers),
            ConfigOverride.config("webhooks.secretsKey", SecretSealer.generateKey()),
            // A fresh broker each run: local state left by an earlier run would describe other topics.
            ConfigOverride.config("streams.stateDir", "target/it-state/" + UUID.randomUUID()));

    @Test
    void healthChecksReachKafkaAndSeeStreamsRunning() {
        await().atMost(STARTUP).untilAsserted(() -> {
            try (Response response = APP.client()
                    .target("http://localhost:" + APP.getAdminPort() + "/healthcheck")
                    .request()
                    .get()) {
                String body = response.readEntity(String.class);

                assertThat(response.getStatus()).as(body).isEqualTo(200);
                assertThat(body).contains("\"kafka\"", "\"streams\"").doesNotContain("\"healthy\":false");
            }
        });
    }

    @Test
    void requestEventsBecomeATraceASessionAndASecurityEventExactlyOnce() throws Exception {
        Events events = new Events();
        RequestEvent denied = events.request("it-session", Instant.now(), Decision.DENY, null, List.of());
        try (KafkaProducer<String, ProxyEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new JsonSerde<>(ProxyEvent.class).serializer())) {
            for (ProxyEvent event : List.of(denied, events.completion(denied, Duration.ofMillis(3)))) {
                producer.send(new ProducerRecord<>(Topics.REQUESTS, event.key(), event)).get();
            }
        }

        try (TopicReader reader = new TopicReader(KAFKA.bootstrapServers(),
                Topics.TRACES, Topics.SESSIONS, Topics.SECURITY_EVENTS)) {
            String sessionKey = events.tenantId + "|it-session";
            JsonNode trace = reader.await(Topics.TRACES, sessionKey, values -> !values.isEmpty(), STARTUP).getFirst();
            assertThat(trace.path("trace_id").asText()).isEqualTo(denied.traceId());
            assertThat(trace.path("status").asText()).isEqualTo("completed");
            reader.await(Topics.SESSIONS, sessionKey, values -> !values.isEmpty(), STARTUP);
            JsonNode security = reader.await(Topics.SECURITY_EVENTS, events.tenantId, values -> !values.isEmpty(),
                    STARTUP).getFirst();
            assertThat(security.path("unmapped").path("event_type").asText()).isEqualTo("policy.denied");

            reader.drain(Duration.ofSeconds(1));
            assertThat(reader.values(Topics.TRACES, sessionKey)).hasSize(1);
            assertThat(reader.values(Topics.SECURITY_EVENTS, events.tenantId)).hasSize(1);
        }
    }
}
