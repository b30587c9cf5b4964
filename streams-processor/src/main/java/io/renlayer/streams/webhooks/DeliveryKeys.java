package io.renlayer.streams.webhooks;

import io.renlayer.schemas.webhooks.DeliveryAttempt;

/**
 * Key layouts of the webhook stores. Fixed-width numbers, so that the stores' byte order is time order.
 * <ul>
 * <li>schedule: {@code <due epoch ms, 13 digits>|<event id>|<webhook id>}, earliest first</li>
 * <li>deliveries: {@code <tenant>|<webhook>|<inverted epoch ms, 19 digits>|<event id>|<attempt, 4 digits>}, newest
 *     first within a webhook</li>
 * </ul>
 */
public final class DeliveryKeys {

    /** Above every character of an id: the inclusive end of a key prefix's range. */
    public static final String TOP = "~";

    static String schedule(long dueAtMillis, PendingDelivery delivery) {
        return String.format("%013d|%s", dueAtMillis, delivery.deliveryId());
    }

    /** The inclusive end of every schedule key due at or before {@code nowMillis}. */
    static String dueBy(long nowMillis) {
        return String.format("%013d|%s", nowMillis, TOP);
    }

    public static String delivery(String tenantId, String webhookId, long attemptedAtMillis, String attemptId) {
        return String.format("%s%019d|%s", webhookPrefix(tenantId, webhookId), Long.MAX_VALUE - attemptedAtMillis,
                attemptId);
    }

    /** {@code <event id>|<attempt, 4 digits>}: an attempt among those made at the same millisecond, in key order. */
    public static String attemptId(DeliveryAttempt attempt) {
        return String.format("%s|%04d", attempt.eventId(), attempt.attempt());
    }

    /** Every attempt made to one webhook, newest first, is in [prefix, prefix + {@link #TOP}]. */
    public static String webhookPrefix(String tenantId, String webhookId) {
        return tenantId + "|" + webhookId + "|";
    }

    static String gone(String tenantId, String webhookId) {
        return tenantId + "|" + webhookId;
    }

    private DeliveryKeys() {
    }
}
