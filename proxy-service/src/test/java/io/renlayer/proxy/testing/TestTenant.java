package io.renlayer.proxy.testing;

import io.renlayer.schemas.config.AgentEntry;
import io.renlayer.schemas.config.AllowList;
import io.renlayer.schemas.config.AuditMode;
import io.renlayer.schemas.config.CustomPattern;
import io.renlayer.schemas.config.DetectorSetting;
import io.renlayer.schemas.config.KeyEntry;
import io.renlayer.schemas.config.PolicyAction;
import io.renlayer.schemas.config.PolicyRule;
import io.renlayer.schemas.config.TenantConfigSnapshot;
import io.renlayer.schemas.config.TenantSettings;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant with one agent and one key, described the way the API would publish it on the config topic.
 * Each change bumps the snapshot version, as the API's outbox does.
 */
public final class TestTenant {

    public final String tenantId = TypedId.newId(IdType.TENANT);
    public final String agentId = TypedId.newId(IdType.AGENT);
    public final String keyId = TypedId.newId(IdType.KEY);
    public final String secret = "rl_" + UUID.randomUUID().toString().replace("-", "") + "x".repeat(8);

    private long version;
    private TenantSettings settings;
    private boolean keyActive = true;
    public final List<PolicyRule> policies = new ArrayList<>();
    public final List<DetectorSetting> detectors = new ArrayList<>();
    public final List<CustomPattern> patterns = new ArrayList<>();
    public final List<AllowList> allowLists = new ArrayList<>();

    /** @param upstreams named upstreams, as in the tenant's settings */
    public TestTenant(AuditMode auditMode, Map<String, String> upstreams) {
        TenantSettings d = TenantSettings.defaults();
        settings = new TenantSettings(auditMode, d.retentionDays(), false, d.bodyCaptureMaxBytes(), PolicyAction.ALLOW,
                false, false, null, upstreams);
    }

    public TestTenant failOpen(boolean failOpen) {
        TenantSettings s = settings;
        settings = new TenantSettings(s.auditMode(), s.retentionDays(), s.bodyCapture(), s.bodyCaptureMaxBytes(),
                s.defaultPolicyAction(), failOpen, s.responseDlp(), null, s.upstreams());
        return this;
    }

    public TestTenant captureBodies(int maxBytes) {
        TenantSettings s = settings;
        settings = new TenantSettings(s.auditMode(), s.retentionDays(), true, maxBytes, s.defaultPolicyAction(),
                s.failOpen(), s.responseDlp(), null, s.upstreams());
        return this;
    }

    public TestTenant defaultAction(PolicyAction action) {
        TenantSettings s = settings;
        settings = new TenantSettings(s.auditMode(), s.retentionDays(), s.bodyCapture(), s.bodyCaptureMaxBytes(),
                action, s.failOpen(), s.responseDlp(), null, s.upstreams());
        return this;
    }

    public TestTenant responseDlp(boolean responseDlp) {
        TenantSettings s = settings;
        settings = new TenantSettings(s.auditMode(), s.retentionDays(), s.bodyCapture(), s.bodyCaptureMaxBytes(),
                s.defaultPolicyAction(), s.failOpen(), responseDlp, null, s.upstreams());
        return this;
    }

    public TestTenant revokeKey() {
        keyActive = false;
        return this;
    }

    /** The next snapshot: every change of the API publishes a whole, newer one. */
    public TenantConfigSnapshot nextSnapshot() {
        version++;
        List<KeyEntry> keys = keyActive
                ? List.of(new KeyEntry(keyId, agentId, KeyEntry.secretSha256Of(secret), secret.substring(0, 11)))
                : List.of();
        return new TenantConfigSnapshot(tenantId, version, Instant.now(), settings,
                List.of(new AgentEntry(agentId, "test-agent", true)), keys, List.copyOf(policies),
                List.copyOf(detectors), List.copyOf(patterns), List.copyOf(allowLists), List.of(), List.of());
    }
}
