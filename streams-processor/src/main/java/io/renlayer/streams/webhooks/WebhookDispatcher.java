package io.renlayer.streams.webhooks;

import io.renlayer.kit.webhooks.WebhookSender;
import io.renlayer.schemas.config.SecretSealer;
import io.renlayer.schemas.config.SigningSecret;
import io.renlayer.schemas.config.TenantConfigSnapshot;
import io.renlayer.schemas.config.WebhookEndpoint;
import io.renlayer.schemas.json.JsonSerde;
import io.renlayer.schemas.siem.SecurityEvent;
import io.renlayer.schemas.webhooks.DeadLetter;
import io.renlayer.schemas.webhooks.DeliveryAttempt;
import io.renlayer.schemas.webhooks.DeliveryOutcome;
import io.renlayer.streams.state.StateStores;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Delivers security events to the tenant's subscribed webhooks. An event becomes one pending delivery per
 * webhook in the schedule store; a wall-clock tick sends what is due through the {@link WebhookSender} and, on a
 * later tick, records how it went: delivered, retried after a backoff, dead-lettered after the retry period, or
 * stopped by a 410. The HTTP calls run off the stream thread; their answers come back through a queue, so store
 * changes and output records are still made by the stream thread, inside its exactly-once transactions.
 * <p>
 * While a delivery is being sent it stays in the schedule under a lease (the timeout plus a margin): if the
 * instance dies before the answer is recorded, the lease falls due and the delivery is sent again, with the same
 * event id. Receivers see at-least-once delivery and drop repeats by {@code X-RenLayer-Event-Id}.
 */
