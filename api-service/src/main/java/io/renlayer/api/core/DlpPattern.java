package io.renlayer.api.core;

import io.renlayer.schemas.config.DlpAction;

import java.time.Instant;

/** A tenant's custom DLP pattern, in RE2 syntax. */
public record DlpPattern(
        String id,
        String tenantId,
        String name,
        String regex,
        DlpAction action,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {
}
