package io.renlayer.api.api;

import io.renlayer.schemas.config.PolicyAction;
import io.renlayer.schemas.config.PolicyMatch;

/** Body of POST (name, priority, action required) and PATCH (every field optional) of a policy. */
public record PolicyInput(String name, String description, Integer priority, Boolean enabled, PolicyMatch match,
                          PolicyAction action, String reason) {
}
