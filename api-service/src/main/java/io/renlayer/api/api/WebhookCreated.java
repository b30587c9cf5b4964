package io.renlayer.api.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.renlayer.api.core.Webhook;

/** A new webhook; {@code signing_secret} is present only when this call created the tenant's first secret. */
public record WebhookCreated(@JsonUnwrapped Webhook webhook, String signingSecret) {
}
