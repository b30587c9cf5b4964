package io.renlayer.proxy.health;

import com.codahale.metrics.health.HealthCheck;
import io.renlayer.proxy.core.ConfigStore;

import java.time.Duration;
import java.time.Instant;

/**
 * Unhealthy until the config topic has been read to its end (the proxy refuses traffic until then), and
 * when the proxy has not confirmed for a while that it is caught up with the topic: a revocation may then
 * not have reached it.
 */
public class ConfigHealthCheck extends HealthCheck {

    private final ConfigStore store;
    private final Duration maxStaleness;

    public ConfigHealthCheck(ConfigStore store, Duration maxStaleness) {
        this.store = store;
        this.maxStaleness = maxStaleness;
    }

    @Override
    protected Result check() {
        if (!store.loaded()) {
            return Result.unhealthy("configuration not loaded yet");
        }
        Instant caughtUp = store.caughtUpAt();
        Duration age = Duration.between(caughtUp, Instant.now());
        return age.compareTo(maxStaleness) > 0
                ? Result.unhealthy("not confirmed caught up with the config topic for " + age.toSeconds() + " s")
                : Result.healthy("configuration loaded, caught up " + age.toMillis() + " ms ago");
    }
}
