package io.renlayer.ops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Where and when the figures were taken: without it, a latency figure cannot be compared with anything. */
record MachineInfo(String date, int cores, String cpuModel, String memory, String jdk, String os, String loadAverage) {

    static MachineInfo current() {
        String date = ZonedDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy", Locale.ROOT));
        List<String> cpuinfo = lines("/proc/cpuinfo");
        String model = cpuinfo.stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
        String memory = lines("/proc/meminfo").stream().filter(l -> l.startsWith("MemTotal:"))
                .map(l -> String.format(Locale.ROOT, "%.1f GiB",
                        Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                .findFirst().orElse("unknown");
        String jdk = System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version");
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version");
        String load = lines("/proc/loadavg").stream().findFirst()
                .map(l -> String.join(" ", List.of(l.split(" ")).subList(0, 3))).orElse("unknown");
        return new MachineInfo(date, Runtime.getRuntime().availableProcessors(), model, memory, jdk, os, load);
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
