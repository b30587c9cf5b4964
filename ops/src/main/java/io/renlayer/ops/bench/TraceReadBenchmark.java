package io.renlayer.ops.bench;

import io.renlayer.ops.stack.FullStack;
import io.renlayer.schemas.Topics;
import io.renlayer.schemas.query.QueryApi;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reading traces back, through api-service as a client does, beside baselines in the same run:
 * <ol>
 * <li>export: {@code N} traces as NDJSON from {@code GET /v1/tenants/{t}/traces/export}, beside a raw
 *     {@code read_committed} read of the same traces from {@code renlayer.traces.v1} and the export from
 *     streams-processor's internal API (api-service's relay cost);</li>
 * <li>list: {@code GET /traces?limit=50} at a steady 50 requests/s for 30 s while 1,000 proxy events/s keep
 *     arriving, beside the same page from the internal API.</li>
 * </ol>
 * The whole product runs from its packaged jars ({@link FullStack}).
 * {@code java -cp "ops/target/ops.jar:ops/target/lib/*" io.renlayer.ops.bench.TraceReadBenchmark [--quick]}; the
 * full run ({@code N} = 200,000) rewrites the "Trace reads" section of docs/benchmarks.md.
 */
public final class TraceReadBenchmark {

    static final String HEADING = "## Trace reads through the API";
    private static final int LIST_RATE = 50;

    /** A read of {@code items} items and {@code bytes} bytes in {@code seconds}. */
    record Read(long items, long bytes, double seconds) {
        double perSecond() {
            return items / seconds;
        }

        double megabytesPerSecond() {
            return bytes / 1e6 / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        int traces = quick ? 20_000 : 200_000;
        Duration listRun = Duration.ofSeconds(quick ? 10 : 30);
        MachineInfo machine = MachineInfo.current();
        try (FullStack stack = FullStack.start(FullStack.Options.defaults())) {
            String email = "bench@renlayer.local";
            String tenantId = stack.bootstrapTenant("Benchmark", email).id();
            String token = stack.signIn(email);
            StreamsBenchmark.EventSource source = new StreamsBenchmark.EventSource(tenantId);
            try (KafkaProducer<String, byte[]> producer = StreamsBenchmark.producer(stack.bootstrapServers());
                 StreamsBenchmark.TraceCounter counter = new StreamsBenchmark.TraceCounter(stack.bootstrapServers())) {
                for (int i = 0; i < traces * 2; i++) {
                    producer.send(source.next(Topics.REQUESTS));
                }
                producer.flush();
                counter.awaitTraces(traces, Duration.ofMinutes(10));
            }
            System.out.printf("%,d traces in the stores%n", traces);

            try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                measure(stack, token, tenantId, http, machine, quick, traces, listRun, source);
            }
        }
    }

    /** Exports and lists, each beside its baseline, written to docs/benchmarks.md unless {@code quick}. */
    private static void measure(FullStack stack, String token, String tenantId, HttpClient http, MachineInfo machine,
                                boolean quick, int traces, Duration listRun, StreamsBenchmark.EventSource source)
            throws Exception {
        String api = stack.apiUrl() + "/v1/tenants/" + tenantId;
        String internal = stack.streamsUrl() + QueryApi.forTenant(QueryApi.TENANT, tenantId);
        exportOnce(http, api + "/traces/export", token); // warms every JVM on the path
        TopicScan scan = TopicScan.read(stack.bootstrapServers(), Topics.TRACES, traces, Duration.ofMinutes(5));
        Read raw = new Read(scan.records(), scan.bytes(), scan.seconds());
        Read viaInternal = best(() -> exportOnce(http, internal + "/traces/export", null));
        Read viaApi = best(() -> exportOnce(http, api + "/traces/export", token));
        for (Read read : List.of(raw, viaInternal, viaApi)) {
            if (read.items() != traces) {
                throw new IllegalStateException("read " + read.items() + " traces, not " + traces);
            }
        }
        System.out.printf("export: raw topic %,.0f/s, internal %,.0f/s, API %,.0f/s%n", raw.perSecond(),
                viaInternal.perSecond(), viaApi.perSecond());

        LatencyRecorder.Percentiles listApi;
        LatencyRecorder.Percentiles listInternal;
        try (SteadyLoad load = SteadyLoad.start(stack.bootstrapServers(), source)) {
            listInternal = listLatency(http, internal + "/traces?limit=50", null, listRun);
            listApi = listLatency(http, api + "/traces?limit=50", token, listRun);
            System.out.printf("list under load (%,d events sent): API p50 %s ms p99 %s ms; internal p99 %s ms%n",
                    load.sent(), Markdown.ms(listApi.p50()), Markdown.ms(listApi.p99()),
                    Markdown.ms(listInternal.p99()));
        }
        String section = report(machine, quick, traces, raw, viaInternal, viaApi, listInternal, listApi, listRun);
        System.out.println(section);
        if (!quick) {
            BenchmarkDoc.replaceSection(BenchmarkDoc.defaultFile(), section);
        }
    }

    private interface Measurement {
        Read run() throws Exception;
    }

    /** The fastest of three runs: the machine is shared by every process of the stack. */
    private static Read best(Measurement measurement) throws Exception {
        Read best = null;
        for (int i = 0; i < 3; i++) {
            Read read = measurement.run();
            if (best == null || read.seconds() < best.seconds()) {
                best = read;
            }
        }
        return best;
    }

    private static Read exportOnce(HttpClient http, String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        long lines = 0;
        long bytes = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream body = response.body()) {
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return new Read(lines, bytes, (System.nanoTime() - start) / 1e9);
    }

