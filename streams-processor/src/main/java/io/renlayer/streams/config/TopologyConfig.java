package io.renlayer.streams.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/** The {@code topology:} section: timeouts and retention of traces and sessions. */
public class TopologyConfig {

    /** Longer than the longest request an agent makes (a long LLM stream), or traces go incomplete, then complete. */
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration completionTimeout = Duration.minutes(5);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration sessionGap = Duration.minutes(30);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    private Duration retention = Duration.days(7);

    @NotNull
    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    private Duration punctuationInterval = Duration.seconds(5);

    public TopologySettings settings() {
        return new TopologySettings(completionTimeout.toJavaDuration(), sessionGap.toJavaDuration(),
                retention.toJavaDuration(), punctuationInterval.toJavaDuration());
    }

    @JsonProperty
    public Duration getCompletionTimeout() {
        return completionTimeout;
    }

    @JsonProperty
    public void setCompletionTimeout(Duration completionTimeout) {
        this.completionTimeout = completionTimeout;
    }

    @JsonProperty
    public Duration getSessionGap() {
        return sessionGap;
    }

    @JsonProperty
    public void setSessionGap(Duration sessionGap) {
        this.sessionGap = sessionGap;
    }

    @JsonProperty
    public Duration getRetention() {
        return retention;
    }

    @JsonProperty
    public void setRetention(Duration retention) {
        this.retention = retention;
    }

    @JsonProperty
    public Duration getPunctuationInterval() {
        return punctuationInterval;
    }

    @JsonProperty
    public void setPunctuationInterval(Duration punctuationInterval) {
        this.punctuationInterval = punctuationInterval;
    }
}
