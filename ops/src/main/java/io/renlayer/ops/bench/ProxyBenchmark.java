package io.renlayer.ops.bench;

import io.renlayer.ops.bench.LatencyRecorder.Percentiles;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The proxy's overhead, end to end, in one run: latency added at a fixed moderate rate (strict and async audit
 * against calling the mock directly), the most requests per second, the proxy's CPU per request, and the
 * broker's own one-send ack latency that strict mode cannot go below. Prints a Markdown report and writes it
 * as the "Proxy overhead" section of docs/benchmarks.md. See {@link BenchSettings#USAGE} for the options.
 */
public final class ProxyBenchmark {

    private static final String CLIENT_NOTE = "a minimal blocking HTTP/1.1 client over keep-alive sockets "
            + "(pre-built request bytes, one sender thread per request in flight, no hand-off of the response); "
            + "its cost, with the mock's, is in the direct run's latency and in the load+mock+broker CPU column.";

    private final BenchSettings settings;
    private final BenchStack stack;
    private final ProxyMeter meter;

    private ProxyBenchmark(BenchSettings settings, BenchStack stack) {
        this.settings = settings;
        this.stack = stack;
        this.meter = new ProxyMeter(stack.proxy.pid(), stack.adminPort);
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings;
        try {
            settings = BenchSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ProxyBenchmark: " + e.getMessage() + "\n" + BenchSettings.USAGE);
            System.exit(2);
            return;
        }
        MachineInfo machine = MachineInfo.current();
        log("starting the broker, the mock and proxy-service");
        BenchStack stack = BenchStack.start(settings.proxyJvmFlags(), settings.keepDir());
        Thread cleanUp = new Thread(stack::close, "bench-clean-up");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        BenchResults results;
        try {
            results = new ProxyBenchmark(settings, stack).run(machine);
        } finally {
            stack.close();
            Runtime.getRuntime().removeShutdownHook(cleanUp);
            if (settings.keepDir()) {
                log("kept " + stack.dir());
            }
        }
        String report = BenchReport.markdown(results);
        System.out.println();
        System.out.println(report);
        if (settings.writeDocs()) {
            Path docs = BenchmarkDoc.defaultFile();
            BenchmarkDoc.replaceSection(docs, report);
            log("wrote the \"" + BenchReport.HEADING.substring(3) + "\" section of " + docs);
        }
    }

    private BenchResults run(MachineInfo machine) throws Exception {
        byte[] body = ChatRequestBody.json();
        List<HttpTarget> targets = List.of(
                HttpTarget.post("direct", stack.mockAddress(), "/v1/chat/completions", body),
                proxied("strict", stack.strict, body),
                proxied("async", stack.async, body));
        for (HttpTarget target : targets) {
            target.awaitOk(Duration.ofSeconds(30));
        }
        log("warming up: " + settings.warmUp().toSeconds() + " s closed loop and " + settings.warmUpFixed().toSeconds()
                + " s at " + settings.rate() + " req/s per target");
        try (LoadGenerator load = new LoadGenerator()) {
            for (HttpTarget target : targets) {
                try (HttpTarget fresh = target.fresh()) {
                    LoadGenerator.closedLoop(fresh, settings.warmUpClients(), settings.warmUp());
                    load.fixedRate(fresh, settings.rate(), settings.warmUpFixed());
                }
            }
        }
        double settle = meter.settle();
        log(String.format(Locale.ROOT, "the proxy was idle %.0f s after the warm-up; sampling its idle CPU for %d s",
                settle, settings.idle().toSeconds()));
        double idle = meter.idleCpuNanosPerSecond(settings.idle());
        Percentiles brokerBefore = brokerAlone();

        List<Measured> fixed = new ArrayList<>();
        ProxyAdminMetrics.Reading fixedStart = meter.metrics();
        ProxyAdminMetrics.Reading afterStrict = fixedStart;
        try (LoadGenerator load = new LoadGenerator()) {
            for (int rep = 1; rep <= settings.repetitions(); rep++) {
                for (int i = 0; i < targets.size(); i++) {
                    // Rotating the order spreads any drift (a JIT late to settle, a neighbour's burst) over all three.
                    HttpTarget target = targets.get((i + rep - 1) % targets.size()).fresh();
                    int repetition = rep;
                    Measured m = meter.measure(repetition, () -> load.fixedRate(target, settings.rate(), settings.fixedRun()));
                    target.close();
                    fixed.add(m);
                    if (target.name().equals("strict")) {
                        afterStrict = meter.metrics();
                    }
                    log(summary(m));
                }
            }
        }
        Percentiles brokerAfter = brokerAlone();
        // Counts over all fixed-rate runs; the timers' percentiles as they stood after a strict run.
        ProxyAdminMetrics.Reading proxyMetrics = meter.metrics().since(fixedStart).withTimersOf(afterStrict);

        List<Measured> throughput = new ArrayList<>();
        for (HttpTarget target : targets) {
            try (HttpTarget fresh = target.fresh()) {
                Measured m = meter.measure(0, () -> LoadGenerator.closedLoop(fresh, settings.clients(), settings.throughputRun()));
                throughput.add(m);
                log(summary(m));
            }
        }
        return new BenchResults(machine, settings, body.length, settle,
                List.of(brokerBefore, brokerAfter), idle, fixed, throughput, proxyMetrics,
                CLIENT_NOTE);
    }

    /** Once before and once after the fixed-rate runs: on this machine one reading of a p99 is not enough. */
    private Percentiles brokerAlone() throws InterruptedException {
        log("broker alone: " + settings.probeSends() + " sequential acks=all sends");
        return BrokerAckProbe.measure(stack.broker.bootstrapServers(), settings.probeWarmUp(), settings.probeSends());
    }

    private HttpTarget proxied(String name, BenchTenant tenant, byte[] body) {
        InetSocketAddress proxy = stack.proxyAddress;
        return HttpTarget.post(name, proxy, "/mock/v1/chat/completions", body, "X-RenLayer-Key: " + tenant.secret());
    }

    private static String summary(Measured m) {
        LoadResult r = m.load();
        return String.format(Locale.ROOT, "%-6s %s %6d ok %3d failed  %7.0f req/s  p50 %.2f ms  p99 %.2f ms  "
                        + "proxy CPU %.0f µs/req", r.target(), m.repetition() == 0 ? "max " : "rep" + m.repetition(),
                r.ok(), r.failed(), r.perSecond(), r.latency().p50() / 1e6, r.latency().p99() / 1e6,
                m.proxyCpuMicros());
    }

    private static void log(String message) {
        System.out.println("[bench] " + message);
        System.out.flush();
    }
}
