package io.renlayer.streams.topology;

import io.renlayer.schemas.Topics;
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
import io.renlayer.streams.security.SecurityEventProcessor;
import io.renlayer.streams.security.SecurityEvents;
import io.renlayer.streams.sessions.SessionAggregator;
import io.renlayer.streams.traces.TraceAssembler;
import io.renlayer.streams.webhooks.WebhookDispatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

import java.util.Properties;

/**
 * The one Kafka Streams application of RenLayer. One application, so that exactly-once covers every output
 * together: a request event's trace, its session update, its security event and the store changes are committed
 * in one transaction, or none is. Two sub-topologies:
 * <pre>
 * renlayer.requests.v1 ─► trace-assembler ─┬─► renlayer.traces.v1
 *                                          ├─► session-aggregator ─► renlayer.sessions.v1
 *                                          └─► request-security-events ─► renlayer.security-events.v1
 * renlayer.control-events.v1 ─► control-security-events ─► renlayer.security-events.v1
 * renlayer.security-events.v1 ─► webhook-dispatcher ─┬─► renlayer.webhook-deliveries.v1
 *   (global: renlayer.config.v1 ─► webhook-config)   └─► renlayer.webhooks.dead-letter.v1
 * </pre>
 * No repartitioning: the requests topic is keyed by tenant|session (tenant|trace without a session), which already
 * puts both events of a trace, and every trace of a session, in one partition. The dispatcher reads the security
 * events back from their topic, keyed by tenant, so that a tenant's delivery attempts are in one partition.
 */
public final class RenLayerTopology {

    private static final Serde<String> KEYS = Serdes.String();

    public static Topology buildTopology(TopologySettings settings, WebhookDispatch webhooks) {
        Topology topology = new Topology();
        source(topology, "proxy-events", Topics.REQUESTS, ProxyEvent.class);
        topology.addProcessor("trace-assembler", TraceAssembler.supplier(settings), "proxy-events");
        sink(topology, TraceAssembler.TO_TRACES, Topics.TRACES, Trace.class, "trace-assembler");
        topology.addProcessor(TraceAssembler.TO_SESSIONS, SessionAggregator.supplier(settings), "trace-assembler");
        sink(topology, "sessions-out", Topics.SESSIONS, SessionSummary.class, TraceAssembler.TO_SESSIONS);
        topology.addProcessor(TraceAssembler.TO_SECURITY, SecurityEventProcessor.supplier(SecurityEvents::fromRequest),
                "trace-assembler");
        sink(topology, "request-security-out", Topics.SECURITY_EVENTS, SecurityEvent.class, TraceAssembler.TO_SECURITY);

        source(topology, "control-events", Topics.CONTROL_EVENTS, ControlEvent.class);
        topology.addProcessor("control-security-events", SecurityEventProcessor.supplier(SecurityEvents::fromControl),
                "control-events");
        // A sink of its own: one shared with the requests' branch would fuse the two sub-topologies into one.
        sink(topology, "control-security-out", Topics.SECURITY_EVENTS, SecurityEvent.class, "control-security-events");

        topology.addGlobalStore(WebhookDispatch.configStore(), "tenant-config", KEYS.deserializer(),
                new JsonSerde<>(TenantConfigSnapshot.class).deserializer(), Topics.CONFIG, "webhook-config",
                WebhookDispatch.configLoader());
        source(topology, "security-events", Topics.SECURITY_EVENTS, SecurityEvent.class);
        topology.addProcessor("webhook-dispatcher", webhooks.dispatcher(), "security-events");
        sink(topology, WebhookDispatch.TO_DELIVERIES, Topics.WEBHOOK_DELIVERIES, DeliveryAttempt.class,
                "webhook-dispatcher");
        sink(topology, WebhookDispatch.TO_DEAD_LETTERS, Topics.WEBHOOK_DEAD_LETTER, DeadLetter.class,
                "webhook-dispatcher");
        return topology;
    }

    private static <V> void source(Topology topology, String name, String topic, Class<V> type) {
        topology.addSource(name, KEYS.deserializer(), new JsonSerde<>(type).deserializer(), topic);
    }

    private static <V> void sink(Topology topology, String name, String topic, Class<V> type, String parent) {
        topology.addSink(name, topic, KEYS.serializer(), new JsonSerde<>(type).serializer(), parent);
    }

    public static Properties streamsConfig(String bootstrapServers, KafkaStreamsConfig config) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getApplicationId());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.getReplicationFactor());
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.getStandbyReplicas());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.getThreads());
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.getStateDir());
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
                (int) config.getSessionTimeout().toMilliseconds());
        // A record this version cannot read is logged and skipped: stopping would hold back every later trace.
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        // Kafka 5.0's default, which Streams 4.x asks for with a warning: errors in the global store's loader too.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        return props;
    }

    private RenLayerTopology() {
    }
}
