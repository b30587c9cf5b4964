package io.renlayer.ops.bench;

import io.renlayer.ops.bench.LatencyRecorder.Percentiles;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * The floor under strict mode: how long one send takes to be acknowledged by this broker, alone, with the
 * proxy's own producer settings (acks=all, idempotent, linger.ms=0, no compression) and a record the size of a request
 * event. Sends are sequential — each waits for its ack, as a strict-mode request does — so this is the
 * latency of one round trip to the broker and its log append, not a throughput.
 */
final class BrokerAckProbe {

    static final String TOPIC = "renlayer.bench.ack-probe";
    private static final int RECORD_BYTES = 1536;

    private BrokerAckProbe() {
    }

    /** @param warmUp sends not counted (connection, metadata, the JIT of both ends) */
    static Percentiles measure(String bootstrapServers, int warmUp, int sends) throws InterruptedException {
        byte[] value = Arrays.copyOf(ChatRequestBody.json(), RECORD_BYTES);
        LatencyRecorder latency = new LatencyRecorder();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "renlayer-bench-ack-probe",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < warmUp + sends; i++) {
                // A new key each time, like the proxy's events without a session: each lands on any partition.
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, UUID.randomUUID().toString(), value);
                long start = System.nanoTime();
                try {
                    producer.send(record).get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the broker refused a probe send", e.getCause());
                }
                if (i >= warmUp) {
                    latency.record(System.nanoTime() - start);
                }
            }
        }
        return latency.percentiles();
    }
}
