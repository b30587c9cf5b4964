package io.renlayer.ops.mock;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link MockUpstream} on a free port for one test class, its record of requests cleared before each test:
 * register it with {@code @RegisterExtension} on a static field. JUnit is the caller's (provided scope here).
 */
public final class MockUpstreamExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private MockUpstream upstream;

    @Override
    public void beforeAll(ExtensionContext context) {
        upstream = MockUpstream.start(0);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        upstream.clearReceived();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        upstream.close();
    }

    public MockUpstream upstream() {
        return upstream;
    }
}
