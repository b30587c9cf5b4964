package io.renlayer.schemas.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the proxy does with a DLP finding. */
public enum DlpAction {
    /** Refuse the request (403 {@code dlp_blocked}). */
    @JsonProperty("block") BLOCK,
    /** Replace the match with a typed placeholder in the forwarded body. */
    @JsonProperty("redact") REDACT,
    /** Forward unchanged and record the finding. */
    @JsonProperty("log") LOG
}
