package io.renlayer.api.core;

import java.time.Instant;

public record Agent(
        String id,
        String tenantId,
        String name,
        String description,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {
}
