package io.renlayer.ops.bench;

import io.renlayer.ops.infra.FreePort;
import io.renlayer.ops.infra.KafkaBroker;
import io.renlayer.ops.stack.ServiceJvm;
import io.renlayer.ops.stack.TempDirs;
import io.renlayer.schemas.Topics;
import io.renlayer.schemas.config.AuditMode;
import io.renlayer.schemas.config.SecretSealer;
import io.renlayer.schemas.events.CompletionEvent;
import io.renlayer.schemas.events.Decision;
import io.renlayer.schemas.events.ProxyEvent;
import io.renlayer.schemas.events.RequestEvent;
import io.renlayer.schemas.events.TokenUsage;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.json.JsonSerde;
import io.renlayer.schemas.query.QueryApi;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static io.renlayer.schemas.ids.TypedId.newId;

/**
 * The streams-processor's throughput and freshness on a local KRaft broker (3 partitions per topic), the processor
 * as its own JVM with the local stack's settings (exactly-once v2, one stream thread):
 * <ol>
 * <li>the broker alone: {@code N} records of the events' sizes produced (acks=all, idempotent) and consumed
 *     ({@code read_committed}), the ceiling anything reading and writing the topic can reach;</li>
 * <li>{@code N} request and completion events (N/2 traces, a third in sessions) produced first, then the processor
 *     started: events/s from its first committed trace to its last, through every topology;</li>
 * <li>freshness at 1,000 events/s: from a completion's send to its trace being readable through the query
 *     endpoint ({@code GET …/traces/{id}}, polled every 10 ms for every 10th trace).</li>
 * </ol>
 * {@code java -cp "ops/target/ops.jar:ops/target/lib/*" io.renlayer.ops.bench.StreamsBenchmark [--quick]}; the full
 * run ({@code N} = 1,000,000) rewrites the "Streams processor" section of docs/benchmarks.md.
 */
public final class StreamsBenchmark {

    static final String HEADING = "## Streams processor";
    private static final int PARTITIONS = 3;
    private static final String RAW_TOPIC = "bench.raw.v1";
    private static final Duration POLL = Duration.ofMillis(10);

