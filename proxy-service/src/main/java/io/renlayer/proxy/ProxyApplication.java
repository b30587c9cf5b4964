package io.renlayer.proxy;

import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.renlayer.kit.config.EnvironmentConfig;
import io.renlayer.proxy.config.ConfigTopicConsumer;
import io.renlayer.proxy.core.ConfigStore;
import io.renlayer.proxy.health.ConfigHealthCheck;

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
        EnvironmentConfig.enable(bootstrap);
    }

    @Override
    public void run(ProxyConfiguration configuration, Environment environment) {
        configuration.getKafka().buildAdminWithHealthCheck(environment, getName());
        ConfigStore config = new ConfigStore();
        environment.lifecycle().manage(new ConfigTopicConsumer(configuration.getKafka().getBootstrapServers(), config));
        environment.healthChecks().register("config", new ConfigHealthCheck(config));
    }
}
