package io.renlayer.streams.topology;

import io.renlayer.schemas.events.RequestEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Each test gets a fresh topology, with a state directory of its own, and a tenant to make events for. */
abstract class TopologyTestSupport {

    final Events events = new Events();
    TopologyFixture topology;

    @BeforeEach
    void startTopology(@TempDir Path stateDir) {
        topology = new TopologyFixture(stateDir);
    }

    @AfterEach
    void closeTopology() {
        topology.close();
    }

    /** A request whose completion arrives only after its trace was written incomplete; returns the request. */
    RequestEvent sendWithLateCompletion(String sessionId) {
        RequestEvent request = events.request(sessionId, TopologyFixture.START);
        topology.send(request);
        topology.passCompletionTimeout();
        topology.send(events.completion(request, TopologyFixture.SETTINGS.completionTimeout().plusMinutes(2)));
        return request;
    }
}
