package io.renlayer.api.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Roles in rising order of power: each has every right of the roles before it. */
public enum Role {
    /** Reads configuration. */
    @JsonProperty("viewer") VIEWER,
    /** Also reads traces, sessions, exports and the audit log. */
    @JsonProperty("analyst") ANALYST,
    /** Also writes agents, keys, policies, DLP and webhooks. */
    @JsonProperty("admin") ADMIN,
    /** Also manages users, roles, tenant settings and support grants. */
    @JsonProperty("owner") OWNER;

    public boolean atLeast(Role required) {
        return compareTo(required) >= 0;
    }

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
