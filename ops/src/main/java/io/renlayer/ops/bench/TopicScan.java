package io.renlayer.ops.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A raw read of a topic from its beginning by a {@code read_committed} consumer, parsing nothing: the baseline a
 * benchmark compares what RenLayer does with the same records against.
 */
record TopicScan(long records, long bytes, double seconds) {

    double perSecond() {
        return records / seconds;
    }

    /** Reads until {@code count} records are in; timed from the first poll. */
    static TopicScan read(String bootstrapServers, String topic, long count, Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long start = System.nanoTime();
            long deadline = start + timeout.toNanos();
            long read = 0;
            long bytes = 0;
            while (read < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + read + " of " + count + " records on " + topic
                            + " within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                    bytes += record.value().length;
                }
            }
            return new TopicScan(read, bytes, (System.nanoTime() - start) / 1e9);
        }
    }
}
