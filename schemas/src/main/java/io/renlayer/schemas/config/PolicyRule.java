package io.renlayer.schemas.config;

/** A policy as the data plane evaluates it: lower {@code priority} first, first match wins. */
public record PolicyRule(
        String id,
        String name,
        int priority,
        boolean enabled,
        PolicyMatch match,
        PolicyAction action,
        String reason) {
}
