package io.renlayer.api.api;

import io.renlayer.api.core.Checks;
import io.renlayer.api.core.UrlGuard;
import io.renlayer.schemas.config.AuditMode;
import io.renlayer.schemas.config.OidcSettings;
import io.renlayer.schemas.config.PolicyAction;
import io.renlayer.schemas.config.TenantSettings;

import java.util.Map;
import java.util.regex.Pattern;

/** PATCH of a tenant: every field optional; {@code settings} fields too. */
public record TenantPatch(String name, SettingsPatch settings) {

    private static final Pattern UPSTREAM_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final int MAX_UPSTREAMS = 50;

    public record SettingsPatch(AuditMode auditMode, Integer retentionDays, Boolean bodyCapture,
                                Integer bodyCaptureMaxBytes, PolicyAction defaultPolicyAction, Boolean failOpen,
                                Boolean responseDlp, OidcSettings oidc, Boolean clearOidc,
                                Map<String, String> upstreams) {

        /** A patch of the named upstreams alone. */
        public static SettingsPatch upstreams(Map<String, String> upstreams) {
            return new SettingsPatch(null, null, null, null, null, null, null, null, null, upstreams);
        }
    }

    /** @param urls the SSRF guard: the API fetches the issuer's discovery document and JWKS itself */
    public void validate(UrlGuard urls) {
        Checks checks = new Checks();
        if (name != null) {
            checks.text(name, "name", 200);
        }
        if (settings != null) {
            Integer days = settings.retentionDays();
            checks.require(days == null || (days >= 1 && days <= 365), "settings.retention_days", "must be 1 to 365");
            Integer cap = settings.bodyCaptureMaxBytes();
            checks.require(cap == null || (cap >= 0 && cap <= 1_048_576), "settings.body_capture_max_bytes",
                    "must be 0 to 1048576");
            OidcSettings oidc = settings.oidc();
            if (oidc != null) {
                String issuerProblem = oidc.issuer() == null ? "is required" : urls.problem(oidc.issuer());
                String jwksProblem = oidc.jwksUri() == null ? null : urls.problem(oidc.jwksUri());
                checks.require(issuerProblem == null, "settings.oidc.issuer", issuerProblem)
                        .text(oidc.audience(), "settings.oidc.audience", 500)
                        .require(jwksProblem == null, "settings.oidc.jwks_uri", jwksProblem);
            }
            validateUpstreams(settings.upstreams(), urls, checks);
        }
        checks.orThrow();
    }

    private static void validateUpstreams(Map<String, String> upstreams, UrlGuard urls, Checks checks) {
        if (upstreams == null) {
            return;
        }
        checks.require(upstreams.size() <= MAX_UPSTREAMS, "settings.upstreams", "must have at most " + MAX_UPSTREAMS);
        upstreams.forEach((name, url) -> {
            boolean named = UPSTREAM_NAME.matcher(name).matches();
            checks.require(named, "settings.upstreams", "names are 1 to 32 lowercase letters, digits and dashes");
            String problem = url == null ? "is required" : urls.baseUrlProblem(url);
            checks.require(!named || problem == null, "settings.upstreams." + name, problem);
        });
    }

    public TenantSettings applyTo(TenantSettings s) {
        if (settings == null) {
            return s;
        }
        SettingsPatch p = settings;
        OidcSettings oidc = Boolean.TRUE.equals(p.clearOidc()) ? null : p.oidc() != null ? p.oidc() : s.oidc();
        return new TenantSettings(
                p.auditMode() != null ? p.auditMode() : s.auditMode(),
                p.retentionDays() != null ? p.retentionDays() : s.retentionDays(),
                p.bodyCapture() != null ? p.bodyCapture() : s.bodyCapture(),
                p.bodyCaptureMaxBytes() != null ? p.bodyCaptureMaxBytes() : s.bodyCaptureMaxBytes(),
                p.defaultPolicyAction() != null ? p.defaultPolicyAction() : s.defaultPolicyAction(),
                p.failOpen() != null ? p.failOpen() : s.failOpen(),
                p.responseDlp() != null ? p.responseDlp() : s.responseDlp(),
                oidc,
                p.upstreams() != null ? p.upstreams() : s.upstreams());
    }
}
