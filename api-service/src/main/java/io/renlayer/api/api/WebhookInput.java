package io.renlayer.api.api;

import java.util.List;

/** Body of POST (url, event types required) and PATCH of a webhook endpoint. */
public record WebhookInput(String url, String description, List<String> eventTypes, Boolean enabled) {
}
