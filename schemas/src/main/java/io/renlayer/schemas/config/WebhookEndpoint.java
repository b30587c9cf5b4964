package io.renlayer.schemas.config;

import java.util.List;

/** Where the webhook dispatcher delivers which security events. */
public record WebhookEndpoint(String id, String url, List<String> eventTypes, boolean enabled) {

    public WebhookEndpoint {
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
    }
}
