package io.renlayer.ops;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How a RenLayer service JVM is started: by the local stack, and by tests that need a service as its own process. */
public final class JavaCommand {

    /**
     * {@code java -jar jar args…} with the current JDK; the flags keep JDK 22+ from warning about native access and
     * Unsafe (RocksDB, Kafka).
     */
    public static List<String> forJar(Path jar, List<String> args) {
        return forJar(List.of(), jar, args);
    }

    /** @param jvmFlags more flags for the JVM (GC logging, heap size), before {@code -jar} */
    public static List<String> forJar(List<String> jvmFlags, Path jar, List<String> args) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(jvmFlags);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return command;
    }

    private JavaCommand() {
    }
}
