package io.renlayer.api.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.renlayer.schemas.config.TenantSettings;
import org.jdbi.v3.json.Json;

import java.time.Instant;

public record Tenant(
        String id,
        String name,
        @Json TenantSettings settings,
        @JsonIgnore long configVersion,
        Instant createdAt,
        Instant updatedAt) {
}
