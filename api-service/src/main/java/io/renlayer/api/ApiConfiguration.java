package io.renlayer.api;

import io.dropwizard.db.DataSourceFactory;
import io.renlayer.api.config.AuthConfig;
import io.renlayer.api.config.MailConfig;
import io.renlayer.api.config.StreamsQueryConfig;
import io.renlayer.api.config.WebhookTestConfig;
import io.renlayer.kit.config.KafkaServiceConfiguration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Everything is set in config.yml, itself filled from environment variables ({@code ${VAR:-default}}). */
public class ApiConfiguration extends KafkaServiceConfiguration {

    @Valid
    @NotNull
    public DataSourceFactory database = new DataSourceFactory();

    @Valid
    @NotNull
    public AuthConfig auth = new AuthConfig();

    @Valid
    @NotNull
    public MailConfig mail = new MailConfig();

    @Valid
    @NotNull
    public StreamsQueryConfig streams = new StreamsQueryConfig();

    @Valid
    @NotNull
    public WebhookTestConfig webhooks = new WebhookTestConfig();

    /** Local mode: sign-in codes in the log, signing and secrets keys generated into {@code dataDir}. */
    public boolean localMode = false;

    @NotBlank
    public String dataDir = ".renlayer/api-service";

    /** See {@link io.renlayer.api.config.SecretsConfig}. */
    public String secretsKey = "";
}
