package io.renlayer.ops.bench;

import io.renlayer.engine.dlp.DetectorCatalogue;
import io.renlayer.schemas.config.AgentEntry;
import io.renlayer.schemas.config.AuditMode;
import io.renlayer.schemas.config.DetectorSetting;
import io.renlayer.schemas.config.DlpAction;
import io.renlayer.schemas.config.KeyEntry;
import io.renlayer.schemas.config.PolicyAction;
import io.renlayer.schemas.config.PolicyMatch;
import io.renlayer.schemas.config.PolicyRule;
import io.renlayer.schemas.config.TenantConfigSnapshot;
import io.renlayer.schemas.config.TenantSettings;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant as the benchmark configures it: one enabled agent with one key, the upstream {@code mock}, every
 * built-in detector on (action log, so nothing is refused or rewritten and all sixteen scan every body),
 * default ALLOW, and a few policies that never match these requests but are evaluated on each — the work a
 * realistically configured tenant costs, not an empty configuration's.
 */
record BenchTenant(AuditMode mode, String tenantId, String agentId, String secret, String mockBaseUrl) {

    static BenchTenant of(AuditMode mode, String mockBaseUrl) {
        String secret = "rl_" + UUID.randomUUID().toString().replace("-", "");
        return new BenchTenant(mode, TypedId.newId(IdType.TENANT), TypedId.newId(IdType.AGENT), secret, mockBaseUrl);
    }

    /** What the API's outbox would publish on the config topic for this tenant. */
    TenantConfigSnapshot snapshot() {
        TenantSettings defaults = TenantSettings.defaults();
        TenantSettings settings = new TenantSettings(mode, defaults.retentionDays(), false,
                defaults.bodyCaptureMaxBytes(), PolicyAction.ALLOW, false, false, null, Map.of("mock", mockBaseUrl));
        KeyEntry key = new KeyEntry(TypedId.newId(IdType.KEY), agentId, KeyEntry.secretSha256Of(secret),
                secret.substring(0, 11));
        List<DetectorSetting> detectors = DetectorCatalogue.all().stream()
                .map(d -> new DetectorSetting(d.id(), d.name(), true, DlpAction.LOG))
                .toList();
        return new TenantConfigSnapshot(tenantId, 1, Instant.now(), settings,
                List.of(new AgentEntry(agentId, "bench-agent", true)), List.of(key), policies(), detectors,
                List.of(), List.of(), List.of(), List.of());
    }

    /** Each fails on a different condition, so the engine checks methods, hosts, paths, headers and the body. */
    private List<PolicyRule> policies() {
        return List.of(
                policy(10, "no deletes on the CRM", PolicyAction.DENY,
                        new PolicyMatch(null, List.of("DELETE"), List.of("crm.example.com"), null, null, null)),
                policy(20, "no admin paths", PolicyAction.DENY,
                        new PolicyMatch(null, null, null, List.of("/v1/admin/**", "/internal/**"), null, null)),
                policy(30, "no debug header", PolicyAction.DENY,
                        new PolicyMatch(null, null, null, null, Map.of("X-Debug-Mode", "*"), null)),
                policy(40, "no destructive SQL in prompts", PolicyAction.DENY,
                        new PolicyMatch(List.of(agentId), List.of("POST"), null, null, null,
                                List.of("DROP TABLE", "TRUNCATE TABLE"))),
                policy(50, "other agent to the billing API", PolicyAction.DENY,
                        new PolicyMatch(List.of(TypedId.newId(IdType.AGENT)), null, List.of("*.billing.example.com"),
                                null, null, null)));
    }

    private static PolicyRule policy(int priority, String name, PolicyAction action, PolicyMatch match) {
        return new PolicyRule(TypedId.newId(IdType.POLICY), name, priority, true, match, action, name);
    }
}
