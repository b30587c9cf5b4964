package io.renlayer.schemas.config;

/**
 * Tenant-wide behaviour of the data plane.
 *
 * @param bodyCaptureMaxBytes cap on captured (already redacted) bodies in request events
 * @param failOpen            forward when the policy/DLP engine errors (default: refuse, fail closed)
 * @param responseDlp         also run DLP on upstream responses, streams included
 * @param oidc                optional OIDC issuer for operator log-in; null when not configured
 */
public record TenantSettings(
        AuditMode auditMode,
        int retentionDays,
        boolean bodyCapture,
        int bodyCaptureMaxBytes,
        PolicyAction defaultPolicyAction,
        boolean failOpen,
        boolean responseDlp,
        OidcSettings oidc) {

    public static TenantSettings defaults() {
        return new TenantSettings(AuditMode.STRICT, 7, false, 16_384, PolicyAction.ALLOW, false, false, null);
    }
}
