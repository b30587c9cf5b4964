package io.renlayer.ops.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.renlayer.schemas.json.Json;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads whole topics from the beginning, read_committed, without a consumer group, and keeps every record
 * seen so a test can look at what arrived for one key, in order.
 */
public final class TopicReader implements AutoCloseable {

    /** One record: its topic, key, offset and value as a JSON tree. */
    public record Message(String topic, String key, int partition, long offset, JsonNode value) {
    }

    private final KafkaConsumer<String, String> consumer;
    private final List<Message> seen = new ArrayList<>();

    public TopicReader(String bootstrapServers, String... topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "renlayer-test-reader"),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls once for at most {@code timeout}, keeping what arrived. */
    public void poll(Duration timeout) {
        for (ConsumerRecord<String, String> r : consumer.poll(timeout)) {
            seen.add(new Message(r.topic(), r.key(), r.partition(), r.offset(), parse(r.value())));
        }
    }

    /** Every record of {@code topic} with {@code key} seen so far, in partition order. */
    public List<Message> messages(String topic, String key) {
        return seen.stream().filter(m -> m.topic().equals(topic) && key.equals(m.key())).toList();
    }

    public List<JsonNode> values(String topic, String key) {
        return messages(topic, key).stream().map(Message::value).toList();
    }

    /** Polls until {@code done} holds for the values of {@code topic}/{@code key}, or fails after {@code timeout}. */
    public List<JsonNode> await(String topic, String key, Predicate<List<JsonNode>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(values(topic, key))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting on " + topic + " for " + key
                        + "; seen: " + values(topic, key));
            }
            poll(Duration.ofMillis(100));
        }
        return values(topic, key);
    }

    /** Keeps polling for {@code duration}: whatever was on its way has arrived afterwards. */
    public void drain(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            poll(Duration.ofMillis(100));
        }
    }

    private static JsonNode parse(String value) {
        try {
            return value == null ? null : Json.mapper().readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + value, e);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
