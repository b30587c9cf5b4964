package io.renlayer.schemas.config;

import java.time.Instant;
import java.util.List;

/**
 * The whole configuration of one tenant as the data plane needs it, published on the compacted
 * config topic after every committed change. {@code version} only grows, so a consumer can drop a
 * snapshot older than the one it holds (the relay is at-least-once).
 */
public record TenantConfigSnapshot(
        String tenantId,
        long version,
        Instant generatedAt,
        TenantSettings settings,
        List<AgentEntry> agents,
        List<KeyEntry> keys,
        List<PolicyRule> policies,
        List<DetectorSetting> detectors,
        List<CustomPattern> patterns,
        List<AllowList> allowLists,
        List<WebhookEndpoint> webhooks,
        List<SigningSecret> signingSecrets) {
}
