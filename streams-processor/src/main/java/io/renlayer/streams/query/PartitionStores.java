package io.renlayer.streams.query;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** One partition's instance of a store of this process ({@link ActiveStores}; a test driver's in tests). */
interface PartitionStores {

    /** @throws QueryException (503) when that partition's store cannot be read here now */
    <K, V> ReadOnlyKeyValueStore<K, V> store(String name, int partition);
}
