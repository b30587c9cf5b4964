package io.renlayer.api.config;

import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Access tokens: who issues them, for which audience, how long they live, and the signing key. */
public class AuthConfig {

    @NotBlank
    public String issuer = "http://localhost:8080";

    @NotBlank
    public String audience = "renlayer-api";

    @NotNull
    public Duration tokenTtl = Duration.minutes(15);

    /** A private EC P-256 JWK (JSON). Required outside local mode; local mode generates and keeps one. */
    public String signingKey = "";
}
