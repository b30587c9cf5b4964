package io.renlayer.streams.topology;

import io.renlayer.schemas.config.DlpAction;
import io.renlayer.schemas.events.Decision;
import io.renlayer.schemas.events.RequestEvent;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.sessions.DecisionCounts;
import io.renlayer.schemas.sessions.LatencyStats;
import io.renlayer.schemas.sessions.SessionState;
import io.renlayer.schemas.sessions.SessionSummary;
import io.renlayer.streams.state.StateStores;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.renlayer.schemas.ids.TypedId.newId;
import static io.renlayer.streams.topology.TopologyFixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SessionAggregationTest extends TopologyTestSupport {

    @Test
    void summaryCountsDecisionsFindingsTokensAndLatency() {
        RequestEvent allowed = events.request("s-1", START, Decision.ALLOW, null,
                List.of(Events.finding("email", DlpAction.REDACT), Events.finding("phone", DlpAction.LOG)));
        RequestEvent denied = events.request("s-1", START.plusSeconds(2), Decision.DENY, newId(IdType.POLICY), List.of());
        topology.send(allowed, events.completion(allowed, Duration.ofMillis(30)),
                denied, events.completion(denied, Duration.ofMillis(10)));

        List<KeyValue<String, SessionSummary>> updates = topology.sessions.read();
        assertThat(updates).hasSize(2).extracting(update -> update.key).containsOnly(events.tenantId + "|s-1");
        SessionSummary session = updates.getLast().value;
        assertThat(session.state()).isEqualTo(SessionState.OPEN);
        assertThat(session.traceCount()).isEqualTo(2);
        assertThat(session.agentIds()).containsExactly(events.agentId);
        assertThat(session.decisions()).isEqualTo(new DecisionCounts(1, 1, 0, 0));
        assertThat(session.dlpFindings()).isEqualTo(2);
        assertThat(session.tokens().totalTokens()).isEqualTo(60);
        assertThat(session.latency()).isEqualTo(new LatencyStats(2, 40_000, 30_000));
        assertThat(session.firstSeen()).isEqualTo(START);
        assertThat(session.lastSeen()).isEqualTo(START.plusSeconds(2).plusMillis(10));
        KeyValueStore<String, SessionSummary> store = topology.store(StateStores.SESSIONS);
        assertThat(store.get(events.tenantId + "|s-1")).isEqualTo(session);
    }

    @Test
    void lateCompletionCompletesTheTraceWithoutCountingItTwice() {
        sendWithLateCompletion("s-1");

        List<SessionSummary> updates = topology.sessions.values();
        assertThat(updates).extracting(SessionSummary::traceCount, SessionSummary::incompleteTraces)
                .containsExactly(tuple(1L, 1L), tuple(1L, 0L));
        assertThat(updates.getLast().latency().count()).isEqualTo(1);
        assertThat(updates.getLast().decisions().allow()).isEqualTo(1);
    }

    @Test
    void idleSessionClosesAfterTheGapAndReopensWhenItsIdComesBack() {
        RequestEvent first = events.request("s-1", START);
        topology.send(first, events.completion(first, Duration.ofMillis(5)));
        topology.advance(Duration.ofMinutes(29));
        assertThat(topology.sessions.values()).extracting(SessionSummary::state).containsExactly(SessionState.OPEN);

        topology.advance(Duration.ofMinutes(2));
        assertThat(topology.sessions.values()).singleElement().satisfies(closed -> {
            assertThat(closed.state()).isEqualTo(SessionState.CLOSED);
            assertThat(closed.traceCount()).isEqualTo(1);
        });

        RequestEvent again = events.request("s-1", START.plus(Duration.ofMinutes(40)));
        topology.send(again, events.completion(again, Duration.ofMillis(5)));
        assertThat(topology.sessions.values()).last().satisfies(reopened -> {
            assertThat(reopened.state()).isEqualTo(SessionState.OPEN);
            assertThat(reopened.traceCount()).isEqualTo(2);
            assertThat(reopened.firstSeen()).isEqualTo(START);
        });
    }

    @Test
    void tracesWithoutSessionAreNotSessionized() {
        RequestEvent request = events.request(null, START);
        topology.send(request, events.completion(request, Duration.ofMillis(5)));

        assertThat(topology.traces.read()).hasSize(1);
        assertThat(topology.sessions.read()).isEmpty();
        assertThat(topology.entries(StateStores.SESSIONS)).isEmpty();
    }

    @Test
    void sessionsAreListedByTenantAndClosedOnesPurgedAfterTheRetention() {
        Events other = new Events();
        for (Events tenant : List.of(events, other)) {
            for (String session : List.of("a", "b")) {
                RequestEvent request = tenant.request(session, START);
                topology.send(request, tenant.completion(request, Duration.ofMillis(5)));
            }
        }
        assertThat(sessionsOf(events.tenantId)).extracting(SessionSummary::sessionId).containsExactly("a", "b");
        assertThat(sessionsOf(other.tenantId)).extracting(SessionSummary::tenantId).containsOnly(other.tenantId);

        topology.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(topology.sessions.values()).filteredOn(session -> session.state() == SessionState.CLOSED).hasSize(4);
        // Closing schedules the purge; a session already past its retention goes at the next punctuation.
        topology.advance(TopologyFixture.SETTINGS.punctuationInterval());

        assertThat(topology.entries(StateStores.SESSIONS)).isEmpty();
        assertThat(topology.entries(StateStores.SESSION_DEADLINES)).isEmpty();
    }

    /** The query layer's scan: every key of a tenant starts with its id and a bar. */
    private List<SessionSummary> sessionsOf(String tenantId) {
        KeyValueStore<String, SessionSummary> store = topology.store(StateStores.SESSIONS);
        List<SessionSummary> sessions = new ArrayList<>();
        try (KeyValueIterator<String, SessionSummary> scan = store.prefixScan(tenantId + "|", new StringSerializer())) {
            scan.forEachRemaining(entry -> sessions.add(entry.value));
        }
        return sessions;
    }
}
