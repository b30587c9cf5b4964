package io.renlayer.schemas.config;

/** A built-in DLP detector's per-tenant state. */
public record DetectorSetting(String id, String name, boolean enabled, DlpAction action) {
}
