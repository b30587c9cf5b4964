package io.renlayer.streams.state;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.util.Set;
import java.util.function.Supplier;

/**
 * The names of the state stores, and how they are built. The first four and the webhook deliveries are queryable (interactive queries);
 * their key layouts are part of the contract with the query layer. Each store is backed by a compacted changelog
 * topic {@code <application id>-<store name>-changelog}, so renaming a store loses its content.
 */
public final class StateStores {

    /** Traces by tenant, newest first: key {@code TraceKeys.byTime}, value {@code Trace}. */
    public static final String TRACES = "traces";
    /** Trace lookup by id: key {@code tenant_id|trace_id}, value the trace's received_at in epoch microseconds. */
    public static final String TRACE_IDS = "trace-ids";
    /** A session's traces, newest first: key {@code TraceKeys.bySession}, value empty. */
    public static final String SESSION_TRACES = "session-traces";
    /** Session summaries: key {@code tenant_id|session_id} (the partitioning key), value {@code SessionSummary}. */
    public static final String SESSIONS = "sessions";

    /**
     * Webhook delivery attempts, newest first per webhook: key {@code DeliveryKeys.delivery}, value
     * {@code DeliveryAttempt}. Partitioned by tenant (the security events' key).
     */
    public static final String WEBHOOK_DELIVERIES = "webhook-deliveries";

    /** Internal: request and completion events waiting for their other half, by {@code tenant_id|trace_id}. */
    public static final String PENDING_TRACES = "pending-traces";
    /** Internal: when each pending trace times out ({@link Deadlines}). */
    public static final String TRACE_DEADLINES = "trace-deadlines";
    /** Internal: when each session closes, or is purged once closed ({@link Deadlines}). */
    public static final String SESSION_DEADLINES = "session-deadlines";

    /** Internal, global: every tenant's latest config snapshot, by tenant id (from the config topic). */
    public static final String WEBHOOK_CONFIG = "webhook-config";
    /** Internal: deliveries waiting for their next attempt, or for the answer to one, by {@code DeliveryKeys.schedule}. */
    public static final String WEBHOOK_SCHEDULE = "webhook-schedule";
    /** Internal: when a webhook's receiver answered 410, by {@code tenant_id|webhook_id}. */
    public static final String WEBHOOK_GONE = "webhook-gone";
    /** Internal: when each recorded delivery attempt is purged ({@link Deadlines}). */
    public static final String WEBHOOK_DELIVERY_DEADLINES = "webhook-delivery-deadlines";

    /** Persistent (RocksDB) with a changelog; cached, so that a key rewritten within a commit is logged once. */
    public static <K, V> StoreBuilder<KeyValueStore<K, V>> keyValue(String name, Serde<K> keys, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values).withCachingEnabled();
    }

    /** A processor supplier that declares the stores its processors use: Streams adds and connects them. */
    public static <KIn, VIn, KOut, VOut> ProcessorSupplier<KIn, VIn, KOut, VOut> withStores(
            Supplier<Processor<KIn, VIn, KOut, VOut>> processors, Set<StoreBuilder<?>> stores) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<KIn, VIn, KOut, VOut> get() {
                return processors.get();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return stores;
            }
        };
    }

    private StateStores() {
    }
}
