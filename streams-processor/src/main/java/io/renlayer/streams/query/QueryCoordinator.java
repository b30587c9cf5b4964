package io.renlayer.streams.query;

import io.renlayer.schemas.query.QueryPage;
import io.renlayer.schemas.sessions.SessionSummary;
import io.renlayer.schemas.traces.Trace;
import io.renlayer.schemas.webhooks.DeliveryAttempt;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Answers a query for the whole cluster: asks every instance concerned (itself included) about the partitions it
 * owns, and merges their answers newest first. Every instance must answer: one that fails fails the query, retried
 * within the {@link RetryWindow} and then a 503 — never a result missing some partitions.
 * <p>
 * A trace's partition depends on its session, which a caller looking it up by id does not know: trace lookups ask
 * every instance (each consults its {@code trace-ids} index). Session lookups, and trace queries for one session,
 * go to the owner of the session's key only, or to every instance when the metadata cannot say.
 */
final class QueryCoordinator {

    private final QueryRouting routing;
    private final RetryWindow retry;

    QueryCoordinator(QueryRouting routing, RetryWindow retry) {
        this.routing = routing;
        this.retry = retry;
    }

    /** One page: each instance answers one more than the limit, which tells whether another page follows. */
    QueryPage<Trace> traces(TraceQuery query) {
        TraceQuery fetch = query.withLimit(query.limit() + 1);
        return retry.call(() -> page(open(targets(query.tenantId(), query.sessionId()),
                (queries, partitions) -> queries.traces(fetch, partitions), Position.TRACES), query.limit(),
                Position::of));
    }

    /**
     * Every matching trace, as a merge of the instances' streams: opened (each has answered its first trace, or
     * failed) within the retry window, read by the caller, closed by the caller.
     */
    CloseableIterator<Trace> export(TraceQuery query) {
        return retry.call(() -> open(targets(query.tenantId(), query.sessionId()),
                (queries, partitions) -> queries.traces(query, partitions), Position.TRACES)).limit(query.limit());
    }

    Trace trace(String tenantId, String traceId) {
        return retry.call(() -> first(open(routing.all(),
                (queries, partitions) -> queries.trace(tenantId, traceId, partitions), Position.TRACES), "trace"));
    }

    QueryPage<SessionSummary> sessions(SessionQuery query) {
        SessionQuery fetch = query.withLimit(query.limit() + 1);
        return retry.call(() -> page(open(routing.all(),
                (queries, partitions) -> queries.sessions(fetch, partitions), Position.SESSIONS), query.limit(),
                Position::of));
    }

    SessionSummary session(String tenantId, String sessionId) {
        return retry.call(() -> first(open(targets(tenantId, sessionId),
                (queries, partitions) -> queries.session(tenantId, sessionId, partitions), Position.SESSIONS),
                "session"));
    }

    QueryPage<DeliveryAttempt> deliveries(DeliveryQuery query) {
        DeliveryQuery fetch = query.withLimit(query.limit() + 1);
        return retry.call(() -> page(open(List.of(routing.deliveriesOwner(query.tenantId())),
                (queries, partitions) -> queries.deliveries(fetch, partitions), Position.DELIVERIES), query.limit(),
                Position::of));
    }

    private List<QueryRouting.Target> targets(String tenantId, String sessionId) {
        return sessionId == null ? routing.all()
                : routing.ownerOf(tenantId, sessionId).map(List::of).orElseGet(routing::all);
    }

    private static <T> CloseableIterator<T> open(List<QueryRouting.Target> targets,
                                                 BiFunction<InstanceQueries, Set<Integer>, CloseableIterator<T>> query,
                                                 Comparator<? super T> order) {
        return MergedIterator.open(targets, target -> query.apply(target.queries(), target.partitions()), order);
    }

    private static <T> QueryPage<T> page(CloseableIterator<T> merged, int limit, Function<T, Position> position) {
        try (merged) {
            List<T> fetched = merged.take(limit + 1);
            if (fetched.size() <= limit) {
                return new QueryPage<>(fetched, null);
            }
            List<T> data = fetched.subList(0, limit);
            return new QueryPage<>(data, position.apply(data.getLast()).encode());
        }
    }

    /** Every instance has answered once the merge is open, so "none found" is a 404, not a missing answer. */
    private static <T> T first(CloseableIterator<T> merged, String what) {
        try (merged) {
            if (!merged.hasNext()) {
                throw QueryException.notFound(what);
            }
            return merged.next();
        }
    }
}
