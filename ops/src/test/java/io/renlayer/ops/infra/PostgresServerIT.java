package io.renlayer.ops.infra;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

@Tag("integration")
class PostgresServerIT {

    @TempDir
    Path dataDir;

    @Test
    void keepsTablesAcrossRestartOnTheSameDataDir() throws SQLException {
        try (PostgresServer postgres = PostgresServer.start(dataDir, 0)) {
            postgres.createDatabase("renlayer_it");
            postgres.createDatabase("renlayer_it");
            try (Connection connection = connect(postgres); Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE kept (id int PRIMARY KEY, note text)");
                sql.execute("INSERT INTO kept VALUES (1, 'survives restarts')");
            }
        }

        try (PostgresServer restarted = PostgresServer.start(dataDir, 0);
             Connection connection = connect(restarted);
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT note FROM kept WHERE id = 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("survives restarts");
        }
    }

    @Test
    void throwawayServerRunsQueriesAndDeletesItsDirectory() throws SQLException {
        Path workingDir;
        try (PostgresServer postgres = PostgresServer.start(null, 0);
             Connection connection = DriverManager.getConnection(
                     postgres.jdbcUrl("postgres"), postgres.user(), postgres.password());
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT current_setting('server_version_num')::int")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isBetween(170000, 179999);
            assertThat(postgres.jdbcUrl("postgres")).startsWith("jdbc:postgresql://127.0.0.1:");
            workingDir = dataDirOf(connection);
        }
        assertThat(Files.exists(workingDir)).isFalse();
    }

    private static Path dataDirOf(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SHOW data_directory")) {
            rows.next();
            return Path.of(rows.getString(1));
        }
    }

    private static Connection connect(PostgresServer postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl("renlayer_it"), postgres.user(), postgres.password());
    }
}
