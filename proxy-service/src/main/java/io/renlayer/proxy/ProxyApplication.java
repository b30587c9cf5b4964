package io.renlayer.proxy;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.renlayer.proxy.health.KafkaHealthCheck;
import org.apache.kafka.clients.admin.Admin;

/** The data plane: sits between agents and their upstream LLM and tool APIs. */
public class ProxyApplication extends Application<ProxyConfiguration> {

    public static void main(String[] args) throws Exception {
        new ProxyApplication().run(args);
    }

    @Override
    public String getName() {
        return "proxy-service";
    }

    @Override
    public void initialize(Bootstrap<ProxyConfiguration> bootstrap) {
        // Non-strict: ${VAR:-default} falls back to its default when VAR is unset.
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    }

    @Override
    public void run(ProxyConfiguration configuration, Environment environment) {
        Admin admin = configuration.getKafka().buildAdmin(environment, getName());
        environment.healthChecks().register("kafka",
                new KafkaHealthCheck(admin, configuration.getKafka().getHealthCheckTimeout().toJavaDuration()));
    }
}
