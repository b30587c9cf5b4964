package io.renlayer.streams.webhooks;

import io.renlayer.schemas.config.SigningSecret;
import io.renlayer.schemas.config.TenantConfigSnapshot;
import io.renlayer.schemas.config.WebhookEndpoint;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the dispatcher reads of a tenant's configuration: its endpoints and sealed signing secrets. */
record TenantWebhooks(TenantConfigSnapshot snapshot) {

    Optional<WebhookEndpoint> endpoint(String webhookId) {
        return snapshot.webhooks().stream().filter(e -> e.id().equals(webhookId)).findFirst();
    }

    /** The enabled endpoints subscribed to {@code eventType}. */
    List<WebhookEndpoint> subscribers(String eventType) {
        return snapshot.webhooks().stream().filter(e -> e.enabled() && e.eventTypes().contains(eventType)).toList();
    }

    /** The secrets to sign with at {@code now}: the current one, and the previous one during its overlap. */
    List<SigningSecret> activeSecrets(Instant now) {
        return snapshot.signingSecrets().stream()
                .filter(s -> s.expiresAt() == null || s.expiresAt().isAfter(now)).toList();
    }
}
