package io.renlayer.ops.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's CPU time (user + system, all threads) from {@code /proc/<pid>/stat}. The kernel counts it in
 * clock ticks ({@code getconf CLK_TCK}, 100 on Linux x86-64: 10 ms resolution), so a run must last long
 * enough for its ticks to dwarf the ±1 tick of each reading — the benchmark's runs take tens of seconds.
 */
final class ProcessCpu {

    private static final long TICKS_PER_SECOND = clockTicks();

    private final long pid;

    ProcessCpu(long pid) {
        this.pid = pid;
    }

    static ProcessCpu self() {
        return new ProcessCpu(ProcessHandle.current().pid());
    }

    static long ticksPerSecond() {
        return TICKS_PER_SECOND;
    }

    /** CPU time used since the process started, in nanoseconds (a multiple of one tick). */
    long cpuNanos() {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU time of process " + pid, e);
        }
        // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
        // Then: state(3) ppid(4) ... utime(14) stime(15), so utime is the 12th field after the ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1_000_000_000L / TICKS_PER_SECOND;
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (getconf.waitFor() == 0 && out.matches("\\d+")) {
                return Long.parseLong(out);
            }
        } catch (IOException e) {
            // no getconf: the Linux default below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
