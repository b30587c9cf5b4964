package io.renlayer.api.core;

import io.renlayer.schemas.config.PolicyAction;
import io.renlayer.schemas.config.PolicyMatch;
import org.jdbi.v3.json.Json;

import java.time.Instant;

public record Policy(
        String id,
        String tenantId,
        String name,
        String description,
        int priority,
        boolean enabled,
        @Json PolicyMatch match,
        PolicyAction action,
        String reason,
        Instant createdAt,
        Instant updatedAt) {
}
