package io.renlayer.proxy.config;

import io.dropwizard.lifecycle.Managed;
import io.renlayer.proxy.core.ConfigStore;
import io.renlayer.schemas.Topics;
import io.renlayer.schemas.config.TenantConfigSnapshot;
import io.renlayer.schemas.json.JsonSerde;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads the compacted config topic from the beginning into the {@link ConfigStore}, then follows it.
 * Every proxy reads every partition itself (no consumer group): each needs every tenant. The store is
 * loaded once the end offsets seen at start are reached; after that the end offsets are fetched again every
 * few seconds, and reaching them confirms the store is caught up (the {@code config} health check).
 */
public final class ConfigTopicConsumer implements Managed, Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigTopicConsumer.class);

    /** How often the proxy confirms it is caught up with the topic (the {@code config} health check's input). */
    private static final Duration CATCH_UP_CHECK = Duration.ofSeconds(5);

    private final Consumer<String, TenantConfigSnapshot> consumer;
    private final ConfigStore store;
    private volatile boolean running;
    private Thread thread;

    public ConfigTopicConsumer(String bootstrapServers, ConfigStore store) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, "renlayer-proxy-config"),
                new StringDeserializer(), new JsonSerde<>(TenantConfigSnapshot.class).deserializer());
        this.store = store;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("config-topic").daemon().start(this);
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = awaitPartitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> target = consumer.endOffsets(partitions);
            long nextCheck = 0;
            while (running) {
                poll();
                if (target != null && target.entrySet().stream()
                        .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    if (!store.loaded()) {
                        LOG.info("configuration loaded from {}", Topics.CONFIG);
                    }
                    store.markCaughtUp(Instant.now());
                    target = null;
                }
                if (target == null && System.nanoTime() - nextCheck >= 0) {
                    target = endOffsets(partitions);
                    nextCheck = System.nanoTime() + CATCH_UP_CHECK.toNanos();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Where the topic ends now, or null when the broker does not say in time (checked again later). */
    private Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions) {
        try {
            return consumer.endOffsets(partitions, Duration.ofSeconds(2));
        } catch (TimeoutException e) {
            return null;
        }
    }

    /** The topic is provisioned with the cluster; until it exists the store stays unloaded (fail closed). */
    private List<TopicPartition> awaitPartitions() {
        while (true) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CONFIG).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            LOG.warn("topic {} does not exist yet; waiting for it", Topics.CONFIG);
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WakeupException();
            }
        }
    }

    private void poll() {
        try {
            for (ConsumerRecord<String, TenantConfigSnapshot> record : consumer.poll(Duration.ofMillis(100))) {
                if (record.value() == null) {
                    store.remove(record.key());
                } else {
                    store.apply(record.value());
                }
            }
        } catch (RecordDeserializationException e) {
            // A record this version cannot read must not stop every later change (a revocation) from arriving.
            LOG.error("skipping unreadable config record at {} offset {}", e.topicPartition(), e.offset(), e);
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
    }
}
