package io.renlayer.api.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import org.jdbi.v3.json.Json;

import java.time.Instant;

/** One operator action, written in the same transaction as the change it records. */
public record AuditEntry(
        String id,
        String tenantId,
        ActorType actorType,
        String actorId,
        String action,
        String resourceType,
        String resourceId,
        @Json JsonNode summary,
        String requestId,
        String clientIp,
        Instant createdAt) {

    public enum ActorType {
        @JsonProperty("user") USER,
        @JsonProperty("support") SUPPORT,
        @JsonProperty("system") SYSTEM
    }
}
