package io.renlayer.streams.query;

import io.renlayer.schemas.events.Decision;
import io.renlayer.schemas.events.RequestEvent;
import io.renlayer.schemas.sessions.SessionSummary;
import io.renlayer.schemas.traces.Trace;
import io.renlayer.schemas.traces.TraceStatus;
import io.renlayer.streams.topology.Events;
import io.renlayer.streams.topology.TopologyFixture;
import io.renlayer.streams.traces.TraceKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.renlayer.streams.topology.TopologyFixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local store reader over stores a topology test driver filled. */
class LocalStoresTest {

    private static final Set<Integer> PARTITION = Set.of(0);

    private final Events tenant = new Events();
    private final Events otherTenant = new Events();
    private TopologyFixture topology;
    private LocalStores stores;

    @BeforeEach
    void start(@TempDir Path stateDir) {
        topology = new TopologyFixture(stateDir);
        stores = new LocalStores(DriverCluster.storesOf(topology));
    }

    @AfterEach
    void close() {
        topology.close();
    }

    @Test
    void scanIsNewestFirstAndResumesStrictlyAfterAPositionAlsoAmongEqualTimes() {
        String older = trace(tenant, null, START);
        Instant second = START.plusSeconds(1);
        List<String> tied = Stream.of(trace(tenant, "s-1", second), trace(tenant, null, second),
                trace(tenant, "s-2", second)).sorted().toList();
        trace(otherTenant, null, START.plusSeconds(1));

        assertThat(ids(query(null))).containsExactly(tied.get(0), tied.get(1), tied.get(2), older);
        Position middle = new Position(TraceKeys.micros(second), tied.get(1));
        assertThat(ids(query(middle))).containsExactly(tied.get(2), older);
    }

    @Test
    void timeRangeIsFromInclusiveToExclusive() {
        trace(tenant, null, START);
        String inRange = trace(tenant, null, START.plusSeconds(1));
        trace(tenant, null, START.plusSeconds(2));

        TraceQuery window = new TraceQuery(tenant.tenantId, null, null, null, null, START.plusSeconds(1),
                START.plusSeconds(2), null, 10);

        assertThat(ids(window)).containsExactly(inRange);
    }

    @Test
    void filtersAgentDecisionStatusAndSession() {
        Events otherAgent = tenant.anotherAgent();
        String mine = trace(tenant, "s-1", START);
        String denied = send(tenant.request("s-1", START.plusSeconds(1), Decision.DENY, null, List.of()), true);
        String theirs = trace(otherAgent, "s-2", START.plusSeconds(2));
        String incomplete = send(tenant.request(null, START.plusSeconds(3)), false);
        topology.advance(Duration.ofMinutes(6));

        assertThat(ids(filtered(otherAgent.agentId, null, null, null))).containsExactly(theirs);
        assertThat(ids(filtered(null, "s-1", null, null))).containsExactly(denied, mine);
        assertThat(ids(filtered(null, null, Decision.DENY, null))).containsExactly(denied);
        assertThat(ids(filtered(null, null, null, TraceStatus.INCOMPLETE))).containsExactly(incomplete);
    }

    @Test
    void sessionScanReadsTheSessionIndexFromThePosition() {
        String first = trace(tenant, "s-1", START);
        trace(tenant, "s-2", START.plusSeconds(1));
        String second = trace(tenant, "s-1", START.plusSeconds(2));
        String third = trace(tenant, "s-1", START.plusSeconds(3));
        trace(otherTenant, "s-1", START.plusSeconds(4));

        TraceQuery session = filtered(null, "s-1", null, null);
        assertThat(ids(session)).containsExactly(third, second, first);
        Position afterThird = new Position(TraceKeys.micros(START.plusSeconds(3)), third);
        assertThat(ids(new TraceQuery(tenant.tenantId, null, "s-1", null, null, null, null, afterThird, 1)))
                .containsExactly(second);
    }

    @Test
    void lookupsFindOnlyTheTenantsOwn() {
        String id = trace(tenant, "s-1", START);

        assertThat(read(stores.trace(tenant.tenantId, id, PARTITION))).extracting(Trace::traceId).containsExactly(id);
        assertThat(read(stores.trace(otherTenant.tenantId, id, PARTITION))).isEmpty();
        assertThat(read(stores.session(tenant.tenantId, "s-1", PARTITION))).extracting(SessionSummary::traceCount)
                .containsExactly(1L);
        assertThat(read(stores.session(otherTenant.tenantId, "s-1", PARTITION))).isEmpty();
    }

    @Test
    void sessionsAreMostRecentlyStartedFirstWithinTheLimitAndFilters() {
        Events otherAgent = tenant.anotherAgent();
        for (int i = 0; i < 5; i++) {
            trace(i == 3 ? otherAgent : tenant, "s-" + i, START.plusSeconds(i * 10L));
        }
        trace(tenant, "s-0", START.plusSeconds(100));
        trace(otherTenant, "s-9", START.plusSeconds(200));

        assertThat(sessions(new SessionQuery(tenant.tenantId, null, null, null, null, 3)))
                .containsExactly("s-4", "s-3", "s-2");
        assertThat(sessions(new SessionQuery(tenant.tenantId, otherAgent.agentId, null, null, null, 3)))
                .containsExactly("s-3");
        // Active in [START + 35 s, START + 41 s): s-4 started at +40; s-0 was still active (+0 … +100).
        assertThat(sessions(new SessionQuery(tenant.tenantId, null, START.plusSeconds(35), START.plusSeconds(41), null,
                10))).containsExactly("s-4", "s-0");
        Position afterS3 = new Position(TraceKeys.micros(START.plusSeconds(30)), "s-3");
        assertThat(sessions(new SessionQuery(tenant.tenantId, null, null, null, afterS3, 10)))
                .containsExactly("s-2", "s-1", "s-0");
    }

    @Test
    void aPartitionThatCannotBeReadHereIsUnavailable() {
        LocalStores moved = new LocalStores(new PartitionStores() {
            @Override
            public <K, V> org.apache.kafka.streams.state.ReadOnlyKeyValueStore<K, V> store(String name, int p) {
                throw QueryException.unavailable("partition " + p + " moved");
            }
        });

        assertThatThrownBy(() -> moved.traces(query(null), PARTITION)).isInstanceOfSatisfying(QueryException.class,
                e -> assertThat(e.problem().status()).isEqualTo(503));
    }

    private TraceQuery query(Position after) {
        return new TraceQuery(tenant.tenantId, null, null, null, null, null, null, after, 100);
    }

    private TraceQuery filtered(String agentId, String sessionId, Decision decision, TraceStatus status) {
        return new TraceQuery(tenant.tenantId, agentId, sessionId, decision, status, null, null, null, 100);
    }

    private String trace(Events events, String sessionId, Instant at) {
        return send(events.request(sessionId, at), true);
    }

    private String send(RequestEvent request, boolean complete) {
        topology.send(request);
        if (complete) {
            topology.send(tenant.completion(request, Duration.ofMillis(5)));
        }
        return request.traceId();
    }

    private List<String> ids(TraceQuery query) {
        return read(stores.traces(query, PARTITION)).stream().map(Trace::traceId).toList();
    }

    private List<String> sessions(SessionQuery query) {
        return read(stores.sessions(query, PARTITION)).stream().map(SessionSummary::sessionId).toList();
    }

    private static <T> List<T> read(CloseableIterator<T> values) {
        try (values) {
            return values.take(Integer.MAX_VALUE);
        }
    }
}
