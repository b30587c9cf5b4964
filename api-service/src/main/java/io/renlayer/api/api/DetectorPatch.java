package io.renlayer.api.api;

import io.renlayer.schemas.config.DlpAction;

/** PATCH of a built-in detector: the tenant's enable flag and action. */
public record DetectorPatch(Boolean enabled, DlpAction action) {
}
