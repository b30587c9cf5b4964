package io.renlayer.streams.webhooks;

import java.time.Instant;

/**
 * A security event on its way to one webhook, in the schedule store until it is delivered, dead-lettered or
 * cancelled.
 *
 * @param body           the security event as it is signed and sent, the same on every attempt
 * @param attempts       attempts started so far
 * @param firstAttemptAt when the first attempt started; null before it
 */
record PendingDelivery(String tenantId, String webhookId, String eventId, String eventType, String body,
                       int attempts, Instant firstAttemptAt) {

    /** One delivery per event and webhook: what the retry spread and the schedule keys are derived from. */
    String deliveryId() {
        return eventId + "|" + webhookId;
    }

    PendingDelivery started(Instant now) {
        return new PendingDelivery(tenantId, webhookId, eventId, eventType, body, attempts + 1,
                firstAttemptAt == null ? now : firstAttemptAt);
    }
}
