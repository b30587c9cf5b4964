package io.renlayer.streams;

import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.renlayer.kit.config.EnvironmentConfig;

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
        EnvironmentConfig.enable(bootstrap);
    }

    @Override
    public void run(StreamsConfiguration configuration, Environment environment) {
        configuration.getKafka().buildAdminWithHealthCheck(environment, getName());
    }
}
