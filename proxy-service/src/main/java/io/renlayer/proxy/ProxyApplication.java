package io.renlayer.proxy;

import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.renlayer.kit.config.EnvironmentConfig;
import io.renlayer.kit.errors.ProblemErrorHandler;
import io.renlayer.proxy.config.AuditConfig;
import io.renlayer.proxy.config.ConfigTopicConsumer;
import io.renlayer.proxy.core.ConfigStore;
import io.renlayer.proxy.events.EventPublisher;
import io.renlayer.proxy.forward.Forwarder;
import io.renlayer.proxy.forward.ProxyMetrics;
import io.renlayer.proxy.forward.ProxyServlet;
import io.renlayer.proxy.forward.RequestReader;
import io.renlayer.proxy.health.ConfigHealthCheck;
import io.renlayer.schemas.json.Json;

import java.time.Clock;
import java.time.Duration;

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
        String bootstrapServers = configuration.getKafka().getBootstrapServers();
        configuration.getKafka().buildAdminWithHealthCheck(environment, getName());

        ConfigStore config = new ConfigStore();
        environment.lifecycle().manage(new ConfigTopicConsumer(bootstrapServers, config));
        environment.healthChecks().register("config", new ConfigHealthCheck(config, Duration.ofSeconds(30)));

        AuditConfig audit = configuration.getAudit();
        Duration strictTimeout = audit.getStrictAckTimeout().toJavaDuration();
        EventPublisher events = new EventPublisher(
                EventPublisher.producer(bootstrapServers, "renlayer-proxy-events", strictTimeout, Duration.ZERO),
                EventPublisher.producer(bootstrapServers, "renlayer-proxy-events-batched", strictTimeout,
                        audit.getBatchLinger().toJavaDuration()),
                strictTimeout, audit.getAsyncBufferEvents(), environment.metrics());
        environment.lifecycle().manage(events);
        Forwarder forwarder = new Forwarder(configuration.getForwarding());
        environment.lifecycle().manage(forwarder);

        RequestReader reader = new RequestReader(config, configuration.getForwarding().getMaxRequestBody().toBytes());
        ProxyServlet proxy = new ProxyServlet(reader, events, forwarder, new ProxyMetrics(environment.metrics()),
                Clock.systemUTC());
        // Every path of the application port is an upstream's: no REST resources live there.
        environment.jersey().disable();
        environment.servlets().addServlet("proxy", proxy).addMapping("/*");
        environment.getApplicationContext().setErrorHandler(new ProblemErrorHandler(Json.mapper()));
        environment.lifecycle().addServerLifecycleListener(
                server -> server.setErrorHandler(new ProblemErrorHandler(Json.mapper())));
    }
}
