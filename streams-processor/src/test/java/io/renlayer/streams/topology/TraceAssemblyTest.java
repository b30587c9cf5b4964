package io.renlayer.streams.topology;

import io.renlayer.schemas.events.CompletionEvent;
import io.renlayer.schemas.events.RequestEvent;
import io.renlayer.schemas.traces.Trace;
import io.renlayer.schemas.traces.TraceStatus;
import io.renlayer.streams.state.StateStores;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.renlayer.streams.topology.TopologyFixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TraceAssemblyTest extends TopologyTestSupport {

    @Test
    void requestThenCompletionMakeOneCompletedTraceUnderTheSessionKey() {
        RequestEvent request = events.request("s-1", START);
        topology.send(request, events.completion(request, Duration.ofMillis(40)));

        List<KeyValue<String, Trace>> traces = topology.traces.read();
        assertThat(traces).hasSize(1);
        assertThat(traces.getFirst().key).isEqualTo(events.tenantId + "|s-1");
        Trace trace = traces.getFirst().value;
        assertThat(trace.traceId()).isEqualTo(request.traceId());
        assertThat(trace.status()).isEqualTo(TraceStatus.COMPLETED);
        assertThat(trace.agentId()).isEqualTo(events.agentId);
        assertThat(trace.httpStatus()).isEqualTo(200);
        assertThat(trace.totalLatencyMicros()).isEqualTo(40_000);
        assertThat(trace.usage().totalTokens()).isEqualTo(30);
        assertThat(trace.completedAt()).isEqualTo(START.plusMillis(40));
        KeyValueStore<String, Long> ids = topology.store(StateStores.TRACE_IDS);
        assertThat(ids.get(events.tenantId + "|" + request.traceId())).isNotNull();
    }

    @Test
    void completionBeforeRequestMakesTheSameTrace() {
        RequestEvent request = events.request("s-1", START);
        topology.send(events.completion(request, Duration.ofMillis(40)), request);

        assertThat(topology.traces.values()).singleElement().satisfies(trace -> {
            assertThat(trace.status()).isEqualTo(TraceStatus.COMPLETED);
            assertThat(trace.method()).isEqualTo("POST");
            assertThat(trace.httpStatus()).isEqualTo(200);
        });
    }

    @Test
    void missingCompletionMakesAnIncompleteTraceOnceTheTimeoutHasPassed() {
        RequestEvent request = events.request("s-1", START);
        topology.send(request);

        topology.advance(Duration.ofMinutes(4));
        assertThat(topology.traces.read()).isEmpty();
        topology.advance(Duration.ofMinutes(2));

        assertThat(topology.traces.values()).singleElement().satisfies(trace -> {
            assertThat(trace.traceId()).isEqualTo(request.traceId());
            assertThat(trace.status()).isEqualTo(TraceStatus.INCOMPLETE);
            assertThat(trace.httpStatus()).isNull();
            assertThat(trace.completedAt()).isNull();
        });
    }

    @Test
    void lateCompletionWritesTheTraceAgainAsCompletedUnderTheSameKey() {
        RequestEvent request = sendWithLateCompletion("s-1");

        List<KeyValue<String, Trace>> traces = topology.traces.read();
        assertThat(traces).extracting(record -> record.value.status())
                .containsExactly(TraceStatus.INCOMPLETE, TraceStatus.COMPLETED);
        assertThat(traces).extracting(record -> record.key).containsOnly(events.tenantId + "|s-1");
        assertThat(traces).extracting(record -> record.value.traceId()).containsOnly(request.traceId());
    }

    @Test
    void duplicatesOfEitherEventNeverMakeASecondTrace() {
        RequestEvent joined = events.request("s-1", START);
        CompletionEvent completion = events.completion(joined, Duration.ofMillis(5));
        topology.send(joined, joined, completion, completion, joined);
        RequestEvent late = events.request("s-1", START);
        CompletionEvent lateCompletion = events.completion(late, Duration.ofMinutes(8));
        topology.send(late);
        topology.passCompletionTimeout();
        topology.send(late, lateCompletion, lateCompletion, late);
        topology.passCompletionTimeout();

        assertThat(topology.traces.values()).extracting(Trace::traceId, Trace::status).containsExactly(
                tuple(joined.traceId(), TraceStatus.COMPLETED),
                tuple(late.traceId(), TraceStatus.INCOMPLETE),
                tuple(late.traceId(), TraceStatus.COMPLETED));
    }

    @Test
    void traceWithoutSessionIsKeyedByItsTraceId() {
        RequestEvent request = events.request(null, START);
        topology.send(request, events.completion(request, Duration.ofMillis(5)));

        assertThat(topology.traces.read()).singleElement()
                .satisfies(record -> assertThat(record.key).isEqualTo(events.tenantId + "|" + request.traceId()));
    }

    @Test
    void completionWithoutRequestIsDroppedAfterTheTimeout() {
        RequestEvent neverSeen = events.request("s-1", START);
        topology.send(events.completion(neverSeen, Duration.ofMillis(5)));
        topology.passCompletionTimeout();

        assertThat(topology.traces.read()).isEmpty();
        assertThat(topology.entries(StateStores.PENDING_TRACES)).isEmpty();
        assertThat(topology.entries(StateStores.TRACE_DEADLINES)).isEmpty();
    }
}
