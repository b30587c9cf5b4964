package io.renlayer.streams.webhooks;

import io.renlayer.kit.webhooks.WebhookSender;
import io.renlayer.schemas.config.SecretSealer;
import io.renlayer.schemas.config.TenantConfigSnapshot;
import io.renlayer.schemas.json.JsonSerde;
import io.renlayer.schemas.siem.SecurityEvent;
import io.renlayer.schemas.webhooks.DeliveryAttempt;
import io.renlayer.streams.state.Deadlines;
import io.renlayer.streams.state.StateStores;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;
import java.util.Set;

/**
 * What the webhook dispatcher of the topology is made of: its retry settings, the key that opens the tenants'
 * sealed signing secrets, and the sender (HTTP in production, a recording one in topology tests).
 *
 * @param retention how long delivery attempts stay queryable
 */
public record WebhookDispatch(WebhookSettings settings, SecretSealer sealer, WebhookSender sender,
                              Duration retention) {

    /** The dispatcher's children: every attempt, and deliveries given up. */
    public static final String TO_DELIVERIES = "webhook-deliveries-out";
    public static final String TO_DEAD_LETTERS = "webhook-dead-letters-out";

    public ProcessorSupplier<String, SecurityEvent, String, Object> dispatcher() {
        return StateStores.withStores(() -> new WebhookDispatcher(this), Set.of(
                StateStores.keyValue(StateStores.WEBHOOK_SCHEDULE, Serdes.String(),
                        new JsonSerde<>(PendingDelivery.class)),
                StateStores.keyValue(StateStores.WEBHOOK_GONE, Serdes.String(), Serdes.Long()),
                StateStores.keyValue(StateStores.WEBHOOK_DELIVERIES, Serdes.String(),
                        new JsonSerde<>(DeliveryAttempt.class)),
                Deadlines.store(StateStores.WEBHOOK_DELIVERY_DEADLINES)));
    }

    /** The global store of tenant configurations; global stores are restored from their topic, not a changelog. */
    public static StoreBuilder<KeyValueStore<String, TenantConfigSnapshot>> configStore() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StateStores.WEBHOOK_CONFIG),
                Serdes.String(), new JsonSerde<>(TenantConfigSnapshot.class)).withLoggingDisabled();
    }

    public static ProcessorSupplier<String, TenantConfigSnapshot, Void, Void> configLoader() {
        return WebhookConfigLoader::new;
    }
}
