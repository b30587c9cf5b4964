package io.renlayer.streams.topology;

import io.renlayer.schemas.events.RequestEvent;
import io.renlayer.schemas.traces.Trace;
import io.renlayer.streams.state.StateStores;
import io.renlayer.streams.traces.TraceKeys;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.renlayer.streams.topology.TopologyFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

/** The queryable trace stores, scanned the way the query layer scans them. */
class TraceStoreQueryTest extends TopologyTestSupport {

    private static final Instant FAR_FUTURE = START.plus(Duration.ofDays(3650));

    private final Events tenantA = events;
    private final Events tenantB = new Events();
    private KeyValueStore<Bytes, Trace> traces;

    @BeforeEach
    void openTraceStore() {
        traces = topology.store(StateStores.TRACES);
    }

    @Test
    void tenantRangeIsNewestFirstWithinInclusiveBoundsAndNeverReachesAnotherTenant() {
        String first = trace(tenantA, "s-1", START);
        trace(tenantB, "s-1", START.plusMillis(500));
        String second = trace(tenantA, "s-1", START.plusSeconds(1));
        String other = trace(tenantB, null, START.plusMillis(1500));
        String third = trace(tenantA, null, START.plusSeconds(2));

        assertThat(scan(TraceKeys.tenantTraces(tenantA.tenantId, Instant.EPOCH, FAR_FUTURE)))
                .containsExactly(third, second, first);
        assertThat(scan(TraceKeys.tenantTraces(tenantA.tenantId, START.plusSeconds(1), START.plusSeconds(2))))
                .containsExactly(third, second);
        assertThat(scan(TraceKeys.tenantTraces(tenantA.tenantId, START, START.plusMillis(999))))
                .containsExactly(first);
        assertThat(scan(TraceKeys.tenantTraces(tenantB.tenantId, Instant.EPOCH, FAR_FUTURE))).hasSize(2).contains(other);
    }

    @Test
    void sessionIndexPointsAtTheSessionsTracesNewestFirst() {
        String first = trace(tenantA, "s-1", START);
        trace(tenantA, "s-2", START.plusSeconds(1));
        trace(tenantB, "s-1", START.plusSeconds(1));
        String last = trace(tenantA, "s-1", START.plusSeconds(2));

        KeyValueStore<Bytes, byte[]> index = topology.store(StateStores.SESSION_TRACES);
        TraceKeys.KeyRange session = TraceKeys.sessionTraces(tenantA.tenantId, "s-1", Instant.EPOCH, FAR_FUTURE);
        List<String> ids = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> scan = index.range(session.from(), session.to())) {
            scan.forEachRemaining(entry -> ids.add(traces.get(TraceKeys.byTimeOf(entry.key)).traceId()));
        }
        assertThat(ids).containsExactly(last, first);
    }

    @Test
    void lookupByIdFindsOnlyTheOwningTenantsTrace() {
        String id = trace(tenantA, "s-1", START);

        KeyValueStore<String, Long> ids = topology.store(StateStores.TRACE_IDS);
        Long micros = ids.get(TraceKeys.byId(tenantA.tenantId, id));
        assertThat(micros).isEqualTo(TraceKeys.micros(START));
        assertThat(traces.get(TraceKeys.byTime(tenantA.tenantId, START, id)).traceId()).isEqualTo(id);
        assertThat(ids.get(TraceKeys.byId(tenantB.tenantId, id))).isNull();
    }

    @Test
    void retentionPurgesExpiredTracesFromEveryStoreAndKeepsTheRest() {
        trace(tenantA, "s-1", START);
        trace(tenantB, null, START.plusSeconds(1));
        topology.advance(Duration.ofDays(7).minusMinutes(1));
        String recent = trace(tenantA, "s-1", START.plus(Duration.ofDays(7)));
        assertThat(topology.entries(StateStores.TRACES)).hasSize(3);

        topology.advance(Duration.ofMinutes(2));

        List<KeyValue<Bytes, Trace>> kept = topology.entries(StateStores.TRACES);
        assertThat(kept).extracting(entry -> entry.value.traceId()).containsExactly(recent);
        assertThat(topology.entries(StateStores.TRACE_IDS)).hasSize(1);
        assertThat(topology.entries(StateStores.SESSION_TRACES)).hasSize(1);
    }

    /** A completed trace of {@code events}' tenant received at {@code at}; returns its id. */
    private String trace(Events events, String sessionId, Instant at) {
        RequestEvent request = events.request(sessionId, at);
        topology.send(request, events.completion(request, Duration.ofMillis(5)));
        return request.traceId();
    }

    private List<String> scan(TraceKeys.KeyRange range) {
        List<String> ids = new ArrayList<>();
        try (KeyValueIterator<Bytes, Trace> scan = traces.range(range.from(), range.to())) {
            scan.forEachRemaining(entry -> ids.add(entry.value.traceId()));
        }
        return ids;
    }
}
