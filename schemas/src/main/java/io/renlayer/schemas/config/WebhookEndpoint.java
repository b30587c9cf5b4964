package io.renlayer.schemas.config;

import java.time.Instant;
import java.util.List;

/**
 * Where the webhook dispatcher delivers which security events.
 *
 * @param updatedAt when the webhook was last changed: a receiver that answered 410 gets nothing more until then
 */
public record WebhookEndpoint(String id, String url, List<String> eventTypes, boolean enabled, Instant updatedAt) {

    public WebhookEndpoint {
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
    }
}
