package io.renlayer.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One service JVM started by the launcher: {@code java -jar <module>/target/<module>.jar <args>} from the
 * repository root, with the launcher's own JDK, its output appended to {@code <data-dir>/logs/<module>.log}.
 */
final class ServiceProcess {

    private static final Pattern STACK_FRAME = Pattern.compile("\\s+(at |\\.\\.\\. \\d+ more).*");

    private final String name;
    private final List<String> command;
    private final Path workDir;
    private final Map<String, String> env;
    private final Path logFile;
    private volatile Process process;
    private volatile boolean stopping;
    private long logOffset;

    ServiceProcess(String name, Path jar, List<String> args, Path workDir, Map<String, String> env, Path logFile) {
        this.name = name;
        this.command = JavaCommand.forJar(jar, args);
        this.workDir = workDir;
        this.env = Map.copyOf(env);
        this.logFile = logFile;
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    long pid() {
        return process.pid();
    }

    /** Where this run's output starts in the (appended) log file. */
    long logOffset() {
        return logOffset;
    }

    void start() {
        try {
            Files.writeString(logFile, "\n=== " + Instant.now() + " renlayer-local: " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            logOffset = Files.size(logFile);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(env);
            process = builder.start();
        } catch (IOException e) {
            throw new LaunchException("Cannot start " + name + ": " + e.getMessage());
        }
    }

    /** Calls back when the process ends on its own, not because the launcher stopped it. */
    void onUnexpectedExit(Consumer<Integer> callback) {
        process.onExit().thenAccept(ended -> {
            if (!stopping) {
                callback.accept(ended.exitValue());
            }
        });
    }

    /** Waits until the admin health check answers 200, failing fast when the process dies. */
    void awaitHealthy(int adminPort, Duration timeout) {
        String problem;
        try {
            problem = AdminHealth.await(adminPort, timeout,
                    () -> process.isAlive() ? null : "exited with code " + process.exitValue() + " while starting");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("Interrupted while waiting for " + name);
        }
        if (problem != null) {
            throw failure(name + " " + problem);
        }
    }

    /** For one-shot commands: waits for the exit and fails unless it is 0. */
    void awaitSuccess(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(Duration.ofSeconds(5));
                throw failure(name + " did not finish within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("Interrupted while waiting for " + name);
        }
        if (process.exitValue() != 0) {
            throw failure(name + " failed with exit code " + process.exitValue());
        }
    }

    /** The lines this run has written so far. */
    List<String> output() {
        try {
            byte[] all = Files.readAllBytes(logFile);
            int from = (int) Math.min(logOffset, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks the process to stop (SIGTERM); see {@link #awaitStopped}. */
    void requestStop() {
        stopping = true;
        Process running = process;
        if (running != null) {
            running.destroy();
        }
    }

    /** Waits for a requested stop, then kills the process if it outlives the grace period. */
    void awaitStopped(Duration grace) {
        Process running = process;
        if (running == null) {
            return;
        }
        try {
            if (!running.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                running.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    void stop(Duration grace) {
        requestStop();
        awaitStopped(grace);
    }

    /** The failure, with the end of the log minus stack frames, which would crowd out the exception messages. */
    private LaunchException failure(String what) {
        List<String> output = output().stream().filter(line -> !STACK_FRAME.matcher(line).matches()).toList();
        List<String> tail = output.subList(Math.max(0, output.size() - 15), output.size());
        StringBuilder message = new StringBuilder(what).append("; see ").append(logFile);
        if (!tail.isEmpty()) {
            message.append("\nLast lines of the log (stack frames left out):");
            tail.forEach(line -> message.append("\n  | ").append(line));
        }
        return new LaunchException(message.toString());
    }
}
