package io.renlayer.proxy.testing;

import io.renlayer.schemas.Topics;
import io.renlayer.schemas.config.TenantConfigSnapshot;
import io.renlayer.schemas.json.JsonSerde;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Plays the API's outbox relay: puts tenant snapshots on the config topic, keyed by tenant. */
public final class ConfigPublisher implements AutoCloseable {

    private final KafkaProducer<String, TenantConfigSnapshot> producer;

    public ConfigPublisher(String bootstrapServers) {
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new JsonSerde<>(TenantConfigSnapshot.class).serializer());
    }

    /** Returns once the broker has the snapshot. */
    public void publish(TenantConfigSnapshot snapshot) {
        try {
            producer.send(new ProducerRecord<>(Topics.CONFIG, snapshot.tenantId(), snapshot)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not publish the snapshot", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
