package io.renlayer.streams.query;

import io.dropwizard.core.setup.Environment;
import io.renlayer.streams.config.QueryConfig;
import io.renlayer.streams.topology.StreamsRuntime;
import org.apache.kafka.clients.admin.Admin;

/** Puts the interactive-query API ({@link io.renlayer.schemas.query.QueryApi}) on the application port. */
public final class InteractiveQueries {

    public static void register(Environment environment, StreamsRuntime runtime, Admin admin, QueryConfig config) {
        PeerClient peers = new PeerClient(config.getPeerTimeout().toJavaDuration());
        environment.lifecycle().manage(peers);
        LocalStores local = new LocalStores(new ActiveStores(runtime));
        StreamsRouting routing = new StreamsRouting(runtime, local, peers, admin);
        QueryCoordinator coordinator =
                new QueryCoordinator(routing, new RetryWindow(config.getUnavailableRetry().toJavaDuration()));

        environment.jersey().register(new ProblemMapper());
        environment.jersey().register(new QueryResource(coordinator));
        environment.jersey().register(new LocalQueryResource(local));
        environment.jersey().register(new InstancesResource(routing));
    }

    private InteractiveQueries() {
    }
}
