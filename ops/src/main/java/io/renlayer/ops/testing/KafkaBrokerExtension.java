package io.renlayer.ops.testing;

import io.renlayer.ops.infra.KafkaBroker;
import io.renlayer.schemas.Topics;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real single-node broker with RenLayer's topics for one test class, in a temporary directory: register it with
 * {@code @RegisterExtension} in a service's integration test. JUnit is the caller's (provided scope here).
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {

    private Path dataDir;
    private KafkaBroker broker;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("renlayer-it-kafka");
        broker = KafkaBroker.start(dataDir, 0);
        broker.createTopics(Topics.all(3));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        broker.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Stops the broker before the class ends, for tests of what clients do without one. */
    public void stopBroker() {
        broker.close();
    }
}
