package io.renlayer.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.renlayer.schemas.Topics;
import io.renlayer.schemas.config.AuditMode;
import io.renlayer.schemas.events.CompletionEvent;
import io.renlayer.schemas.events.Decision;
import io.renlayer.schemas.events.ProxyEvent;
import io.renlayer.schemas.events.RequestEvent;
import io.renlayer.schemas.events.TokenUsage;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;
import io.renlayer.schemas.json.Json;
import io.renlayer.schemas.json.JsonSerde;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An export of 100,000 traces through api-service running with a 96 MiB heap ({@link E2eStack#API_HEAP}): the NDJSON
 * (about 80 MB) streams through completely, each trace once, and the service is still healthy afterwards. A
 * buffering implementation fails here with OutOfMemoryError.
 */
@Tag("integration")
class LargeExportIT {

    private static final int TRACES = 100_000;
    private static final int SESSIONS = 10;

    @Test
    void oneHundredThousandTracesStreamThroughASmallHeap() throws Exception {
        Operator owner = Operator.newTenant(E2eStack.get());
        String agentId = owner.agentWithKey("bulk agent").get(0);
        Set<String> produced = produce(owner, agentId);
        // Sessions count their traces exactly: when they add up, every trace is in the stores.
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> IntStream.range(0, SESSIONS)
                .mapToLong(i -> owner.status("/sessions/bulk-" + i) == 200
                        ? owner.get("/sessions/bulk-" + i + "?limit=1").path("session").path("trace_count").asLong() : 0)
                .sum() == TRACES);

        Set<String> exported = new HashSet<>();
        long bytes = 0;
        long started = System.nanoTime();
        HttpResponse<InputStream> export = owner.stream("/traces/export");
        assertThat(export.statusCode()).isEqualTo(200);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(export.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                bytes += line.length() + 1;
                JsonNode trace = Json.mapper().readTree(line);
                assertThat(trace.path("tenant_id").asText()).isEqualTo(owner.tenantId);
                assertThat(exported.add(trace.path("trace_id").asText())).as("each trace once").isTrue();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("export: %d traces, %.1f MB in %.1f s (%.0f traces/s) through a %s api-service%n",
                exported.size(), bytes / 1e6, seconds, exported.size() / seconds, E2eStack.API_HEAP);

        assertThat(exported).hasSize(TRACES).isEqualTo(produced);
        assertThat(bytes).as("comparable to the api-service heap: it cannot hold them all").isGreaterThan(40_000_000L);
        assertThat(owner.status("")).as("api-service still answers").isEqualTo(200);
    }

    /** Writes the proxy's request and completion events for {@link #TRACES} traces, as the proxy would. */
    private static Set<String> produce(Operator owner, String agentId) throws Exception {
        Set<String> traceIds = new HashSet<>();
        AtomicReference<Exception> failed = new AtomicReference<>();
        String keyId = TypedId.newId(IdType.KEY);
        Instant base = Instant.now().minus(Duration.ofHours(1));
        try (KafkaProducer<String, ProxyEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, owner.stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new JsonSerde<>(ProxyEvent.class).serializer())) {
            for (int i = 0; i < TRACES; i++) {
                String traceId = TypedId.newId(IdType.TRACE);
                traceIds.add(traceId);
                String session = "bulk-" + (i % SESSIONS);
                Instant at = base.plusMillis(i * 10L);
                send(producer, failed, new RequestEvent(TypedId.newId(IdType.EVENT), traceId, owner.tenantId, agentId, keyId,
                        session, "POST", "api.openai.com", "/v1/chat/completions", Decision.ALLOW, null, null,
                        List.of(), 700, null, AuditMode.ASYNC, at));
                send(producer, failed, new CompletionEvent(TypedId.newId(IdType.EVENT), traceId, owner.tenantId, session, 200,
                        "completed", 90_000, 95_000, 1800, new TokenUsage(120, 80, 200), List.of(), at.plusMillis(95)));
            }
            producer.flush();
        }
        if (failed.get() != null) {
            throw new IllegalStateException("a proxy event was not written", failed.get());
        }
        return traceIds;
    }

    private static void send(KafkaProducer<String, ProxyEvent> producer, AtomicReference<Exception> failed,
                             ProxyEvent event) {
        producer.send(new ProducerRecord<>(Topics.REQUESTS, event.key(), event), (metadata, error) -> {
            if (error != null) {
                failed.compareAndSet(null, error);
            }
        });
    }
}
