package io.renlayer.streams.query;

import io.renlayer.schemas.events.ProxyEvent;
import io.renlayer.streams.topology.TopologyFixture;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Instances made of topology test drivers, each with stores of its own (its one partition, 0), behind the real
 * {@link LocalStores}; events go to an instance by their record key, as partitions would, so a session's traces
 * are on one instance and a tenant's are spread over all.
 */
final class DriverCluster implements QueryRouting, AutoCloseable {

    private final List<TopologyFixture> instances = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();

    DriverCluster(Path stateDir, int size) {
        for (int i = 0; i < size; i++) {
            TopologyFixture instance = new TopologyFixture(stateDir.resolve("instance-" + i));
            instances.add(instance);
            LocalStores stores = new LocalStores(storesOf(instance));
            targets.add(new Target(new HostInfo("instance-" + i, 8070), Set.of(0), stores));
        }
    }

    /** A driver's stores as the one partition of an instance. */
    static PartitionStores storesOf(TopologyFixture instance) {
        return new PartitionStores() {
            @Override
            public <K, V> ReadOnlyKeyValueStore<K, V> store(String name, int partition) {
                return instance.store(name);
            }
        };
    }

    void send(ProxyEvent... events) {
        for (ProxyEvent event : events) {
            instances.get(owner(event.key())).send(event);
        }
    }

    void advance(Duration duration) {
        instances.forEach(instance -> instance.advance(duration));
    }

    @Override
    public List<Target> all() {
        return targets;
    }

    @Override
    public Optional<Target> ownerOf(String tenantId, String sessionId) {
        return Optional.of(targets.get(owner(ProxyEvent.key(tenantId, sessionId, null))));
    }

    @Override
    public Target deliveriesOwner(String tenantId) {
        return targets.get(owner(tenantId));
    }

    @Override
    public void close() {
        instances.forEach(TopologyFixture::close);
    }

    private int owner(String key) {
        return Math.floorMod(key.hashCode(), instances.size());
    }
}
