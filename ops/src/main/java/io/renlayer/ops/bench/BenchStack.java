package io.renlayer.ops.bench;

import io.renlayer.ops.infra.FreePort;
import io.renlayer.ops.infra.KafkaBroker;
import io.renlayer.ops.mock.MockUpstream;
import io.renlayer.ops.stack.ServiceJvm;
import io.renlayer.ops.stack.Started;
import io.renlayer.ops.stack.TempDirs;
import io.renlayer.schemas.Topics;
import io.renlayer.schemas.config.AuditMode;
import io.renlayer.schemas.config.TenantConfigSnapshot;
import io.renlayer.schemas.json.JsonSerde;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Everything the benchmark measures against, in a temporary directory: an in-process KRaft broker with
 * RenLayer's topics, the mock upstream (in this JVM too), and proxy-service as a child process that knows two
 * tenants — one strict, one async. {@link #close()} stops it all and deletes the directory.
 */
final class BenchStack implements AutoCloseable {

    private static final int PARTITIONS = 3;

    private final Path dir;
    private final boolean keepDir;
    private final Started started = new Started("bench");
    KafkaBroker broker;
    MockUpstream mock;
    ServiceJvm proxy;
    InetSocketAddress proxyAddress;
    int adminPort;
    BenchTenant strict;
    BenchTenant async;

    private BenchStack(Path dir, boolean keepDir) {
        this.dir = dir;
        this.keepDir = keepDir;
    }

    static BenchStack start(List<String> proxyJvmFlags, boolean keepDir) throws Exception {
        BenchStack stack = new BenchStack(Files.createTempDirectory("renlayer-bench-"), keepDir);
        try {
            stack.startAll(proxyJvmFlags);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(List<String> proxyJvmFlags) throws Exception {
        broker = KafkaBroker.start(dir.resolve("kafka"), 0);
        started.add(broker);
        List<Topics.TopicSpec> topics = new ArrayList<>(Topics.all(PARTITIONS));
        topics.add(new Topics.TopicSpec(BrokerAckProbe.TOPIC, PARTITIONS, false, Duration.ofHours(1)));
        broker.createTopics(topics);
        mock = MockUpstream.start(0);
        started.add(mock);
        strict = BenchTenant.of(AuditMode.STRICT, mock.baseUrl());
        async = BenchTenant.of(AuditMode.ASYNC, mock.baseUrl());
        publish(strict.snapshot(), async.snapshot());

        int port = FreePort.pick();
        adminPort = FreePort.pick();
        proxyAddress = new InetSocketAddress("127.0.0.1", port);
        proxy = ServiceJvm.start("proxy-service", Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "PROXY_PORT", Integer.toString(port),
                "PROXY_ADMIN_PORT", Integer.toString(adminPort),
                "PROXY_ALLOWED_UPSTREAM_NETWORKS", "127.0.0.1/32"), adminPort, proxyJvmFlags, dir.resolve("proxy.log"));
        started.add(proxy);
        proxy.awaitHealthy(Duration.ofSeconds(90));
    }

    /** Plays the API's outbox relay: each snapshot keyed by its tenant on the compacted config topic. */
    private void publish(TenantConfigSnapshot... snapshots) throws InterruptedException, ExecutionException {
        try (KafkaProducer<String, TenantConfigSnapshot> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new JsonSerde<>(TenantConfigSnapshot.class).serializer())) {
            for (TenantConfigSnapshot snapshot : snapshots) {
                producer.send(new ProducerRecord<>(Topics.CONFIG, snapshot.tenantId(), snapshot)).get();
            }
        }
    }

    InetSocketAddress mockAddress() {
        return new InetSocketAddress("127.0.0.1", mock.port());
    }

    Path dir() {
        return dir;
    }

    /** Stops the proxy first (it produces to the broker), then the mock and the broker; then deletes the directory. */
    @Override
    public synchronized void close() {
        started.closeAll();
        if (!keepDir) {
            TempDirs.delete(dir);
        }
    }
}
