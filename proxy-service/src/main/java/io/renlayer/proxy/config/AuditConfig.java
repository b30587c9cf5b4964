package io.renlayer.proxy.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The {@code audit:} section: how request and completion events reach Kafka. */
public class AuditConfig {

    /** Strict mode: how long a request waits for its event's acknowledgement before it is refused (503). */
    @NotNull
    private Duration strictAckTimeout = Duration.seconds(2);

    /** Events sent without waiting (async mode, completions, refusals) that may be unacknowledged at once. */
    @Min(1)
    private int asyncBufferEvents = 10_000;

    /** How long events sent without waiting may wait to share a batch (not the strict-mode sends). */
    @NotNull
    private Duration batchLinger = Duration.milliseconds(5);

    @JsonProperty
    public Duration getStrictAckTimeout() {
        return strictAckTimeout;
    }

    @JsonProperty
    public void setStrictAckTimeout(Duration strictAckTimeout) {
        this.strictAckTimeout = strictAckTimeout;
    }

    @JsonProperty
    public Duration getBatchLinger() {
        return batchLinger;
    }

    @JsonProperty
    public void setBatchLinger(Duration batchLinger) {
        this.batchLinger = batchLinger;
    }

    @JsonProperty
    public int getAsyncBufferEvents() {
        return asyncBufferEvents;
    }

    @JsonProperty
    public void setAsyncBufferEvents(int asyncBufferEvents) {
        this.asyncBufferEvents = asyncBufferEvents;
    }
}
