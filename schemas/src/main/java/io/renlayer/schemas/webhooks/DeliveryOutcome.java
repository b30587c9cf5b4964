package io.renlayer.schemas.webhooks;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What one delivery attempt came to. */
public enum DeliveryOutcome {
    /** The receiver answered 2xx. */
    @JsonProperty("delivered") DELIVERED,
    /** Any other answer, a timeout or a connection failure; {@code next_attempt_at} says when it is retried. */
    @JsonProperty("retrying") RETRYING,
    /** Failed, and the retry period is over: the event is on the dead-letter topic. */
    @JsonProperty("dead_lettered") DEAD_LETTERED,
    /** The receiver answered 410: nothing more goes to the webhook until it is updated. */
    @JsonProperty("endpoint_gone") ENDPOINT_GONE,
    /** Not sent: the webhook was deleted or disabled, or had answered 410, before this attempt. */
    @JsonProperty("cancelled") CANCELLED
}
