package io.renlayer.api.config;

import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;

/**
 * {@code POST /webhooks/{id}/test} sends from api-service itself, with the dispatcher's sender and the same limits
 * (the same variables as streams-processor's {@code webhooks} section).
 */
public class WebhookTestConfig {

    /** One attempt, connecting included. */
    @NotNull
    public Duration timeout = Duration.seconds(10);

    /** Internal networks receivers may be on anyway (comma-separated CIDRs); the SSRF guard refuses the rest. */
    public String allowedNetworks = "";
}
