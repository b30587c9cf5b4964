package io.renlayer.streams;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.renlayer.streams.health.KafkaHealthCheck;
import org.apache.kafka.clients.admin.Admin;

/** Turns proxy events into traces, sessions, security events and webhooks, and serves them to the API. */
public class StreamsApplication extends Application<StreamsConfiguration> {

    public static void main(String[] args) throws Exception {
        new StreamsApplication().run(args);
    }

    @Override
    public String getName() {
        return "streams-processor";
    }

    @Override
    public void initialize(Bootstrap<StreamsConfiguration> bootstrap) {
        // Non-strict: ${VAR:-default} falls back to its default when VAR is unset.
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    }

    @Override
    public void run(StreamsConfiguration configuration, Environment environment) {
        Admin admin = configuration.getKafka().buildAdmin(environment, getName());
        environment.healthChecks().register("kafka",
                new KafkaHealthCheck(admin, configuration.getKafka().getHealthCheckTimeout().toJavaDuration()));
    }
}
