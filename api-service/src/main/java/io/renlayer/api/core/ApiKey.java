package io.renlayer.api.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;

/** A stored API key: only the SHA-256 of its secret, and a short prefix for people to recognise it by. */
public record ApiKey(
        String id,
        String tenantId,
        String agentId,
        String name,
        String prefix,
        @JsonIgnore String secretSha256,
        Instant createdAt,
        Instant revokedAt) {

    @JsonProperty("status")
    public String status() {
        return revokedAt == null ? "active" : "revoked";
    }
}
