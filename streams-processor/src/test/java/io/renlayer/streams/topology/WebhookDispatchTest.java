package io.renlayer.streams.topology;

import io.renlayer.schemas.config.SigningSecret;
import io.renlayer.schemas.config.TenantConfigSnapshot;
import io.renlayer.schemas.config.TenantSettings;
import io.renlayer.schemas.config.WebhookEndpoint;
import io.renlayer.schemas.events.Decision;
import io.renlayer.schemas.events.SecurityEventTypes;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.json.JsonSerde;
import io.renlayer.schemas.siem.SecurityEvent;
import io.renlayer.schemas.webhooks.DeadLetter;
import io.renlayer.schemas.webhooks.DeliveryAttempt;
import io.renlayer.schemas.webhooks.DeliveryOutcome;
import io.renlayer.schemas.webhooks.WebhookSignatures;
import io.renlayer.streams.state.StateStores;
import io.renlayer.streams.webhooks.ReceiverSide;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.renlayer.schemas.ids.TypedId.newId;
import static io.renlayer.streams.topology.TopologyFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

/** The webhook dispatcher: which events go where, signed how, retried when, and when it gives up. */
class WebhookDispatchTest extends TopologyTestSupport {

    private static final Duration TICK = Duration.ofMillis(300);
    private static final String SECRET = "whsec_" + newId(IdType.SECRET);

    private final String deniedHook = newId(IdType.WEBHOOK);
    private final String dlpHook = newId(IdType.WEBHOOK);
    private final String disabledHook = newId(IdType.WEBHOOK);
    private long version;

