package io.renlayer.schemas.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The proxy's verdict on a request. */
public enum Decision {
    @JsonProperty("allow") ALLOW,
    /** A policy denied it. */
    @JsonProperty("deny") DENY,
    /** A DLP finding with action block refused it. */
    @JsonProperty("dlp_block") DLP_BLOCK,
    /** The engine failed and the tenant fails closed. */
    @JsonProperty("error") ERROR
}
