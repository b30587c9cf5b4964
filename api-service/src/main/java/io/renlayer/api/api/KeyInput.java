package io.renlayer.api.api;

import io.renlayer.api.core.Checks;

public record KeyInput(String name) {

    public void validate() {
        new Checks().optionalText(name, "name", 200).orThrow();
    }
}
