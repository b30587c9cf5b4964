package io.renlayer.api.db;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.db.DataSourceFactory;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.jackson2.Jackson2Config;
import org.jdbi.v3.jackson2.Jackson2Plugin;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jdbi.v3.core.Jdbi;

/** Schema migration and the JDBI set-up shared by the server and the operator commands. */
public final class Databases {

    public static void migrate(DataSourceFactory database) {
        Flyway.configure()
                .dataSource(database.getUrl(), database.getUser(), database.getPassword())
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** JSON columns map through the API's own mapper, so they read and write exactly like the wire. */
    public static Jdbi configure(Jdbi jdbi, ObjectMapper mapper) {
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.installPlugin(new PostgresPlugin());
        jdbi.installPlugin(new Jackson2Plugin());
        // Lenient when reading rows: a field added by a newer replica must not break an older one mid-deploy.
        jdbi.getConfig(Jackson2Config.class).setMapper(mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
        return jdbi;
    }

    private Databases() {
    }
}
