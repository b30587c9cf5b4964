package io.renlayer.schemas.config;

/** What a matching policy, or the tenant's default, does with a request. */
public enum PolicyAction {
    ALLOW,
    DENY
}
