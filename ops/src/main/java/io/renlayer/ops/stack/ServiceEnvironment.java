package io.renlayer.ops.stack;

import io.renlayer.ops.infra.PostgresServer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment variables (keys of the services' config.yml) the local stack gives each service, one way for the
 * launcher ({@code bin/renlayer-local}) and for {@link FullStack}. Each map is the caller's to add to.
 */
public record ServiceEnvironment(String kafkaBootstrapServers, String secretsKey) {

    /** api-service in local mode: sign-in codes in its log, keys generated into {@code dataDir}. */
    public Map<String, String> api(int port, int adminPort, PostgresServer postgres, String database, Path dataDir,
                                   String streamsUrl) {
        Map<String, String> env = base("API", port, adminPort);
        env.put("API_PUBLIC_URL", "http://localhost:" + port);
        env.put("DATABASE_URL", postgres.jdbcUrl(database));
        env.put("DATABASE_USER", postgres.user());
        env.put("DATABASE_PASSWORD", postgres.password());
        env.put("RENLAYER_LOCAL_MODE", "true");
        env.put("RENLAYER_DATA_DIR", dataDir.toString());
        env.put("STREAMS_QUERY_URLS", streamsUrl);
        return env;
    }

    public Map<String, String> proxy(int port, int adminPort) {
        Map<String, String> env = base("PROXY", port, adminPort);
        // The local mock upstream is on loopback, which the SSRF guard refuses unless allowed.
        env.put("PROXY_ALLOWED_UPSTREAM_NETWORKS", "127.0.0.1/32");
        return env;
    }

    public Map<String, String> streams(int port, int adminPort, Path stateDir) {
        Map<String, String> env = base("STREAMS", port, adminPort);
        env.put("STREAMS_STATE_DIR", stateDir.toString());
        return env;
    }

    private Map<String, String> base(String prefix, int port, int adminPort) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        env.put("RENLAYER_SECRETS_KEY", secretsKey);
        env.put(prefix + "_PORT", Integer.toString(port));
        env.put(prefix + "_ADMIN_PORT", Integer.toString(adminPort));
        return env;
    }
}
