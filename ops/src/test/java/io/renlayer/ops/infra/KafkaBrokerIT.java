package io.renlayer.ops.infra;

import io.renlayer.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("integration")
class KafkaBrokerIT {

    private static final Topics.TopicSpec EVENTS = new Topics.TopicSpec("it.events", 2, false, Duration.ofHours(1));
    private static final Topics.TopicSpec CONFIG = new Topics.TopicSpec("it.config", 1, true, null);

    @TempDir
    Path dataDir;

    @Test
    void servesRecordsAndKeepsTopicsAndRecordsAcrossRestart() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dataDir, 0)) {
            broker.createTopics(List.of(EVENTS, CONFIG));
            broker.createTopics(List.of(EVENTS, CONFIG));

            try (Admin admin = broker.admin()) {
                Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(
                        new ConfigResource(ConfigResource.Type.TOPIC, CONFIG.name()),
                        new ConfigResource(ConfigResource.Type.TOPIC, EVENTS.name()))).all().get();
                assertThat(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, CONFIG.name()))
                        .get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
                Config events = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, EVENTS.name()));
                assertThat(events.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("delete");
                assertThat(events.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("3600000");
                assertThat(admin.describeTopics(List.of(EVENTS.name())).allTopicNames().get()
                        .get(EVENTS.name()).partitions()).hasSize(2);
            }

            try (KafkaProducer<String, String> producer = producer(broker)) {
                producer.send(new ProducerRecord<>(EVENTS.name(), "k", "hello")).get();
            }
            assertThat(consumeAll(broker, EVENTS.name(), 1)).containsExactly("hello");
        }

        try (KafkaBroker restarted = KafkaBroker.start(dataDir, 0)) {
            try (Admin admin = restarted.admin()) {
                assertThat(admin.listTopics().names().get()).contains(EVENTS.name(), CONFIG.name());
            }
            assertThat(consumeAll(restarted, EVENTS.name(), 1)).containsExactly("hello");
        }
    }

    private static KafkaProducer<String, String> producer(KafkaBroker broker) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    private static List<String> consumeAll(KafkaBroker broker, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
