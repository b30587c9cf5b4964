package io.renlayer.api.auth;

import java.security.Principal;

/**
 * Who is calling, as established by {@link AuthFilter}: a tenant's user, or support staff acting
 * under that tenant's active support grant ({@code grantId} set).
 */
public record Caller(String subject, String tenantId, Role role, String grantId) implements Principal {

    public boolean isSupport() {
        return grantId != null;
    }

    /** The actor recorded in the audit log: the user id, or the grant id for support staff. */
    public String actorId() {
        return isSupport() ? grantId : subject;
    }

    @Override
    public String getName() {
        return subject;
    }
}
