package io.renlayer.api.api;

import io.renlayer.api.core.Checks;

/** Body of POST (name required) and PATCH (every field optional) of an agent. */
public record AgentInput(String name, String description, Boolean enabled) {

    public void validate(boolean create) {
        Checks checks = new Checks();
        if (create || name != null) {
            checks.text(name, "name", 200);
        }
        checks.optionalText(description, "description", 2000).orThrow();
    }
}
