package io.renlayer.streams.webhooks;

import io.renlayer.kit.webhooks.WebhookSender;
import io.renlayer.schemas.webhooks.DeliveryAttempt;
import io.renlayer.schemas.webhooks.DeliveryOutcome;
import io.renlayer.streams.state.Deadlines;
import io.renlayer.streams.state.StateStores;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.time.Instant;

/**
 * Every delivery attempt, in the queryable deliveries store (for {@code GET /webhooks/{id}/deliveries}) and on
 * {@code renlayer.webhook-deliveries.v1}; attempts older than the retention are purged from the store.
 */
final class DeliveryLog {

    private final ProcessorContext<String, Object> context;
    private final KeyValueStore<String, DeliveryAttempt> deliveries;
    private final Deadlines purges;
    private final Duration retention;

    DeliveryLog(ProcessorContext<String, Object> context, Duration retention) {
        this.context = context;
        this.deliveries = context.getStateStore(StateStores.WEBHOOK_DELIVERIES);
        this.purges = new Deadlines(context.getStateStore(StateStores.WEBHOOK_DELIVERY_DEADLINES), 0);
        this.retention = retention;
    }

    DeliveryAttempt attempt(PendingDelivery delivery, Instant attemptedAt, DeliveryOutcome outcome,
                            WebhookSender.Response response, Instant nextAttemptAt) {
        DeliveryAttempt attempt = new DeliveryAttempt(delivery.tenantId(), delivery.webhookId(), delivery.eventId(),
                delivery.eventType(), delivery.attempts(), attemptedAt, outcome, response.status(),
                response.latencyMs(), response.error(), nextAttemptAt);
        String key = DeliveryKeys.delivery(delivery.tenantId(), delivery.webhookId(), attemptedAt.toEpochMilli(),
                DeliveryKeys.attemptId(attempt));
        deliveries.put(key, attempt);
        purges.schedule(key, attemptedAt.plus(retention).toEpochMilli());
        context.forward(new Record<>(delivery.tenantId(), attempt, context.currentSystemTimeMs()),
                WebhookDispatch.TO_DELIVERIES);
        return attempt;
    }

    void purge(long nowMillis) {
        purges.takeDue(nowMillis).forEach(deliveries::delete);
    }
}
