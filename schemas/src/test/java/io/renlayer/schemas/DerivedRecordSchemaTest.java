package io.renlayer.schemas;

import com.networknt.schema.Schema;
import io.renlayer.schemas.config.AuditMode;
import io.renlayer.schemas.config.DlpAction;
import io.renlayer.schemas.events.Decision;
import io.renlayer.schemas.events.DlpFinding;
import io.renlayer.schemas.events.SecurityEventTypes;
import io.renlayer.schemas.events.TokenUsage;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.json.JsonSerde;
import io.renlayer.schemas.sessions.DecisionCounts;
import io.renlayer.schemas.sessions.LatencyStats;
import io.renlayer.schemas.sessions.SessionState;
import io.renlayer.schemas.sessions.SessionSummary;
import io.renlayer.schemas.siem.DataSecurityFinding;
import io.renlayer.schemas.siem.EntityManagement;
import io.renlayer.schemas.siem.HttpActivity;
import io.renlayer.schemas.siem.Ocsf;
import io.renlayer.schemas.siem.RenLayerContext;
import io.renlayer.schemas.siem.SecurityControl;
import io.renlayer.schemas.siem.SecurityEvent;
import io.renlayer.schemas.traces.Trace;
import io.renlayer.schemas.traces.TraceStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.renlayer.schemas.JsonSchemas.errors;
import static io.renlayer.schemas.JsonSchemas.read;
import static io.renlayer.schemas.JsonSchemas.schema;
import static io.renlayer.schemas.JsonSchemas.write;
import static io.renlayer.schemas.ids.TypedId.newId;
import static org.assertj.core.api.Assertions.assertThat;

