package io.renlayer.proxy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.renlayer.ops.mock.MockUpstream;
import io.renlayer.ops.testing.KafkaBrokerExtension;
import io.renlayer.ops.testing.TopicReader;
import io.renlayer.proxy.ProxyApplication;
import io.renlayer.proxy.ProxyConfiguration;
import io.renlayer.schemas.Topics;
import io.renlayer.schemas.config.AuditMode;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a proxy integration test runs against, for one test class: a real broker with RenLayer's topics, the
 * mock upstream, the proxy application (allowed to reach the mock on 127.0.0.1), a config publisher playing
 * the API, a reader of the requests topic and an agent's HTTP client.
 */
public final class ProxyStack implements BeforeAllCallback, AfterAllCallback {

    private final KafkaBrokerExtension kafka = new KafkaBrokerExtension();
    private DropwizardTestSupport<ProxyConfiguration> app;
    private MockUpstream mock;
    private ConfigPublisher config;
    private TopicReader events;
    private ProxyClient client;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        kafka.beforeAll(context);
        mock = MockUpstream.start(0);
        app = new DropwizardTestSupport<>(ProxyApplication.class, "config.yml",
                ConfigOverride.randomPorts(),
                ConfigOverride.config("kafka.bootstrapServers", kafka.bootstrapServers()),
                ConfigOverride.config("forwarding.allowedUpstreamNetworks", "127.0.0.1/32"),
                ConfigOverride.config("forwarding.readTimeout", "1 second"),
                ConfigOverride.config("forwarding.maxRequestBody", "64KiB"),
                ConfigOverride.config("audit.strictAckTimeout", "1 second"));
        app.before();
        config = new ConfigPublisher(kafka.bootstrapServers());
        events = new TopicReader(kafka.bootstrapServers(), Topics.REQUESTS);
        client = new ProxyClient(app.getLocalPort());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        // Whatever beforeAll got to start, and only that, so that its own failure is the one reported.
        for (AutoCloseable started : new AutoCloseable[] {events, config, app == null ? null : app::after, mock}) {
            if (started != null) {
                started.close();
            }
        }
        kafka.afterAll(context);
    }

    public MockUpstream mock() {
        return mock;
    }

    public ProxyClient proxy() {
        return client;
    }

    public int proxyPort() {
        return app.getLocalPort();
    }

    public int adminPort() {
        return app.getAdminPort();
    }

    public void stopBroker() {
        kafka.stopBroker();
    }

    /** A new tenant whose upstream {@code mock} is the mock, plus {@code more} named upstreams. */
    public TestTenant tenant(AuditMode mode, Map<String, String> more) {
        Map<String, String> upstreams = new java.util.HashMap<>(more);
        upstreams.put("mock", mock.baseUrl());
        return new TestTenant(mode, upstreams);
    }

    public TestTenant tenant(AuditMode mode) {
        return tenant(mode, Map.of());
    }

    /** Publishes the tenant's next snapshot and waits until the proxy uses it (for a new tenant: knows the key). */
    public TestTenant publish(TestTenant tenant) {
        config.publish(tenant.nextSnapshot());
        client.awaitKnown(tenant, "mock");
        mock.clearReceived();
        return tenant;
    }

    /** Publishes without waiting, returning once the broker has the snapshot. */
    public void publishNow(TestTenant tenant) {
        config.publish(tenant.nextSnapshot());
    }

    /** The events of one trace (request first), waiting until {@code count} have arrived. */
    public List<JsonNode> events(TestTenant tenant, String sessionId, String traceId, int count) {
        String key = tenant.tenantId + "|" + (sessionId == null ? traceId : sessionId);
        return events.await(Topics.REQUESTS, key,
                        v -> v.stream().filter(e -> e.path("trace_id").asText().equals(traceId)).count() >= count,
                        Duration.ofSeconds(10))
                .stream().filter(e -> e.path("trace_id").asText().equals(traceId)).toList();
    }
}
