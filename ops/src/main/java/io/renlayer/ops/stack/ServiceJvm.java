package io.renlayer.ops.stack;

import io.renlayer.ops.AdminHealth;
import io.renlayer.ops.JavaCommand;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service (api-service, proxy-service, streams-processor) as its own JVM, started the way the local stack starts it
 * ({@code java -jar <module>/target/<module>.jar server <module>/config.yml} from the repository root, same JDK,
 * same flags, configured by environment variables): only a separate process has a CPU time of its own to read
 * from {@code /proc}, and only a separate JVM has its own JIT, GC and heap, as in production.
 */
public final class ServiceJvm implements AutoCloseable {

    /** A module whose config.yml marks the repository root. */
    private static final String ROOT_MARKER = "proxy-service";

    private final String module;
    private final Process process;
    private final int adminPort;
    private final Path log;

    private ServiceJvm(String module, Process process, int adminPort, Path log) {
        this.module = module;
        this.process = process;
        this.adminPort = adminPort;
        this.log = log;
    }

    /** @param jvmFlags extra flags for the service's JVM (e.g. GC logging), before {@code -jar} */
    public static ServiceJvm start(String module, Map<String, String> env, int adminPort, List<String> jvmFlags, Path log)
            throws IOException {
        Path root = repositoryRoot();
        Path jar = root.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (see docs/benchmarks.md)");
        }
        ProcessBuilder builder = new ProcessBuilder(JavaCommand.forJar(jvmFlags, jar,
                List.of("server", Path.of(module, "config.yml").toString())))
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return new ServiceJvm(module, builder.start(), adminPort, log);
    }

    public long pid() {
        return process.pid();
    }

    /** Waits for the admin health check (broker reachable, configuration loaded, streams running) to answer 200. */
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        String problem = AdminHealth.await(adminPort, timeout,
                () -> process.isAlive() ? null : "exited with " + process.exitValue());
        if (problem != null) {
            throw new IllegalStateException(module + " " + problem + "; see " + log);
        }
    }

    /** SIGTERM, so Dropwizard stops cleanly (the producer flushes); SIGKILL after 20 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The checkout this class was built in ({@code <root>/ops/target/...}), else the working directory's. */
    public static Path repositoryRoot() {
        List<Path> starts = new ArrayList<>();
        try {
            starts.add(Path.of(ServiceJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | SecurityException e) {
            // the working directory below will do
        }
        starts.add(Path.of(""));
        for (Path start : starts) {
            for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve(ROOT_MARKER).resolve("config.yml"))) {
                    return dir;
                }
            }
        }
        throw new IllegalStateException("cannot find the RenLayer repository: run from its root");
    }
}
