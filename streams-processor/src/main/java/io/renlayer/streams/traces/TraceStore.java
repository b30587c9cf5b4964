package io.renlayer.streams.traces;

import io.renlayer.schemas.json.JsonSerde;
import io.renlayer.schemas.traces.Trace;
import io.renlayer.streams.state.StateStores;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The queryable trace stores ({@link TraceKeys} has their layouts), written together so that they agree. */
final class TraceStore {

    private static final byte[] EMPTY = new byte[0];

    private final KeyValueStore<Bytes, Trace> traces;
    private final KeyValueStore<String, Long> ids;
    private final KeyValueStore<Bytes, byte[]> sessionTraces;

    TraceStore(ProcessingContext context) {
        this.traces = context.getStateStore(StateStores.TRACES);
        this.ids = context.getStateStore(StateStores.TRACE_IDS);
        this.sessionTraces = context.getStateStore(StateStores.SESSION_TRACES);
    }

    static List<StoreBuilder<?>> builders() {
        return List.of(
                StateStores.keyValue(StateStores.TRACES, Serdes.Bytes(), new JsonSerde<>(Trace.class)),
                StateStores.keyValue(StateStores.TRACE_IDS, Serdes.String(), Serdes.Long()),
                StateStores.keyValue(StateStores.SESSION_TRACES, Serdes.Bytes(), Serdes.ByteArray()));
    }

    /** Whether a trace was written (and not purged yet): its events are duplicates from now on. */
    boolean contains(String tenantId, String traceId) {
        return ids.get(TraceKeys.byId(tenantId, traceId)) != null;
    }

    /** The trace as last written, or null if there is none (or it was purged). */
    Trace get(String tenantId, String traceId) {
        Long micros = ids.get(TraceKeys.byId(tenantId, traceId));
        return micros == null ? null
                : traces.get(TraceKeys.byTime(tenantId, Instant.EPOCH.plus(micros, ChronoUnit.MICROS), traceId));
    }

    /** Writes a new trace, or a new version of one (the key does not change: received_at is the request's). */
    void put(Trace trace) {
        traces.put(TraceKeys.byTime(trace.tenantId(), trace.receivedAt(), trace.traceId()), trace);
        ids.put(TraceKeys.byId(trace.tenantId(), trace.traceId()), TraceKeys.micros(trace.receivedAt()));
        if (trace.sessionId() != null) {
            sessionTraces.put(bySession(trace), EMPTY);
        }
    }

    /**
     * Deletes the traces received before {@code cutoff}. They are the tail of each tenant's range, so this visits
     * tenants one by one (seeking past each) and reads only what it deletes.
     */
    int purgeReceivedBefore(Instant cutoff) {
        int purged = 0;
        String tenant = firstTenantFrom(null);
        while (tenant != null) {
            TraceKeys.KeyRange expired =
                    TraceKeys.tenantTraces(tenant, Instant.EPOCH, cutoff.minus(1, ChronoUnit.MICROS));
            try (KeyValueIterator<Bytes, Trace> old = traces.range(expired.from(), expired.to())) {
                while (old.hasNext()) {
                    delete(old.next().value);
                    purged++;
                }
            }
            tenant = firstTenantFrom(TraceKeys.afterTenant(tenant));
        }
        return purged;
    }

    private String firstTenantFrom(Bytes from) {
        try (KeyValueIterator<Bytes, Trace> rest = traces.range(from, null)) {
            return rest.hasNext() ? TraceKeys.tenantOf(rest.next().key) : null;
        }
    }

    private void delete(Trace trace) {
        traces.delete(TraceKeys.byTime(trace.tenantId(), trace.receivedAt(), trace.traceId()));
        ids.delete(TraceKeys.byId(trace.tenantId(), trace.traceId()));
        if (trace.sessionId() != null) {
            sessionTraces.delete(bySession(trace));
        }
    }

    private static Bytes bySession(Trace trace) {
        return TraceKeys.bySession(trace.tenantId(), trace.sessionId(), trace.receivedAt(), trace.traceId());
    }
}
