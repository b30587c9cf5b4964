package io.renlayer.api;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.renlayer.api.auth.SigningKeys;
import io.renlayer.api.auth.TokenService;
import io.renlayer.api.config.SecretsConfig;
import io.renlayer.api.core.ConfigSnapshots;
import io.renlayer.api.core.Writes;
import io.renlayer.api.db.Databases;
import io.renlayer.schemas.json.Json;
import org.jdbi.v3.core.Jdbi;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The core every entry point shares — database, secrets, token signing, the write path — built one way
 * for the server and for the operator commands.
 */
public record ApiServices(Jdbi jdbi, ObjectMapper mapper, SecretsConfig secrets, TokenService tokens,
                          SigningKeys signingKeys, Writes writes, Clock clock, AutoCloseable onClose)
        implements AutoCloseable {

    public static ApiServices forServer(ApiConfiguration config, Environment environment) {
        ObjectMapper mapper = apiMapper(environment.getObjectMapper());
        Databases.migrate(config.database);
        Jdbi jdbi = new JdbiFactory().build(environment, config.database, "postgresql");
        return build(config, mapper, jdbi, () -> { });
    }

    public static ApiServices standalone(ApiConfiguration config, ObjectMapper objectMapper) {
        ObjectMapper mapper = apiMapper(objectMapper);
        Databases.migrate(config.database);
        ManagedDataSource dataSource = config.database.build(new MetricRegistry(), "standalone");
        return build(config, mapper, Jdbi.create(dataSource), dataSource::stop);
    }

    private static ApiServices build(ApiConfiguration config, ObjectMapper mapper, Jdbi jdbi, AutoCloseable onClose) {
        Databases.configure(jdbi, mapper);
        Clock clock = Clock.systemUTC();
        Path dataDir = Path.of(config.dataDir);
        SecretsConfig secrets = SecretsConfig.load(config.secretsKey, config.localMode, dataDir);
        SigningKeys keys = SigningKeys.load(config.auth.signingKey, dataDir.resolve("jwt-signing-key.json"),
                config.localMode);
        TokenService tokens = new TokenService(keys, config.auth.issuer, config.auth.audience,
                config.auth.tokenTtl.toJavaDuration(), clock);
        Writes writes = new Writes(jdbi, mapper, new ConfigSnapshots(), secrets.sealer(), clock);
        return new ApiServices(jdbi, mapper, secrets, tokens, keys, writes, clock, onClose);
    }

    /** The wire convention of {@link Json}, strict on input: an unknown field is an error, not ignored. */
    private static ObjectMapper apiMapper(ObjectMapper mapper) {
        return Json.configure(mapper).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public void close() throws Exception {
        onClose.close();
    }
}
