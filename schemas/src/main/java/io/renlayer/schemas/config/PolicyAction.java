package io.renlayer.schemas.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a matching policy, or the tenant's default, does with a request. Upper case on the wire, as the
 * API contract writes it; annotated so that input is exact too (no lenient case folding).
 */
public enum PolicyAction {
    @JsonProperty("ALLOW") ALLOW,
    @JsonProperty("DENY") DENY
}
