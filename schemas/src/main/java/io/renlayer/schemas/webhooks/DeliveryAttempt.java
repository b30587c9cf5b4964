package io.renlayer.schemas.webhooks;

import java.time.Instant;

/**
 * One attempt to deliver a security event to a webhook, on {@code renlayer.webhook-deliveries.v1} (key: tenant id)
 * and behind {@code GET /webhooks/{id}/deliveries}. An attempt that was cancelled made no HTTP call.
 *
 * @param attempt      1 for the first try; retries of one event to one webhook count up
 * @param statusCode   the receiver's HTTP status; absent when there was no answer (timeout, connection failure)
 * @param latencyMs    from sending to the answer (or the failure)
 * @param error        why the attempt failed, when it did; never contains a secret
 * @param nextAttemptAt when the next retry is due ({@link DeliveryOutcome#RETRYING} only)
 */
public record DeliveryAttempt(
        String tenantId,
        String webhookId,
        String eventId,
        String eventType,
        int attempt,
        Instant attemptedAt,
        DeliveryOutcome outcome,
        Integer statusCode,
        long latencyMs,
        String error,
        Instant nextAttemptAt) {
}
