package io.renlayer.ops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Follows a growing log file from an offset and hands over every complete line that contains a marker.
 * The services write their logs themselves (and keep writing if the launcher dies), so the launcher
 * reads the file rather than sitting in the middle of their output.
 */
final class LogTail implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final Path file;
    private final String marker;
    private final Consumer<String> sink;
    private final Thread thread;
    private long position;
    private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();

    private LogTail(Path file, long offset, String marker, Consumer<String> sink) {
        this.file = file;
        this.position = offset;
        this.marker = marker;
        this.sink = sink;
        this.thread = Thread.ofPlatform().daemon().name("renlayer-log-tail").unstarted(this::run);
    }

    static LogTail follow(Path file, long offset, String marker, Consumer<String> sink) {
        LogTail tail = new LogTail(file, offset, marker, sink);
        tail.thread.start();
        return tail;
    }

    @Override
    public void close() {
        thread.interrupt();
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                readNewLines();
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                // The file may be rotated or briefly absent; the next poll tries again.
            }
        }
    }

    private void readNewLines() throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            if (in.length() < position) {
                position = 0;
                partialLine.reset();
            }
            in.seek(position);
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) > 0) {
                position += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        emit(partialLine.toString(StandardCharsets.UTF_8));
                        partialLine.reset();
                    } else {
                        partialLine.write(buffer[i]);
                    }
                }
            }
        }
    }

    private void emit(String line) {
        if (line.contains(marker)) {
            sink.accept(line.strip());
        }
    }
}
