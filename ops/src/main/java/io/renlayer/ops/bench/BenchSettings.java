package io.renlayer.ops.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long and how hard the benchmark runs. The full run is what docs/benchmarks.md reports (about eight
 * minutes); {@code --quick} is a smoke test of the whole path in about a minute, too short for its figures
 * to mean much, so it does not touch the docs.
 *
 * @param warmUp        closed-loop traffic per target before anything is measured, so the JIT has settled
 * @param warmUpFixed   then traffic at the fixed rate per target: the paths of a mostly idle proxy (parking,
 *                      waking) get hot too
 * @param rate          requests per second of the fixed-rate runs
 * @param repetitions   how many times the three fixed-rate runs are repeated, interleaved
 * @param idle          how long the idle proxy's own CPU use is sampled (subtracted from the fixed-rate figures)
 */
record BenchSettings(boolean quick, boolean writeDocs, boolean keepDir, List<String> proxyJvmFlags,
                     Duration warmUp, int warmUpClients, Duration warmUpFixed, int rate, Duration fixedRun, int repetitions,
                     int clients, Duration throughputRun, Duration idle, int probeWarmUp, int probeSends) {

    static final String USAGE = """
            ProxyBenchmark [--quick] [--no-docs] [--keep] [--proxy-jvm=FLAG ...]
              --quick           a one-minute smoke run; prints its figures, leaves docs/benchmarks.md alone
              --no-docs         a full run that does not rewrite the "Proxy overhead" section of docs/benchmarks.md
              --keep            keep the temporary directory (the proxy's log, the broker's data) and say where
              --proxy-jvm=FLAG  one more flag for the proxy's JVM, e.g. --proxy-jvm=-Xlog:gc:file=/tmp/gc.log
            """;

    static BenchSettings parse(String[] args) {
        boolean quick = false;
        boolean docs = true;
        boolean keep = false;
        List<String> jvm = new ArrayList<>();
        for (String arg : args) {
            switch (arg) {
                case "--quick" -> quick = true;
                case "--no-docs" -> docs = false;
                case "--keep" -> keep = true;
                default -> {
                    if (!arg.startsWith("--proxy-jvm=")) {
                        throw new IllegalArgumentException("unknown argument " + arg);
                    }
                    jvm.add(arg.substring("--proxy-jvm=".length()));
                }
            }
        }
        return quick
                ? new BenchSettings(true, false, keep, jvm, Duration.ofSeconds(3), 4, Duration.ofSeconds(2),
                        100, Duration.ofSeconds(5), 1, 8, Duration.ofSeconds(3), Duration.ofSeconds(3), 200, 500)
                : new BenchSettings(false, docs, keep, jvm, Duration.ofSeconds(10), 4, Duration.ofSeconds(5),
                        100, Duration.ofSeconds(30), 3, 8, Duration.ofSeconds(20), Duration.ofSeconds(10), 500, 2000);
    }
}