    record Rate(long records, double seconds) {
        double perSecond() {
            return records / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        int events = quick ? 100_000 : 1_000_000;
        Duration freshnessRun = Duration.ofSeconds(quick ? 10 : 60);
        MachineInfo machine = MachineInfo.current();
        Path dir = Files.createTempDirectory("renlayer-streams-bench-");
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"), 0)) {
            broker.createTopics(Topics.all(PARTITIONS));
            broker.createTopics(List.of(new Topics.TopicSpec(RAW_TOPIC, PARTITIONS, false, Duration.ofHours(1))));
            EventSource source = new EventSource();
            Rate rawProduce = produce(broker, RAW_TOPIC, new EventSource(), events);
            TopicScan rawScan = TopicScan.read(broker.bootstrapServers(), RAW_TOPIC, events, Duration.ofMinutes(5));
            Rate rawConsume = new Rate(rawScan.records(), rawScan.seconds());
            System.out.printf("broker: produce %,.0f/s, consume %,.0f/s%n", rawProduce.perSecond(), rawConsume.perSecond());

            Rate preload = produce(broker, Topics.REQUESTS, source, events);
            int queryPort = FreePort.pick();
            int adminPort = FreePort.pick();
            long started = System.nanoTime();
            try (ServiceJvm processor = ServiceJvm.start("streams-processor", Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                    "RENLAYER_SECRETS_KEY", SecretSealer.generateKey(),
                    "STREAMS_STATE_DIR", dir.resolve("state").toString(),
                    "STREAMS_PORT", Integer.toString(queryPort),
                    "STREAMS_ADMIN_PORT", Integer.toString(adminPort)), adminPort, List.of(), dir.resolve("streams.log"));
                 TraceCounter traces = new TraceCounter(broker.bootstrapServers())) {
                Rate processing = traces.awaitTraces(source.traces(), Duration.ofMinutes(15));
                double withStartup = (System.nanoTime() - started) / 1e9;
                System.out.printf("processor: %,.0f events/s (%,.1f s incl. start-up)%n",
                        events / processing.seconds(), withStartup);
                processor.awaitHealthy(Duration.ofSeconds(30));
                LatencyRecorder.Percentiles freshness = freshness(broker, queryPort, freshnessRun);
                System.out.printf("freshness: p50 %s ms, p99 %s ms of %d%n", Markdown.ms(freshness.p50()),
                        Markdown.ms(freshness.p99()), freshness.count());
                String section = report(machine, quick, events, source.recordBytes(), rawProduce, rawConsume, preload,
                        new Rate(events, processing.seconds()), withStartup, freshness);
                System.out.println(section);
                if (!quick) {
                    BenchmarkDoc.replaceSection(BenchmarkDoc.defaultFile(), section);
                }
            }
        } finally {
            TempDirs.delete(dir);
        }
    }

    /** Proxy events as the proxy writes them: one tenant, a request and its completion per trace. */
    static final class EventSource {
        final String tenantId;
        private final String agentId = newId(IdType.AGENT);
        private final String keyId = newId(IdType.KEY);
        private final JsonSerde<ProxyEvent> serde = new JsonSerde<>(ProxyEvent.class);
        private long produced;
        private long bytes;

        private RequestEvent pending;
        private String lastTraceId;

        /** A new tenant. */
        EventSource() {
            this(newId(IdType.TENANT));
        }

        EventSource(String tenantId) {
            this.tenantId = tenantId;
        }

        /** The next event (even: a request, odd: its completion) and its key. */
        ProducerRecord<String, byte[]> next(String topic) {
            ProxyEvent event;
            if (pending == null) {
                long n = produced / 2;
                pending = new RequestEvent(newId(IdType.EVENT), newId(IdType.TRACE), tenantId, agentId, keyId,
                        n % 3 == 0 ? "session-" + (n % 1000) : null, "POST", "api.openai.com", "/v1/chat/completions",
                        Decision.ALLOW, null, null, List.of(), 2048, null, AuditMode.ASYNC, Instant.now());
                event = pending;
                lastTraceId = pending.traceId();
            } else {
                event = completion(pending);
                pending = null;
            }
            produced++;
            byte[] value = serde.serializer().serialize(topic, event);
            bytes += value.length;
            return new ProducerRecord<>(topic, event.key(), value);
        }

        static CompletionEvent completion(RequestEvent request) {
            return new CompletionEvent(newId(IdType.EVENT), request.traceId(), request.tenantId(), request.sessionId(),
                    200, "completed", 180_000, 182_000, 4096, new TokenUsage(812, 164, 976), List.of(), Instant.now());
        }

        String lastTraceId() {
            return lastTraceId;
        }

        long traces() {
            return produced / 2;
        }

        long recordBytes() {
            return produced == 0 ? 0 : bytes / produced;
        }
    }

    static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
    }

    private static Rate produce(KafkaBroker broker, String topic, EventSource source, int count) {
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer(broker.bootstrapServers())) {
            for (int i = 0; i < count; i++) {
                producer.send(source.next(topic));
            }
            producer.flush();
        }
        return new Rate(count, (System.nanoTime() - start) / 1e9);
    }

    /** Counts the traces a {@code read_committed} consumer sees, from the first one on. */
    static final class TraceCounter implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;

        TraceCounter(String bootstrapServers) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TRACES).stream()
                    .map(p -> new TopicPartition(Topics.TRACES, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        /** Reads until {@code count} traces are in; the time is from the first trace read to the last. */
        Rate awaitTraces(long count, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            long first = 0;
            long read = 0;
            while (read < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + read + " of " + count + " traces within " + timeout);
                }
                int batch = consumer.poll(Duration.ofMillis(100)).count();
                if (batch > 0 && read == 0) {
                    first = System.nanoTime();
                }
                read += batch;
            }
            return new Rate(read, (System.nanoTime() - first) / 1e9);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    private static String report(MachineInfo m, boolean quick, int events, long recordBytes, Rate rawProduce,
                                 Rate rawConsume, Rate preload, Rate processing, double withStartup,
                                 LatencyRecorder.Percentiles freshness) {
        Markdown md = new Markdown();
        md.line(HEADING).line();
        md.line("Request and completion events through every topology of the streams-processor (trace assembly, "
                + "sessions, security events, webhook dispatch) with exactly-once v2, measured by "
                + "`io.renlayer.ops.bench.StreamsBenchmark`" + (quick ? " (**--quick**)" : "") + ".").line();
        md.line("- Date: " + m.date());
        md.line("- Machine: " + m.cores() + " cores (" + m.cpuModel() + "), " + m.memory() + " RAM, " + m.os()
                + "; load average at the start " + m.loadAverage());
        md.line("- JDK: " + m.jdk() + "; the processor runs as its own JVM with the local stack's flags and "
                + "config (one stream thread, default heap), beside the broker and the load generator's JVM");
        md.line(String.format(Locale.ROOT, "- Set-up: one KRaft broker, %d partitions per topic; %,d events "
                + "(%,d traces, a third of them in sessions) of %d bytes on average", PARTITIONS, events, events / 2,
                recordBytes)).line();
        md.line("```sh");
        md.line("./mvnw -B -o -q install -pl schemas,service-kit,engine,ops -DskipTests");
        md.line("./mvnw -B -o -q package -pl streams-processor -DskipTests");
        md.line("$JAVA_HOME/bin/java --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \\");
        md.line("  -cp \"ops/target/ops.jar:ops/target/lib/*\" io.renlayer.ops.bench.StreamsBenchmark [--quick]");
        md.line("```").line();
        md.row("measure", "figure", "target");
        md.row("---", "---", "---");
        md.row("broker alone: produce (acks=all, idempotent)", perSecond(rawProduce) + " records/s", "baseline");
        md.row("broker alone: consume (read_committed)", perSecond(rawConsume) + " records/s", "baseline");
        md.row("producing the events to renlayer.requests.v1", perSecond(preload) + " events/s", "");
        md.row("**processor: events through every topology**", "**" + perSecond(processing) + " events/s**",
                "≥ 20,000 events/s: " + Markdown.met(processing.perSecond() >= 20_000));
        md.row("processor: the same, start-up and restore included",
                String.format(Locale.ROOT, "%.1f s for %,d events", withStartup, events), "");
        md.row("freshness at 1,000 events/s: p50", Markdown.ms(freshness.p50()) + " ms", "");
        md.row("freshness at 1,000 events/s: p99 (of " + freshness.count() + " traces)",
                Markdown.ms(freshness.p99()) + " ms", "≤ 1,000 ms: " + Markdown.met(freshness.p99() <= 1_000_000_000L));
        md.line();
        md.line("Freshness: from sending a completion (its request just before) to the first `200` of "
                + "`GET /internal/v1/tenants/{tenant}/traces/{id}`, polled every 10 ms — so each figure includes up "
                + "to 10 ms of polling. The processor's commit interval (exactly-once: 100 ms) bounds how often "
                + "traces reach the output topic; the query store sees them as they are processed.");
        return md.toString();
    }

    private static String perSecond(Rate rate) {
        return String.format(Locale.ROOT, "%,.0f", rate.perSecond());
    }

    /** Traces sent at 1,000 events/s; every 10th is polled for through the query endpoint until it is there. */
    private static LatencyRecorder.Percentiles freshness(KafkaBroker broker, int queryPort, Duration run)
            throws Exception {
        EventSource source = new EventSource();
        LatencyRecorder recorder = new LatencyRecorder();
        String base = "http://127.0.0.1:" + queryPort + QueryApi.forTenant(QueryApi.TENANT, source.tenantId) + "/traces/";
        try (KafkaProducer<String, byte[]> producer = producer(broker.bootstrapServers());
             HttpClient http = HttpClient.newHttpClient();
             ExecutorService pollers = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            long total = run.toSeconds() * 500;
            for (long trace = 0; trace < total; trace++) {
                long due = start + trace * 2_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                ProducerRecord<String, byte[]> request = source.next(Topics.REQUESTS);
                producer.send(request);
                producer.send(source.next(Topics.REQUESTS));
                long sent = System.nanoTime();
                if (trace % 10 == 0) {
                    String traceId = source.lastTraceId();
                    pollers.submit(() -> awaitReadable(http, URI.create(base + traceId), sent, recorder));
                }
            }
            pollers.shutdown();
            pollers.awaitTermination(1, TimeUnit.MINUTES);
        }
        return recorder.percentiles();
    }

    private static Void awaitReadable(HttpClient http, URI trace, long sentNanos, LatencyRecorder recorder)
            throws Exception {
        HttpRequest get = HttpRequest.newBuilder(trace).timeout(Duration.ofSeconds(5)).build();
        long deadline = sentNanos + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                recorder.record(System.nanoTime() - sentNanos);
                return null;
            }
            Thread.sleep(POLL);
        }
        throw new IllegalStateException(trace + " was not readable within 30 s");
    }
}
