package io.renlayer.ops.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL 17 server from the Maven-provided binaries (io.zonky), listening on 127.0.0.1 only.
 * Authentication is {@code trust} for local connections, as initdb sets up an embedded server: the
 * password is accepted but not checked, so never expose this server beyond the loopback interface.
 */
public final class PostgresServer implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL and returns once it accepts connections.
     *
     * @param dataDir the cluster's data directory, kept across restarts (initialised on first use);
     *                null for a throwaway cluster in a temporary directory, deleted by {@link #close()}
     * @param port    the port, or 0 for a free one
     */
    public static PostgresServer start(Path dataDir, int port) {
        requireUnshareWhenRoot();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", HOST)
                // The owner of the server (the local stack, a test) stops it in its own order.
                .setRegisterShutdownHook(false);
        if (port != 0) {
            builder.setPort(port);
        }
        try {
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            return new PostgresServer(builder.start());
        } catch (IOException | RuntimeException e) {
            if (dataDir != null) {
                stopStrayPostmaster(dataDir);
            }
            throw new IllegalStateException("cannot start PostgreSQL"
                    + (dataDir == null ? "" : " in " + dataDir) + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + postgres.getPort() + "/" + database;
    }

    public int port() {
        return postgres.getPort();
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + name + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
            }
        }
    }

    /**
     * pg_ctl runs the postmaster in a session of its own, so when the start fails half-way (pg_ctl
     * interrupted by Ctrl-C, a timeout) the postmaster may live on, unknown to anyone: stop it.
     */
    private static void stopStrayPostmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (!Files.exists(pidFile) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            if (!Files.exists(pidFile)) {
                return;
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
            Optional<ProcessHandle> postmaster = ProcessHandle.of(pid)
                    .filter(process -> process.info().commandLine().orElse("").contains("postgres"));
            if (postmaster.isPresent()) {
                postmaster.get().destroy();
                try {
                    postmaster.get().onExit().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    postmaster.get().destroyForcibly();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Best effort: the start has failed already, and that failure is what the caller sees.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void requireUnshareWhenRoot() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        boolean unshareOnPath = Pattern.compile(File.pathSeparator).splitAsStream(path)
                .filter(dir -> !dir.isEmpty())
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "unshare")));
        if (!unshareOnPath) {
            throw new IllegalStateException("PostgreSQL refuses to run as root; embedded PostgreSQL then needs "
                    + "`unshare` (package util-linux) on the PATH, or run as a non-root user");
        }
    }
}
