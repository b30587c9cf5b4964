package io.renlayer.streams;

import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import io.renlayer.kit.config.EnvironmentConfig;
import io.renlayer.streams.health.StreamsHealthCheck;
import io.renlayer.streams.topology.RenLayerTopology;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;

import java.time.Duration;

/** Turns proxy events into traces, sessions, security events and webhooks, and serves them to the API. */
public class StreamsApplication extends Application<StreamsConfiguration> {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

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
        String bootstrapServers = configuration.getKafka().getBootstrapServers();
        KafkaStreams streams = new KafkaStreams(RenLayerTopology.buildTopology(configuration.getTopology().settings()),
                RenLayerTopology.streamsConfig(bootstrapServers, configuration.getStreams()));
        environment.lifecycle().manage(new Managed() {
            @Override
            public void start() {
                streams.start();
            }

            @Override
            public void stop() {
                // Leave the group: otherwise the next start waits for the session timeout before it gets its tasks.
                streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                        .withTimeout(CLOSE_TIMEOUT));
            }
        });
        environment.healthChecks().register("streams", new StreamsHealthCheck(streams));
    }
}
