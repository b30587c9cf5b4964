package io.renlayer.api.api;

import io.renlayer.schemas.config.DlpAction;

/** Body of POST (name, regex, action required) and PATCH of a custom DLP pattern. */
public record PatternInput(String name, String regex, DlpAction action, Boolean enabled) {
}
