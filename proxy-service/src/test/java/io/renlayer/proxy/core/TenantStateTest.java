package io.renlayer.proxy.core;

import io.renlayer.engine.policy.EvaluationRequest;
import io.renlayer.schemas.config.AgentEntry;
import io.renlayer.schemas.config.AuditMode;
import io.renlayer.schemas.config.CustomPattern;
import io.renlayer.schemas.config.DlpAction;
import io.renlayer.schemas.config.PolicyAction;
import io.renlayer.schemas.config.TenantConfigSnapshot;
import io.renlayer.schemas.config.TenantSettings;
import io.renlayer.schemas.events.Decision;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TenantStateTest {

    private static final EvaluationRequest REQUEST = new EvaluationRequest(TypedId.newId(IdType.AGENT), "POST",
            "api.openai.com", "/v1/chat/completions", Map.of(), "{\"q\":\"hi\"}".getBytes(StandardCharsets.UTF_8));

    /** A snapshot whose custom pattern is not valid RE2: the API validates, but the proxy must not trust that. */
    private static TenantState brokenTenant(boolean failOpen) {
        TenantSettings settings = new TenantSettings(AuditMode.STRICT, 7, false, 0, PolicyAction.ALLOW, failOpen, false,
                null, Map.of());
        return TenantState.compile(new TenantConfigSnapshot(TypedId.newId(IdType.TENANT), 1, Instant.now(), settings,
                List.of(new AgentEntry(REQUEST.agentId(), "bot", true)), List.of(), List.of(), List.of(),
                List.of(new CustomPattern(TypedId.newId(IdType.PATTERN), "broken", "(unclosed", DlpAction.BLOCK, true)),
                List.of(), List.of(), List.of()));
    }

    @Test
    void aTenantWhoseEngineCannotRunFailsClosed() {
        TenantState tenant = brokenTenant(false);

        assertThat(tenant.usable()).isFalse();
        assertThat(tenant.judge(REQUEST).decision()).isEqualTo(Decision.ERROR);
    }

    @Test
    void aTenantThatChoseFailOpenIsForwardedUnchanged() {
        TenantState tenant = brokenTenant(true);

        assertThat(tenant.judge(REQUEST).decision()).isEqualTo(Decision.ALLOW);
        assertThat(tenant.judge(REQUEST).body()).isEqualTo(REQUEST.body());
    }
}
