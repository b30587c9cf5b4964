package io.renlayer.ops.bench;

import io.renlayer.ops.bench.BenchResults.Summary;
import io.renlayer.ops.bench.LatencyRecorder.Percentiles;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

import static io.renlayer.ops.bench.Markdown.met;
import static io.renlayer.ops.bench.Markdown.ms;
import static io.renlayer.ops.bench.Markdown.range;
import static io.renlayer.ops.bench.Markdown.us;

/**
 * The "## Proxy overhead" section of docs/benchmarks.md, in Markdown (it reads as well on a terminal): where
 * and how it was measured, the commands, the verdicts against the targets, then ({@link FigureTables}) every
 * figure they come from, and what limits them.
 */
final class BenchReport {

    static final String HEADING = "## Proxy overhead";

    private BenchReport() {
    }

    static String markdown(BenchResults r) {
        Markdown md = new Markdown();
        setUp(md, r);
        targets(md, r);
        FigureTables.append(md, r);
        limits(md, r);
        return md.toString();
    }

    private static void setUp(Markdown md, BenchResults r) {
        BenchSettings s = r.settings();
        MachineInfo m = r.machine();
        md.line(HEADING).line();
        md.line("What the proxy adds to an agent's call, measured by `io.renlayer.ops.bench.ProxyBenchmark`"
                + (s.quick() ? " (**--quick smoke run: too short to rely on**)" : "") + ".").line();
        md.line("- Date: " + m.date());
        md.line("- Machine: " + m.cores() + " cores (" + m.cpuModel() + "), " + m.memory() + " RAM, " + m.os()
                + "; load average at the start " + m.loadAverage());
        md.line("- JDK: " + m.jdk() + "; the proxy runs on the same JDK with the flags of `bin/renlayer-local`, "
                + "default heap and GC");
        md.line("- Set-up: one JVM runs the load generator, the mock upstream (Jetty, 127.0.0.1) and a KRaft broker "
                + "(3 partitions per topic); proxy-service runs as its own JVM. Two tenants, one strict and one "
                + "async, each with all 16 built-in detectors on (action log), default ALLOW and five policies "
                + "that do not match. Every request is the same " + r.bodyBytes() + "-byte OpenAI chat "
                + "completion of plain prose with no DLP finding; the mock answers at once.");
        md.line("- Warm-up: " + s.warmUp().toSeconds() + " s closed loop (" + s.warmUpClients() + " clients) and "
                + s.warmUpFixed().toSeconds() + " s at the fixed rate per target, then "
                + String.format(Locale.ROOT, "%.0f", r.settleSeconds()) + " s until the proxy was idle (its "
                + "single C2 compiler thread still busy with what the warm-up made hot: without this wait, the "
                + "first run pays for it)");
        md.line("- Client: " + r.clientNote()).line();
        md.line("Build, then run (from the repository root; the full run takes about 8 minutes and rewrites this "
                + "section, `--quick` takes about a minute and only prints):").line();
        md.line("```sh");
        md.line("export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64");
        md.line("./mvnw -B -o -q install -pl schemas,service-kit,engine,ops -DskipTests");
        md.line("./mvnw -B -o -q package -pl proxy-service -DskipTests");
        md.line("$JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \\");
        md.line("  -cp \"ops/target/ops.jar:ops/target/lib/*\" io.renlayer.ops.bench.ProxyBenchmark [--quick]");
        md.line("```").line();
    }

    private static void targets(Markdown md, BenchResults r) {
        double broker99 = r.brokerP99();
        double strictCpu = r.throughputOf("strict").proxyCpuMicros();
        double asyncCpu = r.throughputOf("async").proxyCpuMicros();
        Summary async50 = added(r, "async", Percentiles::p50);
        Summary async99 = added(r, "async", Percentiles::p99);
        Summary strict50 = added(r, "strict", Percentiles::p50);
        Summary strict99 = added(r, "strict", Percentiles::p99);
        md.line("### Against the targets").line();
        md.line("Added latency: the proxy run's percentile less the direct run's of the same repetition, in ms; "
                + "median of " + r.settings().repetitions() + " repetitions (min–max).").line();
        md.row("target", "measured", "met");
        md.row("---", "---", "---");
        md.row("proxy CPU ≤ 100 µs per request (throughput runs; fixed-rate runs in the CPU table)",
                us(strictCpu) + " µs strict, " + us(asyncCpu) + " µs async", met(Math.max(strictCpu, asyncCpu) <= 100));
        md.row("async: added p50 ≤ 0.3 ms", range(async50), met(async50.median() <= 0.3e6));
        md.row("async: added p99 ≤ 1 ms", range(async99), met(async99.median() <= 1e6));
        md.row("strict: added p50 ≤ 1 ms", range(strict50), met(strict50.median() <= 1e6));
        // The broker's p99 alone moves by milliseconds between readings here: judge against the lower one, and
        // say what the higher one would have made of it.
        double brokerHigh99 = r.brokerAck().stream().mapToDouble(Percentiles::p99).max().orElse(Double.NaN);
        md.row("strict: added p99 ≤ the broker's one-send p99 + 1 ms",
                range(strict99) + " against " + ms(broker99 + 1e6) + " (the lower broker p99, " + ms(broker99)
                        + ", + 1; with the higher, " + ms(brokerHigh99) + ", the limit is " + ms(brokerHigh99 + 1e6)
                        + ")",
                met(strict99.median() <= broker99 + 1e6));
        md.line();
    }

    private static void limits(Markdown md, BenchResults r) {
        md.line("### What limits these figures").line();
        md.line("Two noisy, shared cores (a VM) run everything: the load generator, the mock, the broker and the "
                + "proxy compete for them, and other work on the machine comes and goes (see the load average "
                + "above), so a p99 of a few thousand samples moves by a millisecond or more between repetitions: "
                + "read the spread before the median. Waking a sleeping thread is dear here, which is why CPU per "
                + "request at " + r.settings().rate() + " req/s (many wake-ups per request, nothing to batch) is "
                + "several times the throughput runs' figure; the direct runs' load+mock CPU shows the same effect "
                + "on a trivial server. The direct run is the baseline: it includes the client and the mock, so "
                + "\"added\" is what the proxy hop costs on top, including the CPU it takes from the others. "
                + "Loopback only: no network or TLS, which cost the same with or without the proxy.");
    }

    private static Summary added(BenchResults r, String target, ToDoubleFunction<Percentiles> percentile) {
        return r.summary(target, m -> r.added(m, percentile));
    }
}
