package io.renlayer.proxy.events;

import com.codahale.metrics.MetricRegistry;
import io.renlayer.schemas.Topics;
import io.renlayer.schemas.events.CompletionEvent;
import io.renlayer.schemas.events.ProxyEvent;
import io.renlayer.schemas.json.JsonSerde;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventPublisherTest {

    private final MockProducer<String, ProxyEvent> immediate = producer();
    private final MockProducer<String, ProxyEvent> batching = producer();
    private final MetricRegistry metrics = new MetricRegistry();

    private static MockProducer<String, ProxyEvent> producer() {
        // autoComplete false: a send stays unacknowledged until the test says otherwise, like a slow broker.
        return new MockProducer<>(false, null, new StringSerializer(), new JsonSerde<>(ProxyEvent.class).serializer());
    }

    private static CompletionEvent event(String id) {
        return new CompletionEvent(id, "trace_" + id, "tenant_1", "sess-1", 200, "completed", 1, 2, 3, null, List.of(),
                Instant.EPOCH);
    }

    @Test
    void aFullAsyncBufferDropsTheEventAndCountsItWhileAcknowledgementsMakeRoomAgain() {
        EventPublisher publisher = new EventPublisher(immediate, batching, Duration.ofMillis(100), 2, metrics);

        assertThat(publisher.publish(event("e1"))).isTrue();
        assertThat(publisher.publish(event("e2"))).isTrue();
        assertThat(publisher.publish(event("e3"))).as("buffer full").isFalse();
        assertThat(metrics.meter("renlayer.proxy.audit.async-overflow").getCount()).isEqualTo(1);
        assertThat(metrics.getGauges().get("renlayer.proxy.audit.buffer-used").getValue()).isEqualTo(2);

        batching.completeNext();
        assertThat(publisher.publish(event("e4"))).isTrue();
        assertThat(batching.history()).extracting(r -> r.value().eventId()).containsExactly("e1", "e2", "e4");
        assertThat(batching.history()).allSatisfy(r -> {
            assertThat(r.topic()).isEqualTo(Topics.REQUESTS);
            assertThat(r.key()).isEqualTo("tenant_1|sess-1");
        });
        assertThat(immediate.history()).isEmpty();
    }

    @Test
    void strictModeReportsFailureWhenNoAcknowledgementComesInTime() {
        EventPublisher publisher = new EventPublisher(immediate, batching, Duration.ofMillis(100), 10, metrics);

        assertThat(publisher.publishDurably(event("e1"))).isFalse();
        assertThat(metrics.meter("renlayer.proxy.audit.failed").getCount()).isEqualTo(1);
        assertThat(immediate.history()).hasSize(1);
    }

    @Test
    void strictModeReportsFailureWhenTheBrokerRefuses() {
        EventPublisher publisher = new EventPublisher(immediate, batching, Duration.ofSeconds(5), 10, metrics);
        Thread.ofVirtual().start(() -> {
            while (immediate.history().isEmpty()) {
                Thread.onSpinWait();
            }
            immediate.errorNext(new org.apache.kafka.common.errors.NotEnoughReplicasException("min.insync"));
        });

        assertThat(publisher.publishDurably(event("e1"))).isFalse();
    }
}
