package io.renlayer.api.testing;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.jackson.Jackson;
import io.renlayer.api.ApiApplication;
import io.renlayer.api.ApiConfiguration;
import io.renlayer.api.ApiServices;
import io.renlayer.api.auth.Role;
import io.renlayer.api.core.TenantProvisioning;
import io.renlayer.ops.AdminHealth;
import io.renlayer.ops.infra.KafkaBroker;
import io.renlayer.ops.infra.PostgresServer;
import io.renlayer.schemas.Topics;
import io.renlayer.schemas.config.SecretSealer;
import io.renlayer.streams.StreamsApplication;
import io.renlayer.streams.StreamsConfiguration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One real PostgreSQL, one real Kafka broker and one running api-service per test JVM (starting them per
 * class would dominate the suite's time). Tests stay independent by working in tenants of their own.
 */
public final class TestStack {

    private static TestStack instance;

    public final PostgresServer postgres;
    public final KafkaBroker kafka;
    public final String secretsKey = SecretSealer.generateKey();
    private final Path dataDir;
    private final DropwizardTestSupport<StreamsConfiguration> streams;
    private final TraceFeed traceFeed;
    private final App app;

    private TestStack() throws Exception {
        Path root = Files.createTempDirectory("renlayer-api-it");
        postgres = PostgresServer.start(null, 0);
        kafka = KafkaBroker.start(root.resolve("kafka"), 0);
        kafka.createTopics(Topics.all(3));
        dataDir = root.resolve("api-service");
        streams = startStreams(root.resolve("streams-state"));
        traceFeed = new TraceFeed(kafka.bootstrapServers());
        app = startApp("renlayer", "dw.");
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
    }

    public static synchronized TestStack get() {
        if (instance == null) {
            try {
                instance = new TestStack();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the test stack", e);
            }
        }
        return instance;
    }

    /** The shared api-service. */
    public App app() {
        return app;
    }

    /**
     * Another api-service on its own database (for tests that stop and restart a server); it shares the
     * broker, keys and secrets of the shared one.
     */
    public App startApp(String database, String propertyPrefix) throws Exception {
        return startApp(database, propertyPrefix, streamsUrl());
    }

    /** The same, reading traces from {@code streamsUrls} instead of the test stack's streams-processor. */
    public App startApp(String database, String propertyPrefix, String streamsUrls) throws Exception {
        postgres.createDatabase(database);
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config(propertyPrefix, "server.applicationConnectors[0].port", "0"),
                ConfigOverride.config(propertyPrefix, "server.adminConnectors[0].port", "0"),
                ConfigOverride.config(propertyPrefix, "database.url", postgres.jdbcUrl(database)),
                ConfigOverride.config(propertyPrefix, "database.user", postgres.user()),
                ConfigOverride.config(propertyPrefix, "database.password", postgres.password()),
                ConfigOverride.config(propertyPrefix, "kafka.bootstrapServers", kafka.bootstrapServers()),
                ConfigOverride.config(propertyPrefix, "localMode", "true"),
                ConfigOverride.config(propertyPrefix, "mail.type", "log"),
                ConfigOverride.config(propertyPrefix, "dataDir", dataDir.toString()),
                ConfigOverride.config(propertyPrefix, "secretsKey", secretsKey),
                ConfigOverride.config(propertyPrefix, "streams.urls", streamsUrls),
                // Test deliveries go to receivers on loopback, or nowhere (the fixtures' example.com hosts): quickly.
                ConfigOverride.config(propertyPrefix, "webhooks.allowedNetworks", "127.0.0.1/32"),
                ConfigOverride.config(propertyPrefix, "webhooks.timeout", "2 seconds")));
        DropwizardTestSupport<ApiConfiguration> support = new DropwizardTestSupport<>(ApiApplication.class,
                Path.of("config.yml").toAbsolutePath().toString(), propertyPrefix,
                overrides.toArray(ConfigOverride[]::new));
        support.before();
        return new App(support, ApiServices.standalone(support.getConfiguration(), Jackson.newObjectMapper()));
    }

    /** The real streams-processor the trace and session routes read, in this JVM; healthy before it returns. */
    private DropwizardTestSupport<StreamsConfiguration> startStreams(Path stateDir) throws Exception {
        String prefix = "streams.dw.";
        DropwizardTestSupport<StreamsConfiguration> support = new DropwizardTestSupport<>(StreamsApplication.class,
                Path.of("../streams-processor/config.yml").toAbsolutePath().normalize().toString(), prefix,
                ConfigOverride.config(prefix, "server.applicationConnectors[0].port", "0"),
                ConfigOverride.config(prefix, "server.adminConnectors[0].port", "0"),
                ConfigOverride.config(prefix, "kafka.bootstrapServers", kafka.bootstrapServers()),
                ConfigOverride.config(prefix, "streams.stateDir", stateDir.toString()),
                ConfigOverride.config(prefix, "webhooks.secretsKey", secretsKey),
                // The tests' webhook receivers listen on loopback, which the SSRF guard refuses unless allowed.
                ConfigOverride.config(prefix, "webhooks.allowedNetworks", "127.0.0.1/32"));
        support.before();
        String problem = AdminHealth.await(support.getAdminPort(), Duration.ofSeconds(60), () -> null);
        if (problem != null) {
            throw new IllegalStateException("streams-processor " + problem);
        }
        return support;
    }

    /** Proxy events for the streams-processor above. */
    public TraceFeed traceFeed() {
        return traceFeed;
    }

    /** streams-processor's query API (internal, no authentication), for tests that look behind the API. */
    public String streamsUrl() {
        return "http://localhost:" + streams.getLocalPort();
    }

    private void stop() {
        try {
            app.stop();
            traceFeed.close();
            streams.after();
            kafka.close();
            postgres.close();
        } catch (Exception ignored) {
            // the JVM is exiting; nothing to report to
        }
    }

    /** A running api-service with a side door to its database and keys for fixtures. */
    public record App(DropwizardTestSupport<ApiConfiguration> support, ApiServices services) {

        public ApiClient client() {
            return new ApiClient("http://localhost:" + support.getLocalPort());
        }

        public int adminPort() {
            return support.getAdminPort();
        }

        /** A fresh tenant with one user of every role. */
        public TestTenant newTenant() {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            TenantProvisioning.Provisioned p = new TenantProvisioning(services.jdbi(), services.writes())
                    .provision("Tenant " + suffix, "owner-" + suffix + "@example.com");
            TestTenant tenant = new TestTenant(p.tenantId(), client(), services.tokens());
            tenant.addUser(Role.OWNER, p.ownerId());
            for (Role role : List.of(Role.ADMIN, Role.ANALYST, Role.VIEWER)) {
                tenant.invite(role, role.wire() + "-" + suffix + "@example.com");
            }
            return tenant;
        }

        public void stop() throws Exception {
            support.after();
            services.close();
        }

        public void restart() throws Exception {
            support.after();
            support.before();
        }
    }

}
