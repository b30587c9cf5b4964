package io.renlayer.api.api;

import io.renlayer.api.auth.Role;

/** An owner grants support access for {@code durationMinutes} (at most 7 days) with a role below owner. */
public record SupportGrantInput(Role role, Integer durationMinutes, String reason) {
}
