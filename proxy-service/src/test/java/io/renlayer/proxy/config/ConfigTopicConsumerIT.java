package io.renlayer.proxy.config;

import io.renlayer.ops.testing.KafkaBrokerExtension;
import io.renlayer.proxy.core.ConfigStore;
import io.renlayer.schemas.Topics;
import io.renlayer.schemas.config.AgentEntry;
import io.renlayer.schemas.config.KeyEntry;
import io.renlayer.schemas.config.TenantConfigSnapshot;
import io.renlayer.schemas.config.TenantSettings;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;
import io.renlayer.schemas.json.JsonSerde;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The proxy's view of configuration follows the real config topic: existing snapshots, then changes. */
@Tag("integration")
class ConfigTopicConsumerIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @Test
    void loadsWhatIsOnTheTopicThenFollowsARevocationWithinASecond() throws Exception {
        String tenant = TypedId.newId(IdType.TENANT);
        String agent = TypedId.newId(IdType.AGENT);
        String secret = "rl_" + "k".repeat(40);
        try (KafkaProducer<String, TenantConfigSnapshot> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new JsonSerde<>(TenantConfigSnapshot.class).serializer())) {
            producer.send(new ProducerRecord<>(Topics.CONFIG, tenant, snapshot(tenant, agent, 1,
                    List.of(new KeyEntry(TypedId.newId(IdType.KEY), agent, KeyEntry.secretSha256Of(secret), "rl_kkkkkkkk")))))
                    .get();

            ConfigStore store = new ConfigStore();
            ConfigTopicConsumer consumer = new ConfigTopicConsumer(KAFKA.bootstrapServers(), store);
            consumer.start();
            try {
                await().atMost(Duration.ofSeconds(20)).until(store::loaded);
                assertThat(store.resolve(secret)).as("loaded before serving").isPresent();

                producer.send(new ProducerRecord<>(Topics.CONFIG, tenant, snapshot(tenant, agent, 2, List.of()))).get();
                long revokedAt = System.nanoTime();
                await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10))
                        .until(() -> store.resolve(secret).isEmpty());
                assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).isLessThan(Duration.ofSeconds(1));
            } finally {
                consumer.stop();
            }
        }
    }

    private static TenantConfigSnapshot snapshot(String tenant, String agent, long version, List<KeyEntry> keys) {
        return new TenantConfigSnapshot(tenant, version, Instant.now(), TenantSettings.defaults(),
                List.of(new AgentEntry(agent, "bot", true)), keys, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
    }
}
