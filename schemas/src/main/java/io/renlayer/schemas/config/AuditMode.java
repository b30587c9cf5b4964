package io.renlayer.schemas.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether the proxy waits for Kafka's ack of the request event before forwarding (strict) or not (async). */
public enum AuditMode {
    @JsonProperty("strict") STRICT,
    @JsonProperty("async") ASYNC
}
