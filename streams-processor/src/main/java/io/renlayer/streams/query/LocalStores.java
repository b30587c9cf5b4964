package io.renlayer.streams.query;

import io.renlayer.schemas.sessions.SessionSummary;
import io.renlayer.schemas.traces.Trace;
import io.renlayer.schemas.webhooks.DeliveryAttempt;
import io.renlayer.streams.state.StateStores;
import io.renlayer.streams.traces.TraceKeys;
import io.renlayer.streams.webhooks.DeliveryKeys;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Answers queries from this instance's stores ({@link StateStores}, key layouts in {@link TraceKeys}), merging
 * the partitions asked about newest first. Trace scans read only the tenant's key range (or the session's, through
 * the session index) from the query's position on, and stream: memory stays flat whatever the range. Every value
 * is checked against the query's tenant too, so no key-layout mistake could hand one tenant another's trace.
 */
final class LocalStores implements InstanceQueries {

    private static final StringSerializer STRING_KEYS = new StringSerializer();

    private final PartitionStores stores;

    LocalStores(PartitionStores stores) {
        this.stores = stores;
    }

    @Override
    public CloseableIterator<Trace> traces(TraceQuery query, Set<Integer> partitions) {
        return MergedIterator.open(List.copyOf(partitions), partition -> scan(query, partition), Position.TRACES)
                .filter(query::matches).limit(query.limit());
    }

    @Override
    public CloseableIterator<Trace> trace(String tenantId, String traceId, Set<Integer> partitions) {
        for (int partition : partitions) {
            ReadOnlyKeyValueStore<String, Long> ids = stores.store(StateStores.TRACE_IDS, partition);
            Long micros = guarded(() -> ids.get(TraceKeys.byId(tenantId, traceId)));
            if (micros != null) {
                ReadOnlyKeyValueStore<Bytes, Trace> traces = stores.store(StateStores.TRACES, partition);
                Position at = new Position(micros, traceId);
                return found(guarded(() -> traces.get(TraceKeys.byTime(tenantId, at.instant(), traceId))), tenantId,
                        Trace::tenantId);
            }
        }
        return CloseableIterator.of(List.of());
    }

    /**
     * Sessions are keyed by id, not time, so each partition's sessions of the tenant are read whole and the first
     * {@code limit} in order kept (a bounded heap): memory grows with the limit, not with the tenant.
     */
    @Override
    public CloseableIterator<SessionSummary> sessions(SessionQuery query, Set<Integer> partitions) {
        PriorityQueue<SessionSummary> kept = new PriorityQueue<>(Position.SESSIONS.reversed());
        for (int partition : partitions) {
            ReadOnlyKeyValueStore<String, SessionSummary> sessions = stores.store(StateStores.SESSIONS, partition);
            // "tenant_…|" cannot prefix another tenant's keys: tenant ids have one fixed shape, without '|'.
            try (CloseableIterator<SessionSummary> scan = values(guarded(
                    () -> sessions.prefixScan(query.tenantId() + "|", STRING_KEYS)), entry -> entry.value)) {
                scan.filter(query::matches).forEachRemaining(session -> {
                    kept.add(session);
                    if (kept.size() > query.limit()) {
                        kept.poll();
                    }
                });
            }
        }
        List<SessionSummary> sorted = new ArrayList<>(kept);
        sorted.sort(Position.SESSIONS);
        return CloseableIterator.of(sorted);
    }

    @Override
    public CloseableIterator<SessionSummary> session(String tenantId, String sessionId, Set<Integer> partitions) {
        for (int partition : partitions) {
            ReadOnlyKeyValueStore<String, SessionSummary> sessions = stores.store(StateStores.SESSIONS, partition);
            SessionSummary session = guarded(() -> sessions.get(tenantId + "|" + sessionId));
            if (session != null) {
                return found(session, tenantId, SessionSummary::tenantId);
            }
        }
        return CloseableIterator.of(List.of());
    }

