package io.renlayer.api.core;

import org.jdbi.v3.json.Json;

import java.time.Instant;
import java.util.List;

public record Webhook(
        String id,
        String tenantId,
        String url,
        String description,
        @Json List<String> eventTypes,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {
}
