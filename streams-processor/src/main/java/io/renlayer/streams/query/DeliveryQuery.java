package io.renlayer.streams.query;

import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;
import io.renlayer.schemas.problem.FieldError;
import io.renlayer.schemas.query.QueryApi;
import io.renlayer.schemas.webhooks.DeliveryAttempt;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The attempts to deliver to one webhook of a tenant, newest first ({@link Position}: attempted_at, then event id
 * and attempt number), strictly after {@code after}, at most {@code limit}.
 */
record DeliveryQuery(String tenantId, String webhookId, Position after, int limit) {

    DeliveryQuery {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(webhookId, "webhookId");
    }

    static DeliveryQuery parse(String tenantId, String webhookId, MultivaluedMap<String, String> values,
                               QueryParams.Limit limit) {
        QueryParams params = new QueryParams(values);
        DeliveryQuery query = new DeliveryQuery(params.tenantId(tenantId), webhookId, params.after(),
                params.limit(limit));
        params.validate();
        if (!TypedId.isValid(IdType.WEBHOOK, webhookId)) {
            throw QueryException.invalid(List.of(new FieldError("webhook_id", "must be a webhook id")));
        }
        return query;
    }

    Map<String, String> params() {
        return new QueryParams.Writer().put(QueryApi.AFTER, after)
                .put(QueryApi.LIMIT, limit == QueryParams.Limit.NONE.max() ? null : limit).params();
    }

    DeliveryQuery withLimit(int newLimit) {
        return new DeliveryQuery(tenantId, webhookId, after, newLimit);
    }

    boolean matches(DeliveryAttempt attempt) {
        return tenantId.equals(attempt.tenantId()) && webhookId.equals(attempt.webhookId())
                && (after == null || Position.of(attempt).isAfter(after));
    }
}
