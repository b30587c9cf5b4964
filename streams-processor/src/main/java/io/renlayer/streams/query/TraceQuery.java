package io.renlayer.streams.query;

import io.renlayer.schemas.events.Decision;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.query.QueryApi;
import io.renlayer.schemas.traces.Trace;
import io.renlayer.schemas.traces.TraceStatus;
import io.renlayer.streams.traces.TraceKeys;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * A tenant's traces, newest first: received in [{@code from}, {@code to}) (to the microsecond, the precision of the
 * store keys), matching every filter given, strictly after {@code after}, at most {@code limit}.
 */
record TraceQuery(String tenantId, String agentId, String sessionId, Decision decision, TraceStatus status,
                  Instant from, Instant to, Position after, int limit) {

    /** Bounds of the times a query can name: the store keys hold µs since the epoch, positive. */
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    TraceQuery {
        Objects.requireNonNull(tenantId, "tenantId");
        from = clamp(from == null ? EARLIEST : from);
        to = clamp(to == null ? LATEST : to);
    }

    static TraceQuery parse(String tenantId, MultivaluedMap<String, String> values, QueryParams.Limit limit) {
        QueryParams params = new QueryParams(values);
        TraceQuery query = new TraceQuery(params.tenantId(tenantId), params.id(QueryApi.AGENT_ID, IdType.AGENT),
                params.sessionId(QueryApi.SESSION_ID), params.choice(QueryApi.DECISION, Decision.class),
                params.choice(QueryApi.STATUS, TraceStatus.class), params.instant(QueryApi.FROM),
                params.instant(QueryApi.TO), params.after(), params.limit(limit));
        params.validate();
        return query;
    }

    /** This query as parameters, for a peer to answer the same. */
    Map<String, String> params() {
        return new QueryParams.Writer().put(QueryApi.AGENT_ID, agentId).put(QueryApi.SESSION_ID, sessionId)
                .put(QueryApi.DECISION, decision).put(QueryApi.STATUS, status).put(QueryApi.FROM, from)
                .put(QueryApi.TO, to).put(QueryApi.AFTER, after)
                .put(QueryApi.LIMIT, limit == QueryParams.Limit.NONE.max() ? null : limit).params();
    }

    TraceQuery withLimit(int newLimit) {
        return new TraceQuery(tenantId, agentId, sessionId, decision, status, from, to, after, newLimit);
    }

    /** The latest time in range: the inclusive upper bound the store's key ranges take. */
    Instant last() {
        return to.minus(1, ChronoUnit.MICROS);
    }

    /** Checked on every trace read, whatever the scan: the key ranges narrow the reads, this decides. */
    boolean matches(Trace trace) {
        long micros = TraceKeys.micros(trace.receivedAt());
        return tenantId.equals(trace.tenantId())
                && (agentId == null || agentId.equals(trace.agentId()))
                && (sessionId == null || sessionId.equals(trace.sessionId()))
                && (decision == null || decision == trace.decision())
                && (status == null || status == trace.status())
                && micros >= TraceKeys.micros(from) && micros < TraceKeys.micros(to)
                && (after == null || Position.of(trace).isAfter(after));
    }

    /** Within the times the keys can hold, to the microsecond. */
    static Instant clamp(Instant instant) {
        Instant bounded = instant.isBefore(EARLIEST) ? EARLIEST : instant.isAfter(LATEST) ? LATEST : instant;
        return bounded.truncatedTo(ChronoUnit.MICROS);
    }
}