    private void configure(Instant updatedAt, List<SigningSecret> secrets) {
        topology.send(new TenantConfigSnapshot(events.tenantId, ++version, updatedAt, TenantSettings.defaults(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(new WebhookEndpoint(deniedHook, "https://hooks.example.com/denied",
                                List.of(SecurityEventTypes.POLICY_DENIED, SecurityEventTypes.KEY_REVOKED), true, updatedAt),
                        new WebhookEndpoint(dlpHook, "https://hooks.example.com/dlp",
                                List.of(SecurityEventTypes.DLP_BLOCKED), true, updatedAt),
                        new WebhookEndpoint(disabledHook, "https://hooks.example.com/off",
                                List.of(SecurityEventTypes.POLICY_DENIED), false, updatedAt)),
                secrets));
    }

    private void configure() {
        configure(START, List.of(sealed(SECRET, null)));
    }

    private SigningSecret sealed(String plain, Instant expiresAt) {
        return new SigningSecret(TopologyFixture.SEALER.seal(events.tenantId, plain), expiresAt);
    }

    private void deny() {
        topology.send(events.request(null, START, Decision.DENY, newId(IdType.POLICY), List.of()));
    }

    @Test
    void aDenyIsPostedSignedToTheEnabledWebhooksSubscribedToIt() throws Exception {
        configure();
        deny();
        topology.advance(TICK);

        assertThat(topology.webhooks.all()).hasSize(1);
        RecordingSender.Sent post = topology.webhooks.answer(200);
        SecurityEvent event = topology.securityEvents.values().getFirst();
        assertThat(post.request().url()).isEqualTo("https://hooks.example.com/denied");
        assertThat(post.header(WebhookSignatures.EVENT_ID_HEADER)).isEqualTo(event.metadata().uid());
        assertThat(post.header(WebhookSignatures.EVENT_TYPE_HEADER)).isEqualTo(SecurityEventTypes.POLICY_DENIED);
        String t = post.header(WebhookSignatures.TIMESTAMP_HEADER);
        assertThat(Long.parseLong(t)).isEqualTo(START.plus(TICK).getEpochSecond());
        assertThat(post.header(WebhookSignatures.SIGNATURE_HEADER))
                .isEqualTo("t=" + t + ",v1=" + ReceiverSide.hmac(SECRET, t, post.request().body()));
        assertThat(new JsonSerde<>(SecurityEvent.class).deserializer().deserialize("t", post.request().body()))
                .as("the body is the security event of the SIEM topic").isEqualTo(event);

        topology.advance(TICK);
        DeliveryAttempt attempt = topology.deliveries.values().getFirst();
        assertThat(attempt.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
        assertThat(attempt.attempt()).isEqualTo(1);
        assertThat(attempt.statusCode()).isEqualTo(200);
        assertThat(attempt.webhookId()).isEqualTo(deniedHook);
        assertThat(topology.entries(StateStores.WEBHOOK_DELIVERIES)).hasSize(1);
        assertThat(post.body()).doesNotContain(SECRET);
    }

    @Test
    void aKeyRevocationIsDeliveredToo() {
        configure();
        topology.send(events.keyRevoked(START));
        topology.advance(TICK);

        assertThat(topology.webhooks.answer(204).header(WebhookSignatures.EVENT_TYPE_HEADER))
                .isEqualTo(SecurityEventTypes.KEY_REVOKED);
    }

    @Test
    void aFailureIsRetriedAfterABackoffWithTheSameEventId() {
        configure();
        deny();
        topology.advance(TICK);
        RecordingSender.Sent first = topology.webhooks.answer(503);
        topology.advance(TICK);

        DeliveryAttempt failed = topology.deliveries.values().getFirst();
        assertThat(failed.outcome()).isEqualTo(DeliveryOutcome.RETRYING);
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(Duration.between(START.plus(TICK.multipliedBy(2)), failed.nextAttemptAt()))
                .as("10 s ± 10%").isBetween(Duration.ofSeconds(9), Duration.ofSeconds(11));

        topology.advance(Duration.ofSeconds(8));
        assertThat(topology.webhooks.unansweredCount()).as("not before the backoff").isZero();
        topology.advance(Duration.ofSeconds(4));
        RecordingSender.Sent second = topology.webhooks.answer(200);
        topology.advance(TICK);

        assertThat(second.header(WebhookSignatures.EVENT_ID_HEADER))
                .isEqualTo(first.header(WebhookSignatures.EVENT_ID_HEADER));
        assertThat(second.header(WebhookSignatures.TIMESTAMP_HEADER))
                .isNotEqualTo(first.header(WebhookSignatures.TIMESTAMP_HEADER));
        assertThat(second.request().body()).isEqualTo(first.request().body());
        DeliveryAttempt delivered = topology.deliveries.values().getFirst();
        assertThat(delivered.attempt()).isEqualTo(2);
        assertThat(delivered.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
    }

    @Test
    void aReceiverFailingForADayGetsTheEventDeadLettered() {
        configure();
        deny();
        Instant firstAttempt = START.plus(Duration.ofMinutes(67));
        int posts = 0;
        List<DeadLetter> deadLetters = List.of();
        while (deadLetters.isEmpty() && posts < 100) {
            topology.advance(Duration.ofMinutes(67));
            if (topology.webhooks.unansweredCount() > 0) {
                topology.webhooks.timeOut();
                posts++;
            }
            topology.advance(TICK);
            deadLetters = topology.deadLetters.values();
        }

        assertThat(deadLetters).hasSize(1);
        DeadLetter dead = deadLetters.getFirst();
        assertThat(dead.lastAttempt().outcome()).isEqualTo(DeliveryOutcome.DEAD_LETTERED);
        assertThat(dead.lastAttempt().attempt()).isEqualTo(posts);
        assertThat(dead.lastAttempt().error()).isEqualTo("no answer within 10 s");
        assertThat(dead.firstAttemptAt()).isEqualTo(firstAttempt);
        assertThat(Duration.between(firstAttempt, dead.lastAttempt().attemptedAt()))
                .isBetween(Duration.ofHours(22), Duration.ofHours(25));
        assertThat(dead.url()).isEqualTo("https://hooks.example.com/denied");
        assertThat(dead.body()).isEqualTo(topology.webhooks.all().getFirst().body());

        topology.advance(Duration.ofDays(1));
        assertThat(topology.webhooks.unansweredCount()).as("nothing after the dead letter").isZero();
        assertThat(topology.entries(StateStores.WEBHOOK_SCHEDULE)).isEmpty();
    }

    @Test
    void a410StopsDeliveriesUntilTheWebhookIsUpdated() {
        configure();
        deny();
        topology.advance(TICK);
        topology.webhooks.answer(410);
        topology.advance(TICK);
        assertThat(topology.deliveries.values()).extracting(DeliveryAttempt::outcome)
                .containsExactly(DeliveryOutcome.ENDPOINT_GONE);

        deny();
        topology.advance(TICK);
        assertThat(topology.webhooks.unansweredCount()).isZero();
        DeliveryAttempt cancelled = topology.deliveries.values().getFirst();
        assertThat(cancelled.outcome()).isEqualTo(DeliveryOutcome.CANCELLED);
        assertThat(cancelled.error()).contains("410");

        topology.advance(Duration.ofMinutes(5));
        configure(START.plus(Duration.ofMinutes(5)), List.of(sealed(SECRET, null)));
        deny();
        topology.advance(TICK);
        assertThat(topology.webhooks.answer(200).request().url()).isEqualTo("https://hooks.example.com/denied");
    }

    @Test
    void duringARotationEachActiveSecretSignsAndAnExpiredOneDoesNot() throws Exception {
        String previous = "whsec_previous";
        configure(START, List.of(sealed(SECRET, null), sealed(previous, START.plus(Duration.ofHours(24))),
                sealed("whsec_expired", START.minusSeconds(1))));
        deny();
        topology.advance(TICK);

        RecordingSender.Sent post = topology.webhooks.answer(200);
        String t = post.header(WebhookSignatures.TIMESTAMP_HEADER);
        assertThat(post.header(WebhookSignatures.SIGNATURE_HEADER)).isEqualTo("t=" + t
                + ",v1=" + ReceiverSide.hmac(SECRET, t, post.request().body())
                + ",v1=" + ReceiverSide.hmac(previous, t, post.request().body()));
    }

    @Test
    void aDeliveryWhoseAnswerNeverCameIsSentAgainAfterItsLease() {
        configure();
        deny();
        topology.advance(TICK);
        assertThat(topology.webhooks.unansweredCount()).isEqualTo(1);

        // The instance that sent it died: its answer is never recorded. After the timeout and a margin it is resent.
        topology.advance(Duration.ofSeconds(41));
        assertThat(topology.webhooks.all()).hasSize(2);
        topology.webhooks.answer(200);
        topology.webhooks.answer(200);
        topology.advance(TICK);

        assertThat(topology.deliveries.values()).extracting(DeliveryAttempt::attempt).containsExactlyInAnyOrder(1, 2);
        assertThat(topology.entries(StateStores.WEBHOOK_SCHEDULE)).isEmpty();
    }

    @Test
    void deletedWebhooksAndUnconfiguredTenantsGetNothing() {
        deny();
        topology.advance(TICK);
        assertThat(topology.webhooks.all()).as("no configuration yet").isEmpty();

        configure();
        topology.send(events.request(null, START, Decision.DLP_BLOCK, null,
                List.of(Events.finding("payment_card", io.renlayer.schemas.config.DlpAction.BLOCK))));
        topology.send(new TenantConfigSnapshot(events.tenantId, ++version, START, TenantSettings.defaults(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
        topology.advance(TICK);

        assertThat(topology.webhooks.all()).isEmpty();
        assertThat(topology.deliveries.values()).singleElement().satisfies(attempt -> {
            assertThat(attempt.webhookId()).isEqualTo(dlpHook);
            assertThat(attempt.outcome()).isEqualTo(DeliveryOutcome.CANCELLED);
        });
    }

    @Test
    void deliveryAttemptsArePurgedAfterTheRetention() {
        configure();
        deny();
        topology.advance(TICK);
        topology.webhooks.answer(200);
        topology.advance(TICK);
        assertThat(topology.entries(StateStores.WEBHOOK_DELIVERIES)).hasSize(1);

        topology.advance(TopologyFixture.SETTINGS.retention().plusMinutes(1));
        assertThat(topology.entries(StateStores.WEBHOOK_DELIVERIES)).isEmpty();
    }
}