/** Traces, session summaries and security events (what streams-processor writes) against their JSON Schemas. */
class DerivedRecordSchemaTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123456Z");
    private static final String TENANT = newId(IdType.TENANT);
    private static final String AGENT = newId(IdType.AGENT);
    private static final String KEY = newId(IdType.KEY);
    private static final String TRACE = newId(IdType.TRACE);
    private static final DlpFinding FINDING = new DlpFinding(newId(IdType.DETECTOR), "payment_card",
            "/messages/0/content", 10, 29, DlpAction.BLOCK, "41…11");

    private final Schema traceSchema = schema("trace.v1.schema.json");
    private final Schema securitySchema = schema("security-event.v1.schema.json");

    @Test
    void completedAndIncompleteTracesConform() {
        Trace incomplete = new Trace(TRACE, TENANT, AGENT, KEY, null, "POST", "api.openai.com:8443",
                "/v1/chat/completions", Decision.ALLOW, null, null, null, null, TraceStatus.INCOMPLETE, null, null,
                null, null, 120, null, null, AuditMode.STRICT, null, NOW, null);
        Trace completed = new Trace(TRACE, TENANT, AGENT, KEY, "s-1", "POST", "api.openai.com", "/v1/chat/completions",
                Decision.DENY, newId(IdType.POLICY), "no tools", List.of(FINDING), List.of(FINDING),
                TraceStatus.COMPLETED, 403, "denied", 0L, 900L, 120, 80L, new TokenUsage(1, 2, 3), AuditMode.ASYNC,
                "{\"a\":1}", NOW, NOW.plusMillis(1));
        JsonSerde<Trace> serde = new JsonSerde<>(Trace.class);
        for (Trace trace : List.of(incomplete, completed)) {
            String json = write(serde, trace);
            assertThat(errors(traceSchema, json)).as(json).isEmpty();
            assertThat(read(serde, json)).isEqualTo(trace);
        }
        String incompleteJson = write(serde, incomplete);
        assertThat(errors(traceSchema, incompleteJson.replace("\"status\":\"incomplete\"", "\"status\":\"completed\"")))
                .as("completed without the completion's fields").isNotEmpty();
        assertThat(errors(traceSchema, write(serde, completed).replace("\"status\":\"completed\"",
                "\"status\":\"incomplete\""))).as("incomplete with the completion's fields").isNotEmpty();
    }

    @Test
    void sessionSummaryConformsWithItsMean() {
        SessionSummary summary = new SessionSummary(TENANT, "ticket-4711", SessionState.CLOSED, NOW, NOW.plusSeconds(9),
                3, 1, List.of(AGENT), new DecisionCounts(2, 1, 0, 0), 4, new TokenUsage(10, 20, 30),
                new LatencyStats(2, 3000, 2000));
        JsonSerde<SessionSummary> serde = new JsonSerde<>(SessionSummary.class);
        String json = write(serde, summary);

        assertThat(errors(schema("session.v1.schema.json"), json)).as(json).isEmpty();
        assertThat(json).contains("\"mean_micros\":1500").contains("\"state\":\"closed\"");
        assertThat(read(serde, json)).isEqualTo(summary);
    }

    @Test
    void everySecurityEventClassConformsAndReadsBackAsItsClass() {
        JsonSerde<SecurityEvent> serde = new JsonSerde<>(SecurityEvent.class);
        for (SecurityEvent event : List.of(policyDenied(), dlp(SecurityEventTypes.DLP_BLOCKED), keyRevoked())) {
            String json = write(serde, event);
            assertThat(errors(securitySchema, json)).as(json).isEmpty();
            assertThat(read(serde, json)).isEqualTo(event);
        }
        assertThat(write(serde, policyDenied()))
                .contains("\"class_uid\":4002", "\"type_uid\":400206", "\"type_name\":\"HTTP Activity: Post\"",
                        "\"action\":\"Denied\"", "\"disposition\":\"Blocked\"", "\"is_alert\":true",
                        "\"severity\":\"Medium\"");
        assertThat(write(serde, keyRevoked())).contains("\"class_uid\":3004", "\"type_uid\":300409");
        assertThat(write(serde, dlp(SecurityEventTypes.DLP_BLOCKED)))
                .contains("\"class_uid\":2006", "\"type_uid\":200601", "\"status\":\"New\"");
    }

    @Test
    void securityEventSchemaRejectsWhatItDoesNotDescribe() {
        JsonSerde<SecurityEvent> serde = new JsonSerde<>(SecurityEvent.class);
        String denied = write(serde, policyDenied());
        String finding = write(serde, dlp(SecurityEventTypes.DLP_REDACTED));

        assertThat(errors(securitySchema, denied.replace("policy.denied", "dlp.blocked")))
                .as("an event type of another class").isNotEmpty();
        assertThat(errors(securitySchema, finding.replace("[\"security_control\"]", "[]")))
                .as("a control outcome without its profile").isNotEmpty();
        assertThat(errors(securitySchema, denied.replace("\"is_alert\":true", "\"is_alert\":true,\"extra\":1")))
                .as("an attribute not described").isNotEmpty();
        assertThat(errors(securitySchema, denied.replace("\"time\":", "\"time_ms\":"))).isNotEmpty();
    }

    private static HttpActivity policyDenied() {
        return new HttpActivity(HttpActivity.activityOf("post"), NOW.toEpochMilli(), Ocsf.SEVERITY_MEDIUM, "denied",
                SecurityControl.ACTION_DENIED, SecurityControl.DISPOSITION_BLOCKED, true,
                new Ocsf.Policy(newId(IdType.POLICY), null, "no tools"),
                new Ocsf.HttpRequest("POST", new Ocsf.Url("api.openai.com", 8443, "/v1/chat/completions")),
                new Ocsf.Endpoint("api.openai.com", 8443), actor(), metadata(true),
                context(SecurityEventTypes.POLICY_DENIED, null));
    }

    private static DataSecurityFinding dlp(String type) {
        boolean blocked = type.equals(SecurityEventTypes.DLP_BLOCKED);
        return new DataSecurityFinding(NOW.toEpochMilli(), blocked ? Ocsf.SEVERITY_HIGH : Ocsf.SEVERITY_LOW, "dlp",
                blocked ? SecurityControl.ACTION_DENIED : SecurityControl.ACTION_MODIFIED,
                blocked ? SecurityControl.DISPOSITION_BLOCKED : SecurityControl.DISPOSITION_CORRECTED, blocked,
                new Ocsf.FindingInfo(newId(IdType.EVENT), "Sensitive data", List.of(type)),
                new Ocsf.DataSecurity(2, "Data in-Transit", 2, "DLP Gateway", "payment_card"),
                new Ocsf.Endpoint("api.openai.com", null), actor(), metadata(true), context(type, List.of(FINDING)));
    }

    private static EntityManagement keyRevoked() {
        return new EntityManagement(NOW.toEpochMilli(), Ocsf.SEVERITY_INFORMATIONAL, "revoked",
                new Ocsf.ManagedEntity(KEY, "rl_AbCd1234", "API Key", Ocsf.User.agent(AGENT, null)),
                new Ocsf.Actor(new Ocsf.User(newId(IdType.USER), null, null, null), null),
                new Ocsf.Metadata(Ocsf.VERSION, Ocsf.PRODUCT, newId(IdType.EVENT), newId(IdType.EVENT), null, TENANT,
                        null),
                new RenLayerContext(SecurityEventTypes.KEY_REVOKED, TENANT, AGENT, KEY, null, null, null, null, null,
                        null, null));
    }

    private static Ocsf.Actor actor() {
        return new Ocsf.Actor(Ocsf.User.agent(AGENT, KEY), new Ocsf.Session("s-1"));
    }

    private static Ocsf.Metadata metadata(boolean control) {
        return new Ocsf.Metadata(Ocsf.VERSION, Ocsf.PRODUCT, newId(IdType.EVENT), newId(IdType.EVENT), TRACE, TENANT,
                control ? List.of(Ocsf.SECURITY_CONTROL_PROFILE) : null);
    }

    private static RenLayerContext context(String type, List<DlpFinding> findings) {
        return new RenLayerContext(type, TENANT, AGENT, KEY, TRACE, "s-1", "POST", "api.openai.com:8443",
                "/v1/chat/completions", null, findings);
    }
}
