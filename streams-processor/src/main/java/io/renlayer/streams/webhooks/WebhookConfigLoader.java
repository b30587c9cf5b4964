package io.renlayer.streams.webhooks;

import io.renlayer.schemas.config.TenantConfigSnapshot;
import io.renlayer.streams.state.StateStores;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps every tenant's configuration from the compacted config topic in a global store (each instance needs every
 * tenant's webhooks). Snapshots arrive at least once and may repeat: one older than the version held is ignored.
 * The store holds the snapshots as they are on the topic because Streams restores a global store by copying the
 * topic's records into it, without this processor.
 */
final class WebhookConfigLoader implements Processor<String, TenantConfigSnapshot, Void, Void> {

    private KeyValueStore<String, TenantConfigSnapshot> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(StateStores.WEBHOOK_CONFIG);
    }

    @Override
    public void process(Record<String, TenantConfigSnapshot> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
            return;
        }
        TenantConfigSnapshot held = store.get(record.key());
        if (held == null || held.version() < record.value().version()) {
            store.put(record.key(), record.value());
        }
    }
}
