package io.renlayer.streams.query;

import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.query.QueryApi;
import io.renlayer.schemas.sessions.SessionSummary;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A tenant's sessions, most recently started first ({@link Position}: first_seen, then session id): those an agent
 * acted in ({@code agentId}), active at some time in [{@code from}, {@code to}) — started before {@code to} and last
 * seen at or after {@code from} — strictly after {@code after}, at most {@code limit}.
 */
record SessionQuery(String tenantId, String agentId, Instant from, Instant to, Position after, int limit) {

    SessionQuery {
        Objects.requireNonNull(tenantId, "tenantId");
        from = TraceQuery.clamp(from == null ? Instant.EPOCH : from);
        to = TraceQuery.clamp(to == null ? Instant.MAX : to);
    }

    static SessionQuery parse(String tenantId, MultivaluedMap<String, String> values, QueryParams.Limit limit) {
        QueryParams params = new QueryParams(values);
        SessionQuery query = new SessionQuery(params.tenantId(tenantId), params.id(QueryApi.AGENT_ID, IdType.AGENT),
                params.instant(QueryApi.FROM), params.instant(QueryApi.TO), params.after(),
                params.limit(limit));
        params.validate();
        return query;
    }

    Map<String, String> params() {
        return new QueryParams.Writer().put(QueryApi.AGENT_ID, agentId).put(QueryApi.FROM, from)
                .put(QueryApi.TO, to).put(QueryApi.AFTER, after)
                .put(QueryApi.LIMIT, limit == QueryParams.Limit.NONE.max() ? null : limit).params();
    }

    SessionQuery withLimit(int newLimit) {
        return new SessionQuery(tenantId, agentId, from, to, after, newLimit);
    }

    boolean matches(SessionSummary session) {
        return tenantId.equals(session.tenantId())
                && (agentId == null || session.agentIds().contains(agentId))
                && session.firstSeen().isBefore(to) && !session.lastSeen().isBefore(from)
                && (after == null || Position.of(session).isAfter(after));
    }
}
