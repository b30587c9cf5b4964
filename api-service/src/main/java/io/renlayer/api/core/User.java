package io.renlayer.api.core;

import io.renlayer.api.auth.Role;

import java.time.Instant;

public record User(String id, String tenantId, String email, Role role, Instant createdAt, Instant updatedAt) {
}
