package io.renlayer.proxy;

import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.renlayer.kit.config.EnvironmentConfig;

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
    }
}
