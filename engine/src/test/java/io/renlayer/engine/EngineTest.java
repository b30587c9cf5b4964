package io.renlayer.engine;

import io.renlayer.engine.dlp.StreamingDlpScanner;
import io.renlayer.engine.policy.EvaluationRequest;
import io.renlayer.schemas.config.PolicyAction;
import io.renlayer.schemas.config.PolicyMatch;
import io.renlayer.schemas.config.PolicyRule;
import io.renlayer.schemas.config.TenantConfigSnapshot;
import io.renlayer.schemas.config.TenantSettings;
import io.renlayer.schemas.events.Decision;
import io.renlayer.schemas.events.DlpFinding;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EngineTest {

    private static final String SECRET_BODY = "{\"messages\":[{\"content\":\"key AKIAIOSFODNN7EXAMPLE\"}]}";
    private static final String CARD_BODY = "{\"messages\":[{\"content\":\"card 4111111111111111\"}]}";

    private static Engine engine(PolicyAction defaultAction, PolicyRule... policies) {
        TenantSettings defaults = TenantSettings.defaults();
        TenantSettings settings = new TenantSettings(defaults.auditMode(), defaults.retentionDays(), defaults.bodyCapture(),
                defaults.bodyCaptureMaxBytes(), defaultAction, defaults.failOpen(), defaults.responseDlp(), null, Map.of());
        return Engine.compile(new TenantConfigSnapshot("tenant_01HX0000000000000000000000", 1, Instant.EPOCH, settings,
                List.of(), List.of(), List.of(policies), List.of(), List.of(), List.of(), List.of(), List.of()));
    }

    private static EvaluationRequest post(String path, String body) {
        return new EvaluationRequest("agent_01HX0000000000000000000000", "POST", "api.openai.com", path, Map.of(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static PolicyRule denyPath(String glob) {
        return new PolicyRule("pol_deny", "no files", 1, true, new PolicyMatch(null, null, null, List.of(glob), null, null),
                PolicyAction.DENY, "files are off limits");
    }

    @Test
    void aDenyingPolicyShortCircuitsDlp() {
        Evaluation evaluation = engine(PolicyAction.ALLOW, denyPath("/v1/files/**")).evaluate(post("/v1/files/x", SECRET_BODY));

        assertThat(evaluation.decision()).isEqualTo(Decision.DENY);
        assertThat(evaluation.policyId()).isEqualTo("pol_deny");
        assertThat(evaluation.reason()).isEqualTo("files are off limits");
        assertThat(evaluation.findings()).isEmpty();
    }

    @Test
    void aBlockingFindingBlocksAnAllowedRequest() {
        Evaluation evaluation = engine(PolicyAction.ALLOW, denyPath("/v1/files/**")).evaluate(post("/v1/chat/completions", SECRET_BODY));

        assertThat(evaluation.decision()).isEqualTo(Decision.DLP_BLOCK);
        assertThat(evaluation.policyId()).isNull();
        assertThat(evaluation.reason()).isEqualTo("blocked by DLP: aws_access_key");
        assertThat(evaluation.findings()).extracting(DlpFinding::location).containsExactly("/messages/0/content");
    }

    @Test
    void anAllowedRequestIsForwardedRedacted() {
        PolicyRule allowChat = new PolicyRule("pol_chat", "chat", 1, true,
                new PolicyMatch(null, List.of("POST"), null, List.of("/v1/chat/**"), null, null), PolicyAction.ALLOW, null);

        Evaluation evaluation = engine(PolicyAction.DENY, allowChat).evaluate(post("/v1/chat/completions", CARD_BODY));

        assertThat(evaluation.decision()).isEqualTo(Decision.ALLOW);
        assertThat(evaluation.policyId()).isEqualTo("pol_chat");
        assertThat(evaluation.findings()).extracting(DlpFinding::detectorName).containsExactly("payment_card");
        assertThat(new String(evaluation.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"messages\":[{\"content\":\"card [REDACTED:payment_card]\"}]}");
    }

    @Test
    void theTenantDefaultDecidesWhenNoPolicyMatches() {
        Evaluation evaluation = engine(PolicyAction.DENY).evaluate(post("/v1/chat/completions", CARD_BODY));

        assertThat(evaluation.decision()).isEqualTo(Decision.DENY);
        assertThat(evaluation.policyId()).isNull();
        assertThat(evaluation.reason()).isEqualTo("no policy matched; tenant default is deny");
    }

    @Test
    void aResponseScannerAppliesTheTenantsDlpToAStream() {
        StreamingDlpScanner response = engine(PolicyAction.ALLOW).newResponseScanner();
        byte[] chunk = "data: key AKIAIOSFODNN7EXAMPLE\n\n".getBytes(StandardCharsets.UTF_8);

        assertThat(new String(response.feed(chunk, 0, chunk.length), StandardCharsets.UTF_8)).isEqualTo("data: key ");
        assertThat(response.blocked()).isTrue();
        assertThat(response.findings()).extracting(DlpFinding::detectorName).containsExactly("aws_access_key");
    }

    @Test
    void aSnapshotWithoutSettingsOrListsUsesDefaults() {
        Engine engine = Engine.compile(new TenantConfigSnapshot("tenant_01HX0000000000000000000000", 1, Instant.EPOCH,
                null, null, null, null, null, null, null, null, null));

        Evaluation evaluation = engine.evaluate(post("/v1/chat/completions", CARD_BODY));

        assertThat(evaluation.decision()).isEqualTo(Decision.ALLOW);
        assertThat(evaluation.findings()).hasSize(1);
    }
}