    /** A tenant's deliveries are in one partition (security events are keyed by tenant), newest first by key. */
    @Override
    public CloseableIterator<DeliveryAttempt> deliveries(DeliveryQuery query, Set<Integer> partitions) {
        String prefix = DeliveryKeys.webhookPrefix(query.tenantId(), query.webhookId());
        Position after = query.after();
        // Strictly after the position's key: the smallest key above it.
        String from = after == null ? prefix
                : DeliveryKeys.delivery(query.tenantId(), query.webhookId(), after.micros() / 1000, after.id()) + "\0";
        return MergedIterator.open(List.copyOf(partitions), partition -> {
            ReadOnlyKeyValueStore<String, DeliveryAttempt> deliveries =
                    stores.store(StateStores.WEBHOOK_DELIVERIES, partition);
            return values(guarded(() -> deliveries.range(from, prefix + DeliveryKeys.TOP)), entry -> entry.value);
        }, Position.DELIVERIES).filter(query::matches).limit(query.limit());
    }

    /** One partition's traces of the query's range, newest first, from its position on. */
    private CloseableIterator<Trace> scan(TraceQuery query, int partition) {
        ReadOnlyKeyValueStore<Bytes, Trace> traces = stores.store(StateStores.TRACES, partition);
        Position after = query.after();
        if (query.sessionId() == null) {
            TraceKeys.KeyRange range = TraceKeys.tenantTraces(query.tenantId(), query.from(), query.last());
            Bytes resume = after == null ? null : TraceKeys.byTime(query.tenantId(), after.instant(), after.id());
            return range(traces, range, resume, entry -> entry.value);
        }
        ReadOnlyKeyValueStore<Bytes, byte[]> index = stores.store(StateStores.SESSION_TRACES, partition);
        TraceKeys.KeyRange range =
                TraceKeys.sessionTraces(query.tenantId(), query.sessionId(), query.from(), query.last());
        Bytes resume = after == null ? null
                : TraceKeys.bySession(query.tenantId(), query.sessionId(), after.instant(), after.id());
        // An index entry whose trace was purged since is skipped (null).
        return range(index, range, resume, entry -> traces.get(TraceKeys.byTimeOf(entry.key)));
    }

    /**
     * The keys of {@code range} from {@code resume} on (the key of the position: the scan includes it, and the
     * query's filter drops it). An empty range is not asked for: the store would log a warning.
     */
    private static <V, T> CloseableIterator<T> range(ReadOnlyKeyValueStore<Bytes, V> store, TraceKeys.KeyRange range,
                                                     Bytes resume, Function<KeyValue<Bytes, V>, T> value) {
        Bytes from = resume != null && resume.compareTo(range.from()) > 0 ? resume : range.from();
        if (from.compareTo(range.to()) > 0) {
            return CloseableIterator.of(List.of());
        }
        return values(guarded(() -> store.range(from, range.to())), value);
    }

    /** A store iterator as values, skipping nulls; a store closed under it (it moved away) is a 503. */
    private static <K, V, T> CloseableIterator<T> values(KeyValueIterator<K, V> entries,
                                                         Function<KeyValue<K, V>, T> value) {
        return new CloseableIterator<>() {
            @Override
            protected T computeNext() {
                return guarded(() -> {
                    while (entries.hasNext()) {
                        T next = value.apply(entries.next());
                        if (next != null) {
                            return next;
                        }
                    }
                    return null;
                });
            }

            @Override
            public void close() {
                entries.close();
            }
        };
    }

    private static <T> CloseableIterator<T> found(T value, String tenantId, Function<T, String> tenantOf) {
        boolean owned = value != null && tenantId.equals(tenantOf.apply(value));
        return CloseableIterator.of(owned ? List.of(value) : List.of());
    }

    /** Reads a store, turning "it is not here any more" (a rebalance took it) into a retryable 503. */
    private static <T> T guarded(Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidStateStoreException e) {
            throw QueryException.unavailable("a store was closed while it was read (it moved to another instance): "
                    + e.getMessage());
        }
    }
}
