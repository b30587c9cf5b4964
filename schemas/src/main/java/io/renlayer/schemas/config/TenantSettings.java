package io.renlayer.schemas.config;

import java.util.Map;

/**
 * Tenant-wide behaviour of the data plane.
 *
 * @param bodyCaptureMaxBytes cap on captured (already redacted) bodies in request events
 * @param failOpen            forward when the policy/DLP engine errors (default: refuse, fail closed)
 * @param responseDlp         also run DLP on upstream responses, streams included
 * @param oidc                optional OIDC issuer for operator log-in; null when not configured
 * @param upstreams           named upstreams: an agent calls {@code <proxy>/<name>/<path>} and the proxy
 *                            forwards to {@code <base URL><path>}
 */
public record TenantSettings(
        AuditMode auditMode,
        int retentionDays,
        boolean bodyCapture,
        int bodyCaptureMaxBytes,
        PolicyAction defaultPolicyAction,
        boolean failOpen,
        boolean responseDlp,
        OidcSettings oidc,
        Map<String, String> upstreams) {

    /** What a new tenant starts with: the two big LLM APIs, so the official SDKs work at once. */
    public static final Map<String, String> DEFAULT_UPSTREAMS = Map.of(
            "openai", "https://api.openai.com",
            "anthropic", "https://api.anthropic.com");

    public TenantSettings {
        upstreams = upstreams == null ? Map.of() : Map.copyOf(upstreams);
    }

    /** These settings with {@code more} named upstreams added (or re-pointed). */
    public TenantSettings withUpstreams(Map<String, String> more) {
        Map<String, String> merged = new java.util.HashMap<>(upstreams);
        merged.putAll(more);
        return new TenantSettings(auditMode, retentionDays, bodyCapture, bodyCaptureMaxBytes, defaultPolicyAction,
                failOpen, responseDlp, oidc, merged);
    }

    public static TenantSettings defaults() {
        return new TenantSettings(AuditMode.STRICT, 7, false, 16_384, PolicyAction.ALLOW, false, false, null,
                DEFAULT_UPSTREAMS);
    }
}