final class WebhookDispatcher implements Processor<String, SecurityEvent, String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
    private static final JsonSerde<SecurityEvent> EVENTS = new JsonSerde<>(SecurityEvent.class);

    /** An answer to a send, for the stream thread. */
    private record Answer(String leaseKey, PendingDelivery delivery, Instant sentAt, WebhookSender.Response response) {
    }

    private final WebhookDispatch dispatch;
    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, TenantConfigSnapshot> config;
    private KeyValueStore<String, PendingDelivery> schedule;
    private KeyValueStore<String, Long> gone;
    private DeliveryLog log;
    private int inFlight;

    WebhookDispatcher(WebhookDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        config = context.getStateStore(StateStores.WEBHOOK_CONFIG);
        schedule = context.getStateStore(StateStores.WEBHOOK_SCHEDULE);
        gone = context.getStateStore(StateStores.WEBHOOK_GONE);
        log = new DeliveryLog(context, dispatch.retention());
        context.schedule(dispatch.settings().tickInterval(), PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    @Override
    public void process(Record<String, SecurityEvent> record) {
        SecurityEvent event = record.value();
        TenantConfigSnapshot tenant = record.key() == null ? null : config.get(record.key());
        if (event == null || tenant == null) {
            return;
        }
        String body = new String(EVENTS.serializer().serialize(null, event), StandardCharsets.UTF_8);
        long now = context.currentSystemTimeMs();
        for (WebhookEndpoint endpoint : new TenantWebhooks(tenant).subscribers(event.unmapped().eventType())) {
            PendingDelivery delivery = new PendingDelivery(record.key(), endpoint.id(), event.metadata().uid(),
                    event.unmapped().eventType(), body, 0, null);
            schedule.put(DeliveryKeys.schedule(now, delivery), delivery);
        }
    }

    private void tick(long nowMillis) {
        Instant now = Instant.ofEpochMilli(nowMillis);
        for (Answer answer = answers.poll(); answer != null; answer = answers.poll()) {
            inFlight--;
            record(answer, now);
        }
        for (Map.Entry<String, PendingDelivery> due : takeDue(nowMillis).entrySet()) {
            send(due.getValue(), now);
        }
        log.purge(nowMillis);
    }

    /** Due deliveries, earliest first, as many as may be sent now; taken out of the schedule. */
    private Map<String, PendingDelivery> takeDue(long nowMillis) {
        Map<String, PendingDelivery> due = new LinkedHashMap<>();
        int room = dispatch.settings().maxInFlight() - inFlight;
        try (KeyValueIterator<String, PendingDelivery> it = schedule.range(null, DeliveryKeys.dueBy(nowMillis))) {
            while (it.hasNext() && due.size() < room) {
                var entry = it.next();
                due.put(entry.key, entry.value);
            }
        }
        due.keySet().forEach(schedule::delete);
        return due;
    }

    private void send(PendingDelivery delivery, Instant now) {
        PendingDelivery started = delivery.started(now);
        TenantConfigSnapshot snapshot = config.get(delivery.tenantId());
        WebhookEndpoint endpoint = snapshot == null ? null
                : new TenantWebhooks(snapshot).endpoint(delivery.webhookId()).orElse(null);
        String cancelled = endpoint == null ? "the webhook was deleted"
                : !endpoint.enabled() ? "the webhook is disabled"
                : answeredGone(delivery, endpoint) ? "the receiver answered 410; update the webhook to resume"
                : null;
        List<String> secrets = cancelled == null ? openSecrets(snapshot, now) : List.of();
        if (cancelled == null && secrets.isEmpty()) {
            cancelled = "no signing secret could be opened";
        }
        if (cancelled != null) {
            log.attempt(started, now, DeliveryOutcome.CANCELLED, new WebhookSender.Response(null, 0, cancelled), null);
            return;
        }
        String leaseKey = DeliveryKeys.schedule(
                now.plus(dispatch.settings().timeout()).plus(LEASE_MARGIN).toEpochMilli(), started);
        schedule.put(leaseKey, started);
        byte[] body = started.body().getBytes(StandardCharsets.UTF_8);
        inFlight++;
        dispatch.sender().send(WebhookSender.Request.signed(endpoint.url(), started.eventId(), started.eventType(),
                        body, secrets, now),
                response -> answers.add(new Answer(leaseKey, started, now, response)));
    }

    private void record(Answer answer, Instant now) {
        PendingDelivery delivery = answer.delivery();
        WebhookSender.Response response = answer.response();
        // Absent when the lease ran out first and the delivery was sent again: that attempt decides what follows.
        boolean current = schedule.delete(answer.leaseKey()) != null;
        if (response.delivered() || !current) {
            log.attempt(delivery, answer.sentAt(), response.delivered() ? DeliveryOutcome.DELIVERED
                    : DeliveryOutcome.RETRYING, response, null);
        } else if (response.status() != null && response.status() == 410) {
            gone.put(DeliveryKeys.gone(delivery.tenantId(), delivery.webhookId()), now.toEpochMilli());
            log.attempt(delivery, answer.sentAt(), DeliveryOutcome.ENDPOINT_GONE, response, null);
        } else {
            Instant next = now.plusMillis(dispatch.settings().backoffMillis(delivery.attempts(), delivery.deliveryId()));
            if (next.isAfter(delivery.firstAttemptAt().plus(dispatch.settings().retryFor()))) {
                DeliveryAttempt last = log.attempt(delivery, answer.sentAt(), DeliveryOutcome.DEAD_LETTERED, response, null);
                deadLetter(delivery, last, now);
            } else {
                log.attempt(delivery, answer.sentAt(), DeliveryOutcome.RETRYING, response, next);
                schedule.put(DeliveryKeys.schedule(next.toEpochMilli(), delivery), delivery);
            }
        }
    }

    private void deadLetter(PendingDelivery delivery, DeliveryAttempt last, Instant now) {
        String url = endpointOf(delivery).map(WebhookEndpoint::url).orElse(null);
        context.forward(new Record<>(delivery.tenantId(), new DeadLetter(delivery.tenantId(), delivery.webhookId(),
                url, delivery.eventId(), delivery.eventType(), delivery.firstAttemptAt(), last, delivery.body()),
                now.toEpochMilli()), WebhookDispatch.TO_DEAD_LETTERS);
        LOG.warn("webhook {} of tenant {}: event {} dead-lettered after {} attempts", delivery.webhookId(),
                delivery.tenantId(), delivery.eventId(), delivery.attempts());
    }

    /** Whether the receiver answered 410 since the webhook was last changed. */
    private boolean answeredGone(PendingDelivery delivery, WebhookEndpoint endpoint) {
        String key = DeliveryKeys.gone(delivery.tenantId(), delivery.webhookId());
        Long goneAt = gone.get(key);
        if (goneAt == null) {
            return false;
        }
        if (endpoint.updatedAt() != null && endpoint.updatedAt().toEpochMilli() > goneAt) {
            gone.delete(key);
            return false;
        }
        return true;
    }

    private Optional<WebhookEndpoint> endpointOf(PendingDelivery delivery) {
        TenantConfigSnapshot snapshot = config.get(delivery.tenantId());
        return snapshot == null ? Optional.empty() : new TenantWebhooks(snapshot).endpoint(delivery.webhookId());
    }

    private List<String> openSecrets(TenantConfigSnapshot snapshot, Instant now) {
        String tenantId = snapshot.tenantId();
        List<String> secrets = new ArrayList<>();
        for (SigningSecret secret : new TenantWebhooks(snapshot).activeSecrets(now)) {
            try {
                secrets.add(dispatch.sealer().open(tenantId, secret.sealed()));
            } catch (IllegalArgumentException e) {
                LOG.error("tenant {}: a signing secret does not open with this deployment's secrets key "
                        + "(RENLAYER_SECRETS_KEY must be the api-service's)", tenantId);
            }
        }
        return secrets;
    }
}
