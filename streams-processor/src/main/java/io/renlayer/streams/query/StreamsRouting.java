package io.renlayer.streams.query;

import io.renlayer.schemas.Topics;
import io.renlayer.schemas.events.ProxyEvent;
import io.renlayer.streams.state.StateStores;
import io.renlayer.streams.topology.StreamsRuntime;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Routes queries with Kafka Streams' metadata: each instance advertises its {@code application.server}, and the
 * metadata says which one runs the active task of each partition of the requests topic — the partitions of the trace
 * and session stores, which live in the trace assembler's tasks (webhook deliveries live in the dispatcher's, routed
 * by their own key). Only actives are routed to (see
 * {@link ActiveStores} for why not standbys). The metadata is checked to cover every partition of the topic before
 * a fan-out: during a rebalance it can lag, and a partition without an owner must fail the query, not vanish from it.
 */
final class StreamsRouting implements QueryRouting {

    private static final StringSerializer KEYS = new StringSerializer();
    private static final long DESCRIBE_TIMEOUT_SECONDS = 5;

    private final StreamsRuntime runtime;
    private final InstanceQueries local;
    private final PeerClient peers;
    private final Admin admin;
    /** Partitions of the requests topic, read once: more would re-partition every session (not supported). */
    private volatile int partitionCount;

    StreamsRouting(StreamsRuntime runtime, InstanceQueries local, PeerClient peers, Admin admin) {
        this.runtime = runtime;
        this.local = local;
        this.peers = peers;
        this.admin = admin;
    }

    @Override
    public List<Target> all() {
        Map<HostInfo, Set<Integer>> owners = new LinkedHashMap<>();
        Set<Integer> covered = new TreeSet<>();
        for (StreamsMetadata instance : metadata()) {
            for (TopicPartition partition : instance.topicPartitions()) {
                if (partition.topic().equals(Topics.REQUESTS) && covered.add(partition.partition())) {
                    owners.computeIfAbsent(instance.hostInfo(), host -> new TreeSet<>()).add(partition.partition());
                }
            }
        }
        int expected = partitionCount();
        if (covered.size() < expected) {
            throw QueryException.unavailable((expected - covered.size()) + " of " + expected
                    + " partitions have no active instance yet (a rebalance is under way)");
        }
        List<Target> targets = new ArrayList<>(owners.size());
        owners.forEach((host, partitions) -> targets.add(target(host, partitions)));
        return targets;
    }

    @Override
    public Optional<Target> ownerOf(String tenantId, String sessionId) {
        KafkaStreams streams = runtime.streams();
        if (streams == null) {
            return Optional.empty();
        }
        try {
            KeyQueryMetadata owner =
                    streams.queryMetadataForKey(StateStores.SESSIONS, ProxyEvent.key(tenantId, sessionId, null), KEYS);
            return owner == null || owner.partition() < 0 || owner.activeHost().port() < 0 ? Optional.empty()
                    : Optional.of(target(owner.activeHost(), Set.of(owner.partition())));
        } catch (InvalidStateStoreException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    @Override
    public Target deliveriesOwner(String tenantId) {
        KafkaStreams streams = runtime.streams();
        if (streams == null) {
            throw QueryException.unavailable("Kafka Streams has not started on this instance yet");
        }
        try {
            KeyQueryMetadata owner = streams.queryMetadataForKey(StateStores.WEBHOOK_DELIVERIES, tenantId, KEYS);
            if (owner == null || owner.partition() < 0 || owner.activeHost().port() < 0) {
                throw QueryException.unavailable("the tenant's deliveries have no active instance yet");
            }
            return target(owner.activeHost(), Set.of(owner.partition()));
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw QueryException.unavailable("Kafka Streams is " + streams.state() + " on this instance");
        }
    }

    private Collection<StreamsMetadata> metadata() {
        KafkaStreams streams = runtime.streams();
        if (streams == null) {
            throw QueryException.unavailable("Kafka Streams has not started on this instance yet");
        }
        try {
            return streams.streamsMetadataForStore(StateStores.TRACES);
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw QueryException.unavailable("Kafka Streams is " + streams.state() + " on this instance");
        }
    }

    private Target target(HostInfo host, Set<Integer> partitions) {
        return new Target(host, partitions, host.equals(runtime.self()) ? local : new PeerQueries(peers, host));
    }

    private int partitionCount() {
        if (partitionCount == 0) {
            try {
                partitionCount = admin.describeTopics(List.of(Topics.REQUESTS)).allTopicNames()
                        .get(DESCRIBE_TIMEOUT_SECONDS, TimeUnit.SECONDS).get(Topics.REQUESTS).partitions().size();
            } catch (ExecutionException | TimeoutException e) {
                throw QueryException.unavailable("the partitions of " + Topics.REQUESTS + " cannot be read: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw QueryException.unavailable("interrupted");
            }
        }
        return partitionCount;
    }
}
