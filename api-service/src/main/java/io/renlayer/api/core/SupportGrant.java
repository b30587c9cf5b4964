package io.renlayer.api.core;

import io.renlayer.api.auth.Role;

import java.time.Instant;

/** An owner's time-boxed permission for RenLayer support to act in the tenant with {@code role}. */
public record SupportGrant(
        String id,
        String tenantId,
        String grantedBy,
        Role role,
        String reason,
        Instant expiresAt,
        Instant revokedAt,
        Instant createdAt) {

    public boolean activeAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
