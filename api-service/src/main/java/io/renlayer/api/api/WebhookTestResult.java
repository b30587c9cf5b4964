package io.renlayer.api.api;

/**
 * How a test delivery went. Sent once, at once, and not retried or recorded among the webhook's deliveries.
 *
 * @param statusCode the receiver's HTTP status; null when it did not answer
 * @param error      why it was not delivered, when it was not
 */
public record WebhookTestResult(String eventId, boolean delivered, Integer statusCode, long latencyMs, String error) {
}
