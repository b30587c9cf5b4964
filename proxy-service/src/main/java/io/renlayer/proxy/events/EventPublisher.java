package io.renlayer.proxy.events;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.dropwizard.lifecycle.Managed;
import io.renlayer.schemas.Topics;
import io.renlayer.schemas.events.ProxyEvent;
import io.renlayer.schemas.json.JsonSerde;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes request and completion events to {@code renlayer.requests.v1} with idempotent, acks=all producers: one
 * that sends each event at once, for the strict-mode waits, and one that lingers a few milliseconds to batch
 * the events nobody waits for (a produce request per event costs the proxy more CPU than the rest of a request).
 * {@link #publishDurably} is strict mode: it returns once the broker has the event, or reports that it could
 * not in time. {@link #publish} never waits: it goes through a bounded buffer whose overflow is counted,
 * logged and exposed as the {@code audit.async-overflow} meter — never silent.
 */
public final class EventPublisher implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);

    private final Producer<String, ProxyEvent> immediate;
    private final Producer<String, ProxyEvent> batching;
    private final Duration strictTimeout;
    private final Semaphore buffer;
    private final Timer produceLatency;
    private final Meter overflow;
    private final Meter failed;

    /**
     * @param immediate sends each event at once ({@link #producer} with linger 0): strict mode waits on it
     * @param batching  batches what is sent without waiting ({@link #producer} with a linger)
     */
    public EventPublisher(Producer<String, ProxyEvent> immediate, Producer<String, ProxyEvent> batching,
                          Duration strictTimeout, int bufferEvents, MetricRegistry metrics) {
        this.immediate = immediate;
        this.batching = batching;
        this.strictTimeout = strictTimeout;
        this.buffer = new Semaphore(bufferEvents);
        this.produceLatency = metrics.timer("renlayer.proxy.audit.produce-latency");
        this.overflow = metrics.meter("renlayer.proxy.audit.async-overflow");
        this.failed = metrics.meter("renlayer.proxy.audit.failed");
        metrics.gauge("renlayer.proxy.audit.buffer-used", () -> () -> bufferEvents - buffer.availablePermits());
    }

    /**
     * @param maxBlock how long a send may wait for metadata or buffer space: never longer than strict mode waits
     * @param linger   0 where a request waits for the send (any delay adds to each request), a few ms elsewhere
     */
    public static Producer<String, ProxyEvent> producer(String bootstrapServers, String clientId, Duration maxBlock,
                                                        Duration linger) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, (int) linger.toMillis(),
                // Events are small and, unbatched, each would be its own compressed batch: lz4 then allocated
                // ~130 KB per event (measured, docs/benchmarks.md) for nothing to gain.
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "none",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlock.toMillis(),
                // Keep the topic's metadata through a broker outage: re-bootstrapping would forget it, and every
                // send would then block for max.block.ms instead of waiting in the buffer for the broker.
                CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, "none",
                ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000),
                new StringSerializer(), new JsonSerde<>(ProxyEvent.class).serializer());
    }

    @Override
    public void start() {
        try {
            // Fetch the topic's metadata now, so that the first requests do not wait for it.
            immediate.partitionsFor(Topics.REQUESTS);
            batching.partitionsFor(Topics.REQUESTS);
        } catch (KafkaException e) {
            LOG.warn("no metadata for {} yet ({}); strict-mode requests are refused until the broker answers",
                    Topics.REQUESTS, e.getMessage());
        }
    }

    @Override
    public void stop() {
        batching.close(Duration.ofSeconds(10));
        immediate.close(Duration.ofSeconds(10));
    }

    /** Strict mode: @return true once the broker acknowledged the event within the strict timeout */
    public boolean publishDurably(ProxyEvent event) {
        long start = System.nanoTime();
        try {
            immediate.send(record(event)).get(strictTimeout.toNanos(), TimeUnit.NANOSECONDS);
            produceLatency.update(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return true;
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            failed.mark();
            LOG.warn("event {} of trace {} not acknowledged within {} ms: {}", event.eventId(), event.traceId(),
                    strictTimeout.toMillis(), e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Without waiting. @return false when the buffer was full and the event was dropped (counted and logged) */
    public boolean publish(ProxyEvent event) {
        if (!buffer.tryAcquire()) {
            overflow.mark();
            if (overflow.getCount() % 1000 == 1) {
                LOG.error("async event buffer full: dropped event {} of trace {} ({} dropped so far)",
                        event.eventId(), event.traceId(), overflow.getCount());
            }
            return false;
        }
        long start = System.nanoTime();
        try {
            batching.send(record(event), (metadata, error) -> {
                buffer.release();
                if (error == null) {
                    produceLatency.update(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                } else {
                    failed.mark();
                    LOG.error("event {} of trace {} was not written: {}", event.eventId(), event.traceId(),
                            error.toString());
                }
            });
            return true;
        } catch (KafkaException e) {
            buffer.release();
            failed.mark();
            LOG.error("event {} of trace {} was not written: {}", event.eventId(), event.traceId(), e.toString());
            return false;
        }
    }

    private static ProducerRecord<String, ProxyEvent> record(ProxyEvent event) {
        return new ProducerRecord<>(Topics.REQUESTS, event.key(), event);
    }
}
