package io.renlayer.streams.query;

import io.renlayer.schemas.events.RequestEvent;
import io.renlayer.schemas.query.QueryPage;
import io.renlayer.schemas.sessions.SessionSummary;
import io.renlayer.schemas.traces.Trace;
import io.renlayer.schemas.webhooks.DeliveryAttempt;
import io.renlayer.streams.topology.Events;
import io.renlayer.streams.traces.TraceKeys;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static io.renlayer.streams.topology.TopologyFixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fan-out, merge and cursors over three instances with real stores (topology test drivers). */
class QueryCoordinatorTest {

    private static final Instant HOUR_AGO = START.minus(Duration.ofHours(1));

    private final Events tenant = new Events();
    private final Events otherTenant = new Events();
    private DriverCluster cluster;
    private QueryCoordinator coordinator;

    @BeforeEach
    void start(@TempDir Path stateDir) {
        cluster = new DriverCluster(stateDir, 3);
        coordinator = new QueryCoordinator(cluster, new RetryWindow(Duration.ZERO));
    }

    @AfterEach
    void close() {
        cluster.close();
    }

    @Test
    void pagesAreNewestFirstWithoutDuplicateOrGapWhileTracesKeepArriving() {
        // Three traces per timestamp, in different sessions and so on different instances: ties across instances.
        List<Position> expected = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            expected.add(trace(tenant, i % 4 == 0 ? null : "s-" + i % 10, HOUR_AGO.plusSeconds(i / 3)));
        }

        List<Position> walked = new ArrayList<>();
        String after = null;
        int round = 0;
        do {
            QueryPage<Trace> page = coordinator.traces(query(tenant, after, 7));
            page.data().forEach(trace -> walked.add(Position.of(trace)));
            after = page.nextAfter();
            if (after != null) {
                round++;
                // Meanwhile: new traces (newer than the walk's start: never in a later page), and one received long
                // before, written only now, where the walk has not gone yet: the walk must still come across it.
                trace(tenant, "s-new", START.plusSeconds(round));
                trace(otherTenant, "s-new", START.plusSeconds(round));
                expected.add(trace(tenant, "s-late-" + round, HOUR_AGO.minusSeconds(round)));
            }
        } while (after != null);

