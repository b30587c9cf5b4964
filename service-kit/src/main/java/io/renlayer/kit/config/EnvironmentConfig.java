package io.renlayer.kit.config;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.setup.Bootstrap;

/** Every service reads its config.yml with {@code ${VAR:-default}} filled from the environment. */
public final class EnvironmentConfig {

    /** Non-strict: {@code ${VAR:-default}} falls back to its default when VAR is unset. */
    public static <T extends Configuration> void enable(Bootstrap<T> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    }

    private EnvironmentConfig() {
    }
}
