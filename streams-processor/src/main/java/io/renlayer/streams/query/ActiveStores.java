package io.renlayer.streams.query;

import io.renlayer.streams.topology.StreamsRuntime;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * This instance's stores, one partition at a time, read only where this instance is the partition's active and
 * running owner — never with {@code enableStaleStores()}, neither for standbys nor for actives still restoring.
 * Either holds a prefix of its partition: a page built on it would silently lack the traces not replicated yet,
 * and the cursor would step past them, a gap no later page fills. Queries keep answering through a restart
 * differently: with standby replicas ({@code streams.standbyReplicas} ≥ 1) the partitions of an instance that
 * leaves go to the instances holding their standbys, which only catch up their small lag before serving as
 * actives — within the query's retry window ({@code query.unavailableRetry}). Without standbys the new owner
 * restores the whole changelog first, and queries answer 503 meanwhile.
 */
final class ActiveStores implements PartitionStores {

    private final StreamsRuntime runtime;

    ActiveStores(StreamsRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public <K, V> ReadOnlyKeyValueStore<K, V> store(String name, int partition) {
        KafkaStreams streams = runtime.streams();
        if (streams == null) {
            throw QueryException.unavailable("Kafka Streams has not started on this instance yet");
        }
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore())
                    .withPartition(partition));
        } catch (InvalidStateStoreException e) {
            throw QueryException.unavailable("partition " + partition + " of store " + name
                    + " cannot be read on " + runtime.self() + " now: " + e.getMessage());
        }
    }
}
