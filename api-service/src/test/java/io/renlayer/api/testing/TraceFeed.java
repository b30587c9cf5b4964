package io.renlayer.api.testing;

import io.renlayer.schemas.Topics;
import io.renlayer.schemas.config.AuditMode;
import io.renlayer.schemas.events.CompletionEvent;
import io.renlayer.schemas.events.Decision;
import io.renlayer.schemas.events.ProxyEvent;
import io.renlayer.schemas.events.RequestEvent;
import io.renlayer.schemas.events.TokenUsage;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;
import io.renlayer.schemas.json.JsonSerde;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Writes proxy events the way proxy-service does (same topic, key and schema), so the test stack's
 * streams-processor builds real traces and sessions from them without a proxy in the loop.
 */
public final class TraceFeed implements AutoCloseable {

    private final KafkaProducer<String, ProxyEvent> producer;

    TraceFeed(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new JsonSerde<>(ProxyEvent.class).serializer());
    }

    /** An allowed chat completion by the agent's key, 120 ms long with token usage; returns its trace id. */
    public String completedTrace(String tenantId, String agentId, String keyId, String sessionId, Instant receivedAt) {
        String traceId = TypedId.newId(IdType.TRACE);
        send(new RequestEvent(TypedId.newId(IdType.EVENT), traceId, tenantId, agentId, keyId, sessionId, "POST",
                "api.openai.com", "/v1/chat/completions", Decision.ALLOW, null, null, List.of(), 512, null,
                AuditMode.STRICT, receivedAt));
        send(new CompletionEvent(TypedId.newId(IdType.EVENT), traceId, tenantId, sessionId, 200, "completed",
                110_000, 120_000, 2048, new TokenUsage(10, 20, 30), List.of(), receivedAt.plusMillis(120)));
        return traceId;
    }

    private void send(ProxyEvent event) {
        try {
            producer.send(new ProducerRecord<>(Topics.REQUESTS, event.key(), event)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write a proxy event", e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
