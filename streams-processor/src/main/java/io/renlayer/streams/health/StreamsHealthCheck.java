package io.renlayer.streams.health;

import com.codahale.metrics.health.HealthCheck;
import org.apache.kafka.streams.KafkaStreams;

import java.util.function.Supplier;

/**
 * Healthy while Kafka Streams runs or rebalances (a rebalance is routine: an instance joined or left). Any other
 * state means no traces are being made: not started, shutting down, or stopped on an error.
 */
public class StreamsHealthCheck extends HealthCheck {

    private final Supplier<KafkaStreams.State> streams;

    public StreamsHealthCheck(Supplier<KafkaStreams.State> streams) {
        this.streams = streams;
    }

    @Override
    protected Result check() {
        KafkaStreams.State state = streams.get();
        return state.isRunningOrRebalancing()
                ? Result.healthy("Kafka Streams is %s", state)
                : Result.unhealthy("Kafka Streams is %s", state);
    }
}
