package io.renlayer.ops;

import io.renlayer.schemas.config.SecretSealer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The local stack's state directory: PostgreSQL data, Kafka logs, service logs and the generated secrets
 * key. A lock file marks it as ours (so {@code --wipe} never deletes a directory the stack did not create)
 * and keeps two launchers from sharing it.
 */
final class DataDir {

    static final String LOCK_FILE = ".renlayer-local.lock";
    private static final String SECRETS_KEY = "secrets.key";

    private final Path root;
    // Held for the life of the process: the OS releases the lock when the launcher exits, however it exits.
    private final FileLock lock;

    private DataDir(Path root, FileLock lock) {
        this.root = root;
        this.lock = lock;
    }

    static DataDir open(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        try {
            if (Files.exists(root) && !Files.isDirectory(root)) {
                throw new LaunchException(root + " is not a directory; choose another --data-dir", LaunchException.CONFLICT);
            }
            if (Files.isDirectory(root) && !Files.exists(root.resolve(LOCK_FILE)) && !isEmpty(root)) {
                throw new LaunchException(root + " is not empty and was not created by renlayer-local; "
                        + "choose another --data-dir", LaunchException.CONFLICT);
            }
            Files.createDirectories(root);
            FileChannel channel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new LaunchException("Another renlayer-local is running with the data directory " + root
                        + "; stop it first, or use another --data-dir", LaunchException.CONFLICT);
            }
            DataDir dataDir = new DataDir(root, lock);
            Files.createDirectories(dataDir.logs());
            return dataDir;
        } catch (IOException e) {
            throw new LaunchException("Cannot use the data directory " + root + ": " + e.getMessage());
        }
    }

    Path root() {
        return root;
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path log(String service) {
        return logs().resolve(service + ".log");
    }

    Path postgres() {
        return root.resolve("postgres");
    }

    Path kafka() {
        return root.resolve("kafka");
    }

    Path service(String service) {
        return root.resolve(service);
    }

    /**
     * The key that seals tenant secrets at rest: generated on first start and kept, because a new key
     * would make every secret sealed with the old one unreadable.
     */
    String secretsKey() {
        Path file = root.resolve(SECRETS_KEY);
        try {
            if (!Files.exists(file)) {
                Path fresh = root.resolve(SECRETS_KEY + ".new");
                Files.deleteIfExists(fresh);
                Files.createFile(fresh, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(fresh, SecretSealer.generateKey() + "\n", StandardCharsets.US_ASCII);
                Files.move(fresh, file);
            }
            String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
            new SecretSealer(key); // rejects anything but a base64 32-byte key, before a service trips on it
            return key;
        } catch (IllegalArgumentException e) {
            throw new LaunchException(file + " does not hold a valid secrets key (" + e.getMessage()
                    + "); restore it, or start over with --wipe");
        } catch (IOException e) {
            throw new LaunchException("Cannot create or read " + file + ": " + e.getMessage());
        }
    }

    /** Deletes everything but the lock: the next start initialises PostgreSQL, Kafka and the key afresh. */
    void wipe() {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.filter(path -> !path.getFileName().toString().equals(LOCK_FILE)).toList()) {
                deleteTree(entry);
            }
            Files.createDirectories(logs());
        } catch (IOException e) {
            throw new LaunchException("Cannot wipe " + root + ": " + e.getMessage());
        }
    }

    /** Remembers a started service, so a later launcher can tell if this one died without stopping it. */
    void recordPid(String service, long pid) {
        try {
            Files.createDirectories(pids());
            Files.writeString(pids().resolve(service + ".pid"), pid + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new LaunchException("Cannot write " + pids() + ": " + e.getMessage());
        }
    }

    void forgetPid(String service) {
        try {
            Files.deleteIfExists(pids().resolve(service + ".pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Processes that an earlier launcher left running because it was killed before it could stop them;
     * they hold the ports and the database files a new start needs. PostgreSQL runs detached from the
     * launcher, so it is found by its own pid file.
     */
    List<Leftover> leftovers() {
        List<Leftover> found = new ArrayList<>();
        alive(postgres().resolve("postmaster.pid"), "postgres").ifPresent(pid -> found.add(new Leftover("PostgreSQL", pid)));
        if (Files.isDirectory(pids())) {
            try (Stream<Path> files = Files.list(pids())) {
                for (Path file : files.filter(path -> path.toString().endsWith(".pid")).sorted().toList()) {
                    String service = file.getFileName().toString().replaceFirst("\\.pid$", "");
                    alive(file, service + ".jar").ifPresent(pid -> found.add(new Leftover(service, pid)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    record Leftover(String what, long pid) {
        @Override
        public String toString() {
            return what + " (pid " + pid + ")";
        }
    }

    private Path pids() {
        return root.resolve("run");
    }

    /** The pid in the file's first line, if that process still runs and its command line mentions the clue. */
    private static Optional<Long> alive(Path pidFile, String clue) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").strip();
            return ProcessHandle.of(Long.parseLong(first))
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().commandLine().orElse("").contains(clue))
                    .map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void deleteTree(Path path) throws IOException {
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
