package io.renlayer.streams.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import io.renlayer.schemas.config.SecretSealer;
import io.renlayer.streams.webhooks.WebhookSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/** The {@code webhooks:} section: how deliveries are signed, timed out and retried. */
public class WebhooksConfig {

    /** The api-service's RENLAYER_SECRETS_KEY: it sealed the tenants' signing secrets. */
    @NotBlank
    private String secretsKey;

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 60, unit = TimeUnit.SECONDS)
    private Duration timeout = Duration.seconds(10);

    @NotNull
    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    private Duration initialBackoff = Duration.seconds(10);

    @NotNull
    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    private Duration maxBackoff = Duration.hours(1);

    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration retryFor = Duration.hours(24);

    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
    private Duration tickInterval = Duration.milliseconds(250);

    @Min(1)
    @Max(10_000)
    private int maxInFlight = 64;

    /** Internal networks receivers may be on (comma-separated CIDRs); blank in production. */
    @NotNull
    private String allowedNetworks = "";

    public WebhookSettings settings() {
        return new WebhookSettings(timeout.toJavaDuration(), initialBackoff.toJavaDuration(),
                maxBackoff.toJavaDuration(), retryFor.toJavaDuration(), tickInterval.toJavaDuration(), maxInFlight);
    }

    /** @throws IllegalArgumentException when the key is not 32 base64-encoded bytes */
    public SecretSealer sealer() {
        return new SecretSealer(secretsKey);
    }

    @JsonProperty
    public void setSecretsKey(String secretsKey) {
        this.secretsKey = secretsKey;
    }

    @JsonProperty
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public java.time.Duration timeout() {
        return timeout.toJavaDuration();
    }

    @JsonProperty
    public void setInitialBackoff(Duration initialBackoff) {
        this.initialBackoff = initialBackoff;
    }

    @JsonProperty
    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    @JsonProperty
    public void setRetryFor(Duration retryFor) {
        this.retryFor = retryFor;
    }

    @JsonProperty
    public void setTickInterval(Duration tickInterval) {
        this.tickInterval = tickInterval;
    }

    @JsonProperty
    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    @JsonProperty
    public String getAllowedNetworks() {
        return allowedNetworks;
    }

    @JsonProperty
    public void setAllowedNetworks(String allowedNetworks) {
        this.allowedNetworks = allowedNetworks;
    }
}
