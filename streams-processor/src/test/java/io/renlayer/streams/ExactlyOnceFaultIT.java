package io.renlayer.streams;

import io.renlayer.ops.JavaCommand;
import io.renlayer.ops.testing.KafkaBrokerExtension;
import io.renlayer.schemas.Topics;
import io.renlayer.schemas.config.SecretSealer;
import io.renlayer.schemas.events.ProxyEvent;
import io.renlayer.schemas.events.RequestEvent;
import io.renlayer.schemas.json.Json;
import io.renlayer.schemas.json.JsonSerde;
import io.renlayer.streams.topology.Events;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exactly-once guarantee against a crash: the processor runs as its own process (the packaged jar), is
 * killed with SIGKILL while events stream in, and restarted; every request event must then be exactly one trace
 * on the traces topic as a {@code read_committed} consumer sees it — none lost, none twice.
 */
@Tag("integration")
class ExactlyOnceFaultIT {

    private static final int TRACES = 12_000;
    private static final int PER_SECOND = 1_000;

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private final Path workDir = Path.of("target", "fault-it", UUID.randomUUID().toString());
    private Process processor;

    @AfterEach
    void stopProcessor() {
        if (processor != null) {
            processor.destroyForcibly();
        }
    }

    private Process startProcessor(int run) throws IOException {
        Files.createDirectories(workDir);
        ProcessBuilder builder = new ProcessBuilder(JavaCommand.forJar(Path.of("target", "streams-processor.jar"),
                List.of("server", "config.yml")))
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("processor-" + run + ".log").toFile());
        builder.environment().putAll(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", KAFKA.bootstrapServers(),
                "RENLAYER_SECRETS_KEY", SECRETS_KEY,
                "STREAMS_STATE_DIR", workDir.resolve("state").toString(),
                "STREAMS_PORT", "0",
                "STREAMS_ADMIN_PORT", "0",
                // A killed instance's partitions go to the restarted one once its session has expired.
                "STREAMS_SESSION_TIMEOUT", "6 seconds"));
        return builder.start();
    }

    private static final String SECRETS_KEY = SecretSealer.generateKey();

    @Test
    void everyRequestBecomesExactlyOneTraceAcrossAKillDashNine() throws Exception {
        Map<String, Integer> tracesSeen = new ConcurrentHashMap<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Set<String> expected = ConcurrentHashMap.newKeySet();

        processor = startProcessor(1);
        Thread load = Thread.ofPlatform().name("load").start(() -> produce(expected, failure));
        try (KafkaConsumer<String, String> consumer = committedReader()) {
            // Kill once the processor is visibly committing traces, in the middle of the load.
            readUntil(consumer, tracesSeen, () -> tracesSeen.size() >= TRACES / 4, Duration.ofSeconds(90));
            processor.destroyForcibly().waitFor();
            int seenAtKill = tracesSeen.size();
            processor = startProcessor(2);

            load.join(Duration.ofSeconds(120).toMillis());
            assertThat(failure.get()).as("the load generator").isNull();
            assertThat(seenAtKill).as("killed mid-load").isLessThan(TRACES);
            readUntil(consumer, tracesSeen, () -> tracesSeen.size() >= TRACES, Duration.ofSeconds(120));
            // Anything written twice would arrive after its first copy: read on a little past the last trace.
            readUntil(consumer, tracesSeen, () -> false, Duration.ofSeconds(3));
        }

        assertThat(tracesSeen.keySet()).as("0 lost").containsExactlyInAnyOrderElementsOf(expected);
        Map<String, Integer> duplicated = new HashMap<>();
        tracesSeen.forEach((trace, copies) -> {
            if (copies != 1) {
                duplicated.put(trace, copies);
            }
        });
        assertThat(duplicated).as("0 duplicated").isEmpty();
    }

    /** Request and completion events for {@link #TRACES} traces at {@link #PER_SECOND}, as the proxy writes them. */
    private static void produce(Set<String> traceIds, AtomicReference<Throwable> failure) {
        Events events = new Events();
        JsonSerde<ProxyEvent> serde = new JsonSerde<>(ProxyEvent.class);
        try (KafkaProducer<String, ProxyEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // One batch in flight: with five, this load generator once got stuck retrying a batch the broker
                // refused as OUT_OF_ORDER_SEQUENCE_NUMBER (sequence 0 after 333, same producer id), starving a
                // partition; the processor under test was not involved. Seen with the 4.3.1 client and broker.
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1), new StringSerializer(),
                serde.serializer())) {
            long start = System.nanoTime();
            for (int i = 0; i < TRACES; i++) {
                long due = start + i * 1_000_000_000L / PER_SECOND;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                RequestEvent request = events.request(i % 3 == 0 ? "s-" + (i % 50) : null, Instant.now());
                traceIds.add(request.traceId());
                producer.send(new ProducerRecord<>(Topics.REQUESTS, request.key(), request));
                ProxyEvent completion = events.completion(request, Duration.ofMillis(40));
                producer.send(new ProducerRecord<>(Topics.REQUESTS, completion.key(), completion));
            }
            producer.flush();
        } catch (Throwable e) {
            failure.set(e);
        }
    }

    private static KafkaConsumer<String, String> committedReader() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.GROUP_ID_CONFIG, "fault-it-" + UUID.randomUUID()),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(Topics.TRACES));
        return consumer;
    }

    private void readUntil(KafkaConsumer<String, String> consumer, Map<String, Integer> seen,
                           java.util.function.BooleanSupplier done, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                seen.merge(Json.mapper().readTree(record.value()).get("trace_id").asText(), 1, Integer::sum);
            }
        }
        assertThat(processor.isAlive()).as("the processor is running; see " + workDir).isTrue();
    }
}
