package io.renlayer.streams.topology;

import io.renlayer.schemas.config.DlpAction;
import io.renlayer.schemas.events.Decision;
import io.renlayer.schemas.events.DlpFinding;
import io.renlayer.schemas.events.KeyRevoked;
import io.renlayer.schemas.events.RequestEvent;
import io.renlayer.schemas.events.SecurityEventTypes;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.siem.DataSecurityFinding;
import io.renlayer.schemas.siem.EntityManagement;
import io.renlayer.schemas.siem.HttpActivity;
import io.renlayer.schemas.siem.Ocsf;
import io.renlayer.schemas.siem.SecurityControl;
import io.renlayer.schemas.siem.SecurityEvent;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.renlayer.schemas.ids.TypedId.newId;
import static io.renlayer.streams.topology.TopologyFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

/** Each security event type, keyed by tenant; the fixture checks every one against the JSON Schema. */
class SecurityEventsTest extends TopologyTestSupport {

    @Test
    void policyDenyIsADeniedHttpActivity() {
        String policy = newId(IdType.POLICY);
        RequestEvent denied = events.request("s-1", START, Decision.DENY, policy, List.of());
        topology.send(denied);

        HttpActivity event = (HttpActivity) only(SecurityEventTypes.POLICY_DENIED);
        assertThat(event.typeUid()).isEqualTo(400206);
        assertThat(event.activityName()).isEqualTo("Post");
        assertThat(event.actionId()).isEqualTo(SecurityControl.ACTION_DENIED);
        assertThat(event.dispositionId()).isEqualTo(SecurityControl.DISPOSITION_BLOCKED);
        assertThat(event.severityId()).isEqualTo(Ocsf.SEVERITY_MEDIUM);
        assertThat(event.policy()).isEqualTo(new Ocsf.Policy(policy, null, "destructive"));
        assertThat(event.httpRequest().url().path()).isEqualTo("/v1/chat/completions");
        assertThat(event.actor().user().uid()).isEqualTo(events.agentId);
        assertThat(event.actor().user().credentialUid()).isEqualTo(events.keyId);
        assertThat(event.actor().session().uid()).isEqualTo("s-1");
        assertThat(event.time()).isEqualTo(START.toEpochMilli());
        assertThat(event.metadata().originalEventUid()).isEqualTo(denied.eventId());
        assertThat(event.metadata().correlationUid()).isEqualTo(denied.traceId());
        assertThat(event.unmapped().traceId()).isEqualTo(denied.traceId());
    }

    @Test
    void dlpBlockIsAHighSeverityFindingWithTheMaskedFindings() {
        List<DlpFinding> findings = List.of(Events.finding("payment_card", DlpAction.BLOCK),
                Events.finding("email", DlpAction.REDACT));
        topology.send(events.request("s-1", START, Decision.DLP_BLOCK, null, findings));

        DataSecurityFinding event = (DataSecurityFinding) only(SecurityEventTypes.DLP_BLOCKED);
        assertThat(event.severityId()).isEqualTo(Ocsf.SEVERITY_HIGH);
        assertThat(event.actionId()).isEqualTo(SecurityControl.ACTION_DENIED);
        assertThat(event.isAlert()).isTrue();
        assertThat(event.dataSecurity().detectionPattern()).isEqualTo("email, payment_card");
        assertThat(event.findingInfo().uid()).isEqualTo(event.metadata().uid());
        assertThat(event.unmapped().findings()).isEqualTo(findings);
    }

    @Test
    void dlpRedactionIsALowSeverityCorrectedFinding() {
        topology.send(events.request("s-1", START, Decision.ALLOW, null,
                List.of(Events.finding("email", DlpAction.REDACT))));

        DataSecurityFinding event = (DataSecurityFinding) only(SecurityEventTypes.DLP_REDACTED);
        assertThat(event.severityId()).isEqualTo(Ocsf.SEVERITY_LOW);
        assertThat(event.actionId()).isEqualTo(SecurityControl.ACTION_MODIFIED);
        assertThat(event.dispositionId()).isEqualTo(SecurityControl.DISPOSITION_CORRECTED);
        assertThat(event.isAlert()).isFalse();
    }

    @Test
    void keyRevocationIsAnEntityManagementDisable() {
        KeyRevoked revoked = events.keyRevoked(START);
        topology.send(revoked);

        EntityManagement event = (EntityManagement) only(SecurityEventTypes.KEY_REVOKED);
        assertThat(event.typeUid()).isEqualTo(300409);
        assertThat(event.entity().uid()).isEqualTo(events.keyId);
        assertThat(event.entity().name()).isEqualTo("rl_AbCd1234");
        assertThat(event.entity().user().uid()).isEqualTo(events.agentId);
        assertThat(event.actor().user().uid()).isEqualTo(revoked.actorId());
        assertThat(event.metadata().originalEventUid()).isEqualTo(revoked.eventId());
    }

    @Test
    void otherRequestsAndDuplicatesMakeNoSecurityEvent() {
        RequestEvent denied = events.request(null, START, Decision.DENY, null, List.of());
        topology.send(denied, denied,
                events.request(null, START, Decision.ALLOW, null, List.of(Events.finding("phone", DlpAction.LOG))),
                events.request(null, START, Decision.ERROR, null, List.of()));

        assertThat(topology.securityEvents.values()).singleElement()
                .satisfies(event -> assertThat(((HttpActivity) event).policy().name()).isEqualTo("default policy action"));
    }

    /** The one security event written, after checking its key and type. */
    private SecurityEvent only(String type) {
        List<KeyValue<String, SecurityEvent>> written = topology.securityEvents.read();
        assertThat(written).hasSize(1);
        assertThat(written.getFirst().key).isEqualTo(events.tenantId);
        SecurityEvent event = written.getFirst().value;
        assertThat(event.unmapped().eventType()).isEqualTo(type);
        assertThat(event.unmapped().tenantId()).isEqualTo(events.tenantId);
        assertThat(event.unmapped().agentId()).isEqualTo(events.agentId);
        assertThat(event.metadata().tenantUid()).isEqualTo(events.tenantId);
        assertThat(event.metadata().product()).isEqualTo(Ocsf.PRODUCT);
        return event;
    }
}
