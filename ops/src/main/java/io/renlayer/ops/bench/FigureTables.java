package io.renlayer.ops.bench;

import io.renlayer.ops.bench.LatencyRecorder.Percentiles;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import static io.renlayer.ops.bench.Markdown.ms;
import static io.renlayer.ops.bench.Markdown.range;
import static io.renlayer.ops.bench.Markdown.rangeUs;
import static io.renlayer.ops.bench.Markdown.us;

/** Every figure behind the verdicts: each fixed-rate run, their medians, throughput, CPU, the broker alone. */
final class FigureTables {

    private FigureTables() {
    }

    static void append(Markdown md, BenchResults r) {
        fixedRate(md, r);
        throughput(md, r);
        cpu(md, r);
        broker(md, r);
    }

    private static void fixedRate(Markdown md, BenchResults r) {
        BenchSettings s = r.settings();
        md.line("### Latency at a fixed rate").line();
        md.line(s.rate() + " requests/s, open loop: each request is due at its slot on the clock and its latency "
                + "runs from that slot to the response's last byte, so a stall counts against every request it "
                + "delays. " + s.fixedRun().toSeconds() + " s per run, the three runs repeated " + s.repetitions()
                + " times in rotating order. Latencies in ms; CPU in µs per request (load+mock+broker: the "
                + "benchmark's own JVM); sender lag: how late the generator sent, already inside the latency.").line();
        md.row("rep", "target", "requests", "failed", "p50", "p90", "p99", "max", "added p50", "added p99",
                "proxy CPU", "load+mock+broker CPU", "sender lag p99");
        md.row("---", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:");
        for (Measured m : r.fixedRate()) {
            Percentiles p = m.load().latency();
            boolean proxied = !m.target().equals("direct");
            md.row(Integer.toString(m.repetition()), m.target(), Integer.toString(m.load().ok()),
                    Integer.toString(m.load().failed()), ms(p.p50()), ms(p.p90()), ms(p.p99()), ms(p.max()),
                    proxied ? ms(r.added(m, Percentiles::p50)) : "", proxied ? ms(r.added(m, Percentiles::p99)) : "",
                    proxied ? us(m.proxyCpuMicros()) : "", us(m.benchCpuMicros()), ms(m.load().dispatchLag().p99()));
        }
        md.line().line("Medians over the repetitions (min–max), ms:").line();
        md.row("target", "p50", "p90", "p99", "max", "added p50", "added p99");
        md.row("---", "---:", "---:", "---:", "---:", "---:", "---:");
        for (String target : BenchResults.TARGETS) {
            boolean proxied = !target.equals("direct");
            md.row(target, range(latency(r, target, Percentiles::p50)), range(latency(r, target, Percentiles::p90)),
                    range(latency(r, target, Percentiles::p99)), range(latency(r, target, Percentiles::max)),
                    proxied ? range(r.summary(target, m -> r.added(m, Percentiles::p50))) : "",
                    proxied ? range(r.summary(target, m -> r.added(m, Percentiles::p99))) : "");
        }
        md.line();
    }

    private static void throughput(Markdown md, BenchResults r) {
        md.line("### Throughput").line();
        md.line("Closed loop: " + r.settings().clients() + " clients sending back to back for "
                + r.settings().throughputRun().toSeconds() + " s per target. All parties share the "
                + r.machine().cores() + " cores, so this is what the machine gets through, not the proxy alone.")
                .line();
        md.row("target", "requests/s", "failed", "p50 ms", "p99 ms", "proxy CPU µs/req", "load+mock+broker CPU µs/req");
        md.row("---", "---:", "---:", "---:", "---:", "---:", "---:");
        for (Measured m : r.throughput()) {
            md.row(m.target(), String.format(Locale.ROOT, "%.0f", m.load().perSecond()),
                    Integer.toString(m.load().failed()), ms(m.load().latency().p50()), ms(m.load().latency().p99()),
                    m.target().equals("direct") ? "" : us(m.proxyCpuMicros()), us(m.benchCpuMicros()));
        }
        md.line();
    }

    private static void cpu(Markdown md, BenchResults r) {
        double idle = r.idleProxyNanosPerSecond();
        md.line("### Proxy CPU per request").line();
        md.line("User + system time of the proxy's process from `/proc/<pid>/stat` (ticks of "
                + 1000 / ProcessCpu.ticksPerSecond() + " ms) over each run, divided by its requests; µs, median "
                + "(min–max) for the fixed-rate runs. Idle, the proxy burns "
                + String.format(Locale.ROOT, "%.1f", idle / 1e6) + " ms of CPU per second (config topic polling, "
                + "Kafka clients, metrics): at " + r.settings().rate() + " req/s that is "
                + us(idle / r.settings().rate() / 1000) + " µs per request, which the net column leaves out.").line();
        md.row("mode", "fixed rate, raw", "fixed rate, net of idle", "throughput run");
        md.row("---", "---:", "---:", "---:");
        for (String target : List.of("strict", "async")) {
            md.row(target, rangeUs(r.summary(target, Measured::proxyCpuMicros)),
                    rangeUs(r.summary(target, m -> m.proxyCpuMicrosNetOfIdle(idle))),
                    us(r.throughputOf(target).proxyCpuMicros()));
        }
        md.line();
    }

    private static void broker(Markdown md, BenchResults r) {
        ProxyAdminMetrics.Reading p = r.proxyMetrics();
        md.line("### The broker alone").line();
        md.line("One producer with the proxy's settings (acks=all, idempotent, linger.ms=0, no compression) sending a 1.5 KB "
                + "record and waiting for each ack, " + r.settings().probeSends() + " sends after "
                + r.settings().probeWarmUp() + " to warm up, with no other traffic, before and after the fixed-rate "
                + "runs. Strict mode waits for one such ack per request. ms:").line();
        md.row("when", "p50", "p90", "p99", "max");
        md.row("---", "---:", "---:", "---:", "---:");
        for (int i = 0; i < r.brokerAck().size(); i++) {
            Percentiles b = r.brokerAck().get(i);
            md.row(i == 0 ? "before" : "after", ms(b.p50()), ms(b.p90()), ms(b.p99()), ms(b.max()));
        }
        md.line().line("The proxy's own "
                + "`renlayer.proxy.audit.produce-latency` timer (strict waits and async callbacks together, "
                + "Dropwizard's decaying reservoir) after the last strict fixed-rate run: p50 "
                + ms(p.produceP50Ms() * 1e6) + " ms, p99 " + ms(p.produceP99Ms() * 1e6) + " ms; its "
                + "`upstream.latency` (request sent to the mock's headers): p50 " + ms(p.upstreamP50Ms() * 1e6)
                + " ms, p99 " + ms(p.upstreamP99Ms() * 1e6) + " ms. Over the fixed-rate runs the proxy allowed "
                + p.allowed() + " requests and reported " + p.findings() + " DLP findings, " + p.asyncOverflow()
                + " dropped and " + p.auditFailed() + " failed events, and " + p.gcCount() + " GC cycles taking "
                + p.gcMillis() + " ms.").line();
    }

    private static BenchResults.Summary latency(BenchResults r, String target, ToDoubleFunction<Percentiles> pct) {
        return r.summary(target, m -> pct.applyAsDouble(m.load().latency()));
    }
}
