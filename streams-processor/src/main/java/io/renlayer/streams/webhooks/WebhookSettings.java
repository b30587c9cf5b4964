package io.renlayer.streams.webhooks;

import java.time.Duration;

/**
 * How the dispatcher retries (the {@code webhooks:} section, as plain values for tests).
 *
 * @param timeout        how long one attempt may take, connecting included
 * @param initialBackoff the wait after the first failure; it doubles after each further failure
 * @param maxBackoff     the longest wait between two attempts
 * @param retryFor       how long after its first attempt a delivery is retried before it is dead-lettered
 * @param tickInterval   how often (wall-clock) due deliveries are sent and finished ones recorded
 * @param maxInFlight    deliveries sent and not yet answered, per stream task
 */
public record WebhookSettings(Duration timeout, Duration initialBackoff, Duration maxBackoff, Duration retryFor,
                              Duration tickInterval, int maxInFlight) {

    /**
     * The wait after {@code attempts} failed attempts: exponential, capped, and spread by up to ±10% by the
     * delivery's id, so that the deliveries of one outage do not all come back in the same second.
     */
    long backoffMillis(int attempts, String deliveryId) {
        long base = initialBackoff.toMillis() << Math.min(attempts - 1, 30);
        long capped = Math.min(base <= 0 ? Long.MAX_VALUE : base, maxBackoff.toMillis());
        return capped * (90 + Math.floorMod(deliveryId.hashCode(), 21)) / 100;
    }
}
