package io.renlayer.streams;

import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.ServerLifecycleListener;
import io.renlayer.kit.config.EnvironmentConfig;
import io.renlayer.kit.errors.ProblemErrorHandler;
import io.renlayer.kit.webhooks.HttpWebhookSender;
import io.renlayer.schemas.json.Json;
import io.renlayer.streams.config.QueryConfig;
import io.renlayer.streams.config.TopologySettings;
import io.renlayer.streams.config.WebhooksConfig;
import io.renlayer.streams.health.StreamsHealthCheck;
import io.renlayer.streams.query.InteractiveQueries;
import io.renlayer.streams.topology.RenLayerTopology;
import io.renlayer.streams.topology.StreamsRuntime;
import io.renlayer.streams.webhooks.WebhookDispatch;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.jetty.server.Server;

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
        Admin admin = configuration.getKafka().buildAdminWithHealthCheck(environment, getName());
        String bootstrapServers = configuration.getKafka().getBootstrapServers();
        WebhooksConfig webhooks = configuration.getWebhooks();
        HttpWebhookSender sender = new HttpWebhookSender(webhooks.timeout(), webhooks.getAllowedNetworks());
        // Managed before the streams: started first, stopped after them.
        environment.lifecycle().manage(sender);
        TopologySettings topology = configuration.getTopology().settings();
        StreamsRuntime streams = new StreamsRuntime(
                RenLayerTopology.buildTopology(topology,
                        new WebhookDispatch(webhooks.settings(), webhooks.sealer(), sender, topology.retention())),
                RenLayerTopology.streamsConfig(bootstrapServers, configuration.getStreams()));
        environment.lifecycle().manage(streams);
        QueryConfig query = configuration.getQuery();
        // Started once the server listens: application.server must name the port the connector really got.
        environment.lifecycle().addServerLifecycleListener(new ServerLifecycleListener() {
            @Override
            public void serverStarted(Server server) {
                streams.start(query.advertised(getLocalPort(server)));
            }
        });
        environment.healthChecks().register("streams", new StreamsHealthCheck(streams::state));

        Json.configure(environment.getObjectMapper());
        environment.getApplicationContext().setErrorHandler(new ProblemErrorHandler(Json.mapper()));
        environment.lifecycle().addServerLifecycleListener(
                server -> server.setErrorHandler(new ProblemErrorHandler(Json.mapper())));
        InteractiveQueries.register(environment, streams, admin, query);
    }
}
