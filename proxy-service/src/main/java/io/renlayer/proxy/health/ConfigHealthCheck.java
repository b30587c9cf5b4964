package io.renlayer.proxy.health;

import com.codahale.metrics.health.HealthCheck;
import io.renlayer.proxy.core.ConfigStore;

/** Unhealthy until the config topic has been read to its end: the proxy refuses traffic until then. */
public class ConfigHealthCheck extends HealthCheck {

    private final ConfigStore store;

    public ConfigHealthCheck(ConfigStore store) {
        this.store = store;
    }

    @Override
    protected Result check() {
        return store.loaded() ? Result.healthy("configuration loaded") : Result.unhealthy("configuration not loaded yet");
    }
}
