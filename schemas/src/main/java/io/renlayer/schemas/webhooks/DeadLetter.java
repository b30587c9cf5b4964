package io.renlayer.schemas.webhooks;

import java.time.Instant;

/**
 * A delivery given up after its retry period, on {@code renlayer.webhooks.dead-letter.v1} (key: tenant id), with
 * the exact body that was signed, so that an operator can inspect it or deliver it again.
 *
 * @param firstAttemptAt when the first attempt was made
 * @param lastAttempt    the attempt that ended the retries
 * @param body           the security event as sent (JSON)
 */
public record DeadLetter(
        String tenantId,
        String webhookId,
        String url,
        String eventId,
        String eventType,
        Instant firstAttemptAt,
        DeliveryAttempt lastAttempt,
        String body) {
}
