package io.renlayer.streams.topology;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.renlayer.schemas.Topics;
import io.renlayer.schemas.config.SecretSealer;
import io.renlayer.schemas.config.TenantConfigSnapshot;
import io.renlayer.schemas.events.ControlEvent;
import io.renlayer.schemas.events.ProxyEvent;
import io.renlayer.schemas.json.JsonSerde;
import io.renlayer.schemas.sessions.SessionSummary;
import io.renlayer.schemas.siem.SecurityEvent;
import io.renlayer.schemas.traces.Trace;
import io.renlayer.schemas.webhooks.DeadLetter;
import io.renlayer.schemas.webhooks.DeliveryAttempt;
import io.renlayer.streams.config.KafkaStreamsConfig;
import io.renlayer.streams.config.TopologySettings;
import io.renlayer.streams.webhooks.WebhookDispatch;
import io.renlayer.streams.webhooks.WebhookSettings;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole topology under a {@link TopologyTestDriver}, its wall clock starting at {@link #START}. Every record
 * read from an output topic is first checked against that topic's JSON Schema.
 */
public final class TopologyFixture implements AutoCloseable {

    public static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    static final TopologySettings SETTINGS = new TopologySettings(Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofDays(7), Duration.ofSeconds(1));
    static final WebhookSettings WEBHOOKS = new WebhookSettings(Duration.ofSeconds(10), Duration.ofSeconds(10),
            Duration.ofHours(1), Duration.ofHours(24), Duration.ofMillis(250), 64);
    /** The deployment's secrets key: what the API seals signing secrets with. */
    static final SecretSealer SEALER = new SecretSealer(SecretSealer.generateKey());

    final Output<Trace> traces = new Output<>(Topics.TRACES, Trace.class, "trace.v1");
    final Output<SessionSummary> sessions = new Output<>(Topics.SESSIONS, SessionSummary.class, "session.v1");
    final Output<SecurityEvent> securityEvents =
            new Output<>(Topics.SECURITY_EVENTS, SecurityEvent.class, "security-event.v1");
    final Output<DeliveryAttempt> deliveries =
            new Output<>(Topics.WEBHOOK_DELIVERIES, DeliveryAttempt.class, "webhook-delivery.v1");
    final Output<DeadLetter> deadLetters =
            new Output<>(Topics.WEBHOOK_DEAD_LETTER, DeadLetter.class, "webhook-dead-letter.v1");
    /** Every webhook POST the topology made; the test answers them. */
    final RecordingSender webhooks = new RecordingSender();

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, ProxyEvent> requests;
    private final TestInputTopic<String, ControlEvent> controlEvents;
    private final TestInputTopic<String, TenantConfigSnapshot> config;

    /** @param stateDir a fresh directory (JUnit's {@code @TempDir}) */
    public TopologyFixture(Path stateDir) {
        KafkaStreamsConfig streams = new KafkaStreamsConfig();
        streams.setStateDir(stateDir.toString());
        driver = new TopologyTestDriver(RenLayerTopology.buildTopology(SETTINGS,
                        new WebhookDispatch(WEBHOOKS, SEALER, webhooks, SETTINGS.retention())),
                RenLayerTopology.streamsConfig("localhost:9", streams), START);
        requests = driver.createInputTopic(Topics.REQUESTS, new StringSerializer(),
                new JsonSerde<>(ProxyEvent.class).serializer());
        controlEvents = driver.createInputTopic(Topics.CONTROL_EVENTS, new StringSerializer(),
                new JsonSerde<>(ControlEvent.class).serializer());
        config = driver.createInputTopic(Topics.CONFIG, new StringSerializer(),
                new JsonSerde<>(TenantConfigSnapshot.class).serializer());
    }

    /** Publishes a tenant's configuration, as the API's outbox relay does. */
    void send(TenantConfigSnapshot snapshot) {
        config.pipeInput(snapshot.tenantId(), snapshot);
    }

    /** Sends events to the requests topic with the proxy's key, in this order. */
    public void send(ProxyEvent... events) {
        for (ProxyEvent event : events) {
            requests.pipeInput(event.key(), event);
        }
    }

    void send(ControlEvent event) {
        controlEvents.pipeInput(event.tenantId(), event);
    }

    /** Moves the wall clock on, running the punctuations that fall due. */
    public void advance(Duration duration) {
        driver.advanceWallClockTime(duration);
    }

    /** Moves the wall clock a minute past the completion timeout: requests left alone are now incomplete traces. */
    void passCompletionTimeout() {
        advance(SETTINGS.completionTimeout().plusMinutes(1));
    }

    public <K, V> KeyValueStore<K, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    /** Everything in a store, in key order. */
    <K, V> List<KeyValue<K, V>> entries(String name) {
        try (KeyValueIterator<K, V> all = this.<K, V>store(name).all()) {
            List<KeyValue<K, V>> entries = new ArrayList<>();
            all.forEachRemaining(entries::add);
            return entries;
        }
    }

    @Override
    public void close() {
        driver.close();
    }

    /** An output topic, read as JSON that must conform to its schema, then as records. */
    final class Output<T> {

        private final String topic;
        private final JsonSerde<T> serde;
        private final Schema schema;
        private TestOutputTopic<String, String> records;

        private Output(String topic, Class<T> type, String schemaName) {
            this.topic = topic;
            this.serde = new JsonSerde<>(type);
            this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, registry -> registry
                            .schemaIdResolvers(ids -> ids.mapPrefix("https://renlayer.io/schemas/", "classpath:schemas/")))
                    .getSchema(SchemaLocation.of("classpath:schemas/" + schemaName + ".schema.json"));
        }

        /** Everything written since the last read, in order. */
        List<KeyValue<String, T>> read() {
            if (records == null) {
                records = driver.createOutputTopic(topic, new StringDeserializer(), new StringDeserializer());
            }
            return records.readKeyValuesToList().stream().map(record -> {
                assertThat(schema.validate(record.value, InputFormat.JSON,
                        ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)))).as(record.value).isEmpty();
                return KeyValue.pair(record.key,
                        serde.deserializer().deserialize(topic, record.value.getBytes(StandardCharsets.UTF_8)));
            }).toList();
        }

        List<T> values() {
            return read().stream().map(record -> record.value).toList();
        }
    }
}
