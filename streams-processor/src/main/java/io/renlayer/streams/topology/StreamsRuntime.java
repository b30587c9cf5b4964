package io.renlayer.streams.topology;

import io.dropwizard.lifecycle.Managed;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;

import java.time.Duration;
import java.util.Properties;

/**
 * The Kafka Streams instance of this process. It starts only once the HTTP server listens: its
 * {@code application.server}, where peers and api-service reach this instance's stores, must be the port the
 * application connector really got, unknown before when the configuration says 0.
 */
public final class StreamsRuntime implements Managed {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Topology topology;
    private final Properties config;
    private volatile KafkaStreams streams;
    private volatile HostInfo self;

    public StreamsRuntime(Topology topology, Properties config) {
        this.topology = topology;
        this.config = config;
    }

    public synchronized void start(HostInfo advertised) {
        Properties withServer = new Properties();
        withServer.putAll(config);
        withServer.put(StreamsConfig.APPLICATION_SERVER_CONFIG, advertised.host() + ":" + advertised.port());
        KafkaStreams created = new KafkaStreams(topology, withServer);
        self = advertised;
        streams = created;
        created.start();
    }

    @Override
    public synchronized void stop() {
        if (streams != null) {
            // Leave the group: otherwise the next start waits for the session timeout before it gets its tasks.
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(CLOSE_TIMEOUT));
        }
    }

    /** Null until the server has started. */
    public KafkaStreams streams() {
        return streams;
    }

    /** This instance's {@code application.server}; null until the server has started. */
    public HostInfo self() {
        return self;
    }

    public KafkaStreams.State state() {
        KafkaStreams current = streams;
        return current == null ? KafkaStreams.State.CREATED : current.state();
    }
}
