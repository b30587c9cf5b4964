package io.renlayer.schemas;

import java.time.Duration;
import java.util.List;

/** The Kafka topics RenLayer owns, with the configuration each is created with. */
public final class Topics {

    /** Compacted; key = tenant id, value = the tenant's latest {@code TenantConfigSnapshot}. */
    public static final String CONFIG = "renlayer.config.v1";
    /** Control-plane events for downstream consumers (e.g. {@code key.revoked}); key = tenant id. */
    public static final String CONTROL_EVENTS = "renlayer.control-events.v1";
    /** Proxy request and completion events; key = tenant|session, or the trace id without a session. */
    public static final String REQUESTS = "renlayer.requests.v1";
    public static final String TRACES = "renlayer.traces.v1";
    public static final String SESSIONS = "renlayer.sessions.v1";
    public static final String SECURITY_EVENTS = "renlayer.security-events.v1";
    /** Every webhook delivery attempt ({@code DeliveryAttempt}); key = tenant id. */
    public static final String WEBHOOK_DELIVERIES = "renlayer.webhook-deliveries.v1";
    /** Deliveries given up after their retry period ({@code DeadLetter}); key = tenant id. */
    public static final String WEBHOOK_DEAD_LETTER = "renlayer.webhooks.dead-letter.v1";

    /** How a topic is created: partitions, and either compaction or a retention period. */
    public record TopicSpec(String name, int partitions, boolean compacted, Duration retention) {
    }

    private static final Duration WEEK = Duration.ofDays(7);

    /** Every topic above, for whoever provisions a cluster (the local stack, tests, operators). */
    public static List<TopicSpec> all(int partitions) {
        return List.of(
                new TopicSpec(CONFIG, partitions, true, null),
                new TopicSpec(CONTROL_EVENTS, partitions, false, WEEK),
                new TopicSpec(REQUESTS, partitions, false, WEEK),
                new TopicSpec(TRACES, partitions, false, WEEK),
                new TopicSpec(SESSIONS, partitions, false, WEEK),
                new TopicSpec(SECURITY_EVENTS, partitions, false, Duration.ofDays(30)),
                new TopicSpec(WEBHOOK_DELIVERIES, partitions, false, WEEK),
                new TopicSpec(WEBHOOK_DEAD_LETTER, partitions, false, Duration.ofDays(30)));
    }

    private Topics() {
    }
}
