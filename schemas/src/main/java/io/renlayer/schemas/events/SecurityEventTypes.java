package io.renlayer.schemas.events;

import java.util.Set;

/** The security event types a webhook can subscribe to. */
public final class SecurityEventTypes {

    /** A policy denied a request. */
    public static final String POLICY_DENIED = "policy.denied";
    /** A DLP finding with action block refused a request. */
    public static final String DLP_BLOCKED = "dlp.blocked";
    /** A DLP finding was redacted from a forwarded request. */
    public static final String DLP_REDACTED = "dlp.redacted";
    /** An API key was revoked. */
    public static final String KEY_REVOKED = KeyRevoked.TYPE;
    /** Sent by {@code POST /webhooks/{id}/test} to check an endpoint. */
    public static final String TEST = "webhook.test";

    public static final Set<String> SUBSCRIBABLE = Set.of(POLICY_DENIED, DLP_BLOCKED, DLP_REDACTED, KEY_REVOKED);

    private SecurityEventTypes() {
    }
}