        expected.sort(Position.ORDER);
        assertThat(walked).doesNotHaveDuplicates().containsExactlyElementsOf(expected);
    }

    @Test
    void exportStreamsEveryInstanceMergedNewestFirst() {
        List<Position> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            expected.add(trace(tenant, "s-" + i % 7, HOUR_AGO.plusMillis(i * 10L % 130)));
        }
        trace(otherTenant, "s-1", HOUR_AGO);
        expected.sort(Position.ORDER);

        List<Position> exported = new ArrayList<>();
        try (CloseableIterator<Trace> export = coordinator.export(query(tenant, null, QueryParams.Limit.NONE.max()))) {
            export.forEachRemaining(trace -> exported.add(Position.of(trace)));
        }

        assertThat(exported).containsExactlyElementsOf(expected);
    }

    @Test
    void aSessionsTracesComeFromItsOwnerAlone() {
        List<Position> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(trace(tenant, "ticket/42", HOUR_AGO.plusSeconds(i)));
            trace(tenant, "ticket/43", HOUR_AGO.plusSeconds(i));
        }
        expected.sort(Position.ORDER);
        TraceQuery session = new TraceQuery(tenant.tenantId, null, "ticket/42", null, null, null, null, null, 3);

        QueryPage<Trace> first = coordinator.traces(session);
        QueryPage<Trace> second = coordinator.traces(new TraceQuery(tenant.tenantId, null, "ticket/42", null, null,
                null, null, Position.parse(first.nextAfter()), 3));

        assertThat(first.data()).extracting(Position::of).containsExactlyElementsOf(expected.subList(0, 3));
        assertThat(second.data()).extracting(Position::of).containsExactlyElementsOf(expected.subList(3, 5));
        assertThat(second.nextAfter()).isNull();
        assertThat(coordinator.session(tenant.tenantId, "ticket/42").traceCount()).isEqualTo(5);
    }

    @Test
    void lookupsFindATraceOnWhicheverInstanceHoldsItAndNeverAnotherTenants() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            ids.add(trace(tenant, "s-" + i, HOUR_AGO.plusSeconds(i)).id());
        }

        for (String id : ids) {
            assertThat(coordinator.trace(tenant.tenantId, id).traceId()).isEqualTo(id);
        }
        assertNotFound(() -> coordinator.trace(otherTenant.tenantId, ids.getFirst()));
        assertNotFound(() -> coordinator.session(otherTenant.tenantId, "s-1"));
        assertThat(coordinator.traces(query(otherTenant, null, 10)).data()).isEmpty();
    }

    @Test
    void sessionsArePagedMostRecentlyStartedFirst() {
        for (int i = 0; i < 8; i++) {
            trace(tenant, "s-" + i, HOUR_AGO.plusSeconds(i));
        }

        List<String> walked = new ArrayList<>();
        String after = null;
        do {
            QueryPage<SessionSummary> page = coordinator.sessions(new SessionQuery(tenant.tenantId, null, null, null,
                    after == null ? null : Position.parse(after), 3));
            page.data().forEach(session -> walked.add(session.sessionId()));
            after = page.nextAfter();
        } while (after != null);

        assertThat(walked).containsExactly("s-7", "s-6", "s-5", "s-4", "s-3", "s-2", "s-1", "s-0");
    }

    @Test
    void anInstanceThatFailsFailsTheWholeQueryNeverAPartialOne() {
        Position only = trace(tenant, "s-1", HOUR_AGO);
        Trace sample = coordinator.trace(tenant.tenantId, only.id());
        InstanceQueries down = flaky(Integer.MAX_VALUE, null);
        InstanceQueries breakingOff = flaky(0, sample);

        for (InstanceQueries failing : List.of(down, breakingOff)) {
            QueryCoordinator coordinating =
                    new QueryCoordinator(withExtra(failing), new RetryWindow(Duration.ofMillis(200)));
            long started = System.nanoTime();

            assertThatThrownBy(() -> coordinating.traces(query(tenant, null, 10)))
                    .isInstanceOfSatisfying(QueryException.class, e -> {
                        assertThat(e.problem().status()).isEqualTo(503);
                        assertThat(e.problem().code()).isEqualTo("query_unavailable");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("retried first")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(200));
        }
    }

    @Test
    void anInstanceUnavailableForAMomentIsRetried() {
        Position only = trace(tenant, "s-1", HOUR_AGO);
        QueryCoordinator coordinating =
                new QueryCoordinator(withExtra(flaky(2, null)), new RetryWindow(Duration.ofSeconds(5)));

        assertThat(coordinating.traces(query(tenant, null, 10)).data()).extracting(Position::of).containsExactly(only);
    }

    /** The cluster plus one more instance. */
    private QueryRouting withExtra(InstanceQueries extra) {
        List<QueryRouting.Target> targets = new ArrayList<>(cluster.all());
        targets.add(new QueryRouting.Target(new HostInfo("flaky", 8070), Set.of(1), extra));
        return new QueryRouting() {
            @Override
            public List<Target> all() {
                return targets;
            }

            @Override
            public Optional<Target> ownerOf(String tenantId, String sessionId) {
                return Optional.empty();
            }

            @Override
            public Target deliveriesOwner(String tenantId) {
                return cluster.deliveriesOwner(tenantId);
            }
        };
    }

    /**
     * An instance whose trace queries fail (503) the first {@code unavailableTimes} times they are asked; after
     * that they answer nothing, or, given {@code firstValue}, answer it and then break off, as a cut response.
     */
    private static InstanceQueries flaky(int unavailableTimes, Trace firstValue) {
        AtomicInteger failuresLeft = new AtomicInteger(unavailableTimes);
        return new InstanceQueries() {
            @Override
            public CloseableIterator<Trace> traces(TraceQuery query, Set<Integer> partitions) {
                if (failuresLeft.getAndDecrement() > 0) {
                    throw QueryException.unavailable("instance flaky is restoring");
                }
                return new CloseableIterator<>() {
                    private boolean answered;

                    @Override
                    protected Trace computeNext() {
                        if (firstValue == null) {
                            return null;
                        }
                        if (answered) {
                            throw QueryException.unavailable("instance flaky broke off");
                        }
                        answered = true;
                        return firstValue;
                    }

                    @Override
                    public void close() {
                    }
                };
            }

            @Override
            public CloseableIterator<Trace> trace(String tenantId, String traceId, Set<Integer> partitions) {
                throw new UnsupportedOperationException();
            }

            @Override
            public CloseableIterator<SessionSummary> sessions(SessionQuery query, Set<Integer> partitions) {
                throw new UnsupportedOperationException();
            }

            @Override
            public CloseableIterator<SessionSummary> session(String tenantId, String sessionId,
                                                             Set<Integer> partitions) {
                throw new UnsupportedOperationException();
            }

            @Override
            public CloseableIterator<DeliveryAttempt> deliveries(DeliveryQuery query, Set<Integer> partitions) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private Position trace(Events events, String sessionId, Instant at) {
        RequestEvent request = events.request(sessionId, at);
        cluster.send(request, events.completion(request, Duration.ofMillis(5)));
        return new Position(TraceKeys.micros(at), request.traceId());
    }

    private static TraceQuery query(Events events, String after, int limit) {
        return new TraceQuery(events.tenantId, null, null, null, null, null, null,
                after == null ? null : Position.parse(after), limit);
    }

    private static void assertNotFound(Runnable lookup) {
        assertThatThrownBy(lookup::run).isInstanceOfSatisfying(QueryException.class,
                e -> assertThat(e.problem().status()).isEqualTo(404));
    }
}