    /** GETs at {@link #LIST_RATE}/s for {@code run}, each timed from its scheduled start (no coordinated omission). */
    private static LatencyRecorder.Percentiles listLatency(HttpClient http, String url, String token, Duration run)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.build();
        for (int i = 0; i < 200; i++) { // warm-up
            http.send(request, HttpResponse.BodyHandlers.discarding());
        }
        LatencyRecorder recorder = new LatencyRecorder();
        long interval = TimeUnit.SECONDS.toNanos(1) / LIST_RATE;
        long start = System.nanoTime();
        long total = run.toSeconds() * LIST_RATE;
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            recorder.record(System.nanoTime() - due);
        }
        return recorder.percentiles();
    }

    /** 1,000 proxy events/s (500 traces/s) into the requests topic on a thread of its own, until closed. */
    private static final class SteadyLoad implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        private volatile long sent;

        private SteadyLoad(String bootstrapServers, StreamsBenchmark.EventSource source) {
            thread = Thread.ofPlatform().name("steady-load").start(() -> {
                try (KafkaProducer<String, byte[]> producer = StreamsBenchmark.producer(bootstrapServers)) {
                    long start = System.nanoTime();
                    for (long i = 0; running.get(); i++) {
                        long wait = start + i * 1_000_000L - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        producer.send(source.next(Topics.REQUESTS));
                        sent = i + 1;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        static SteadyLoad start(String bootstrapServers, StreamsBenchmark.EventSource source) {
            return new SteadyLoad(bootstrapServers, source);
        }

        long sent() {
            return sent;
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    private static String report(MachineInfo m, boolean quick, int traces, Read raw, Read internal, Read api,
                                 LatencyRecorder.Percentiles listInternal, LatencyRecorder.Percentiles listApi,
                                 Duration listRun) {
        Markdown md = new Markdown();
        md.line(HEADING).line();
        md.line("Traces read back as an analyst or a SIEM job reads them, through api-service (JWT, role check, "
                + "cursor sealing, relay of streams-processor's query API), measured by "
                + "`io.renlayer.ops.bench.TraceReadBenchmark`" + (quick ? " (**--quick**)" : "") + ".").line();
        md.line("- Date: " + m.date());
        md.line("- Machine: " + m.cores() + " cores (" + m.cpuModel() + "), " + m.memory() + " RAM, " + m.os()
                + "; load average at the start " + m.loadAverage());
        md.line("- JDK: " + m.jdk() + "; PostgreSQL, the KRaft broker (3 partitions per topic) and the benchmark "
                + "in one JVM, api-service, proxy-service and streams-processor as their own JVMs with the local "
                + "stack's configuration, all on this machine");
        md.line(String.format(Locale.ROOT, "- Data: %,d completed traces of one tenant in the stores (about %,d "
                + "bytes each as JSON)", traces, api.bytes() / Math.max(1, api.items()))).line();
        md.line("```sh");
        md.line("./mvnw -B -q package -DskipTests");
        md.line("$JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \\");
        md.line("  -cp \"ops/target/ops.jar:ops/target/lib/*\" io.renlayer.ops.bench.TraceReadBenchmark [--quick]");
        md.line("```").line();
        md.row("export (best of 3, whole data set)", "traces/s", "MB/s", "target");
        md.row("---", "---", "---", "---");
        md.row("baseline: raw read of renlayer.traces.v1 (read_committed consumer)", perSecond(raw),
                mbPerSecond(raw), "");
        md.row("streams-processor's internal export (no auth)", perSecond(internal), mbPerSecond(internal), "");
        md.row("**`GET /v1/tenants/{t}/traces/export` through api-service**", "**" + perSecond(api) + "**",
                "**" + mbPerSecond(api) + "**", "≥ 50,000 traces/s: " + Markdown.met(api.perSecond() >= 50_000));
        md.line();
        md.row(String.format(Locale.ROOT, "list, 50 per page, %d requests/s for %d s, 1,000 events/s arriving",
                LIST_RATE, listRun.toSeconds()), "p50", "p99", "target");
        md.row("---", "---", "---", "---");
        md.row("baseline: streams-processor's internal `…/traces?limit=50`", Markdown.ms(listInternal.p50()) + " ms",
                Markdown.ms(listInternal.p99()) + " ms", "");
        md.row("**`GET /v1/tenants/{t}/traces?limit=50` through api-service**",
                "**" + Markdown.ms(listApi.p50()) + " ms**", "**" + Markdown.ms(listApi.p99()) + " ms**",
                "p99 ≤ 20 ms: " + Markdown.met(listApi.p99() <= 20_000_000L));
        md.line();
        md.line("Export figures count NDJSON lines and bytes as the client receives them. The raw read parses nothing; "
                + "an export is bound by streams-processor reading its store and writing JSON, and api-service relays "
                + "the bytes without parsing them. List latencies are timed from each request's scheduled start, so a "
                + "stall delays the requests behind it in the figures too. On top of the internal query, a list "
                + "through api-service costs a PostgreSQL read (the caller's role, read fresh on every request so a "
                + "demotion takes effect at once) and a call to streams-processor, in processes that share this "
                + "machine's two cores with the broker and the processor under load.");
        return md.toString();
    }

    private static String perSecond(Read read) {
        return String.format(Locale.ROOT, "%,.0f", read.perSecond());
    }

    private static String mbPerSecond(Read read) {
        return String.format(Locale.ROOT, "%,.1f", read.megabytesPerSecond());
    }

    private TraceReadBenchmark() {
    }
}
