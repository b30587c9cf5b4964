package io.renlayer.schemas.config;

/** A tenant-defined DLP pattern, in RE2 syntax (linear-time matching). */
public record CustomPattern(String id, String name, String regex, DlpAction action, boolean enabled) {
}
