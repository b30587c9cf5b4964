package io.renlayer.streams.security;

import io.renlayer.schemas.config.DlpAction;
import io.renlayer.schemas.events.ControlEvent;
import io.renlayer.schemas.events.DlpFinding;
import io.renlayer.schemas.events.KeyRevoked;
import io.renlayer.schemas.events.RequestEvent;
import io.renlayer.schemas.siem.DataSecurityFinding;
import io.renlayer.schemas.siem.EntityManagement;
import io.renlayer.schemas.siem.HttpActivity;
import io.renlayer.schemas.siem.Ocsf;
import io.renlayer.schemas.siem.RenLayerContext;
import io.renlayer.schemas.siem.SecurityEvent;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.renlayer.schemas.events.SecurityEventTypes.DLP_BLOCKED;
import static io.renlayer.schemas.events.SecurityEventTypes.DLP_REDACTED;
import static io.renlayer.schemas.events.SecurityEventTypes.KEY_REVOKED;
import static io.renlayer.schemas.events.SecurityEventTypes.POLICY_DENIED;
import static io.renlayer.schemas.siem.SecurityControl.ACTION_DENIED;
import static io.renlayer.schemas.siem.SecurityControl.ACTION_MODIFIED;
import static io.renlayer.schemas.siem.SecurityControl.DISPOSITION_BLOCKED;
import static io.renlayer.schemas.siem.SecurityControl.DISPOSITION_CORRECTED;

/** RenLayer's events as OCSF security events; {@code docs/siem.md} tabulates the mapping. */
public final class SecurityEvents {

    /** A denied, DLP-blocked or redacted request is a security event; other requests (log findings too) are not. */
    public static Optional<SecurityEvent> fromRequest(RequestEvent request) {
        return switch (request.decision()) {
            case DENY -> Optional.of(policyDenied(request));
            case DLP_BLOCK -> Optional.of(dlpFinding(request, DLP_BLOCKED));
            case ALLOW -> request.findings().stream().anyMatch(f -> f.action() == DlpAction.REDACT)
                    ? Optional.of(dlpFinding(request, DLP_REDACTED)) : Optional.empty();
            case ERROR -> Optional.empty();
        };
    }

    public static Optional<SecurityEvent> fromControl(ControlEvent event) {
        return switch (event) {
            case KeyRevoked revoked -> Optional.of(keyRevoked(revoked));
        };
    }

    private static HttpActivity policyDenied(RequestEvent r) {
        // A request no policy matched was denied by the tenant's default action, which has a name but no id.
        Ocsf.Policy policy = r.policyId() == null ? new Ocsf.Policy(null, "default policy action", r.reason())
                : new Ocsf.Policy(r.policyId(), null, r.reason());
        Ocsf.Endpoint target = endpoint(r.host());
        return new HttpActivity(HttpActivity.activityOf(r.method()), r.receivedAt().toEpochMilli(),
                Ocsf.SEVERITY_MEDIUM, "Policy denied " + r.method() + " " + r.host() + r.path(),
                ACTION_DENIED, DISPOSITION_BLOCKED, true, policy,
                new Ocsf.HttpRequest(r.method(), new Ocsf.Url(target.hostname(), target.port(), r.path())), target,
                actor(r), metadata(r, POLICY_DENIED), context(r, POLICY_DENIED, null));
    }

    private static DataSecurityFinding dlpFinding(RequestEvent r, String type) {
        boolean blocked = type.equals(DLP_BLOCKED);
        String detectors = r.findings().stream().map(DlpFinding::detectorName).distinct().sorted()
                .collect(Collectors.joining(", "));
        Ocsf.Metadata metadata = metadata(r, type);
        return new DataSecurityFinding(r.receivedAt().toEpochMilli(),
                blocked ? Ocsf.SEVERITY_HIGH : Ocsf.SEVERITY_LOW,
                "DLP " + (blocked ? "blocked " : "redacted ") + detectors + " in " + r.method() + " " + r.host()
                        + r.path(),
                blocked ? ACTION_DENIED : ACTION_MODIFIED, blocked ? DISPOSITION_BLOCKED : DISPOSITION_CORRECTED,
                blocked,
                new Ocsf.FindingInfo(metadata.uid(), blocked ? "Sensitive data blocked in an agent's request"
                        : "Sensitive data redacted from an agent's request", List.of(type)),
                new Ocsf.DataSecurity(2, "Data in-Transit", 2, "DLP Gateway", detectors),
                endpoint(r.host()), actor(r), metadata, context(r, type, r.findings()));
    }

    private static EntityManagement keyRevoked(KeyRevoked k) {
        String id = SecurityEventIds.derive(k.eventId(), KEY_REVOKED, k.occurredAt());
        return new EntityManagement(k.occurredAt().toEpochMilli(), Ocsf.SEVERITY_INFORMATIONAL,
                "API key " + k.keyPrefix() + " of agent " + k.agentId() + " revoked",
                new Ocsf.ManagedEntity(k.keyId(), k.keyPrefix(), "API Key", Ocsf.User.agent(k.agentId(), null)),
                new Ocsf.Actor(new Ocsf.User(k.actorId(), null, null, null), null),
                new Ocsf.Metadata(Ocsf.VERSION, Ocsf.PRODUCT, id, k.eventId(), null, k.tenantId(), null),
                new RenLayerContext(KEY_REVOKED, k.tenantId(), k.agentId(), k.keyId(), null, null, null, null, null,
                        null, null));
    }

    private static Ocsf.Metadata metadata(RequestEvent r, String type) {
        return new Ocsf.Metadata(Ocsf.VERSION, Ocsf.PRODUCT, SecurityEventIds.derive(r.eventId(), type, r.receivedAt()),
                r.eventId(), r.traceId(), r.tenantId(), List.of(Ocsf.SECURITY_CONTROL_PROFILE));
    }

    private static Ocsf.Actor actor(RequestEvent r) {
        return new Ocsf.Actor(Ocsf.User.agent(r.agentId(), r.keyId()),
                r.sessionId() == null ? null : new Ocsf.Session(r.sessionId()));
    }

    private static RenLayerContext context(RequestEvent r, String type, List<DlpFinding> findings) {
        return new RenLayerContext(type, r.tenantId(), r.agentId(), r.keyId(), r.traceId(), r.sessionId(), r.method(),
                r.host(), r.path(), r.policyId(), findings);
    }

    /** The proxy's host is {@code name} or {@code name:port} (an IPv6 literal keeps its brackets). */
    private static Ocsf.Endpoint endpoint(String host) {
        int colon = host.lastIndexOf(':');
        String port = colon < 0 ? "" : host.substring(colon + 1);
        return !port.isEmpty() && port.length() <= 5 && port.chars().allMatch(Character::isDigit)
                ? new Ocsf.Endpoint(host.substring(0, colon), Integer.valueOf(port))
                : new Ocsf.Endpoint(host, null);
    }

    private SecurityEvents() {
    }
}
