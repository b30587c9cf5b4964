package io.renlayer.api.config;

import jakarta.validation.constraints.NotBlank;

/** The cluster the outbox relay publishes configuration snapshots and control events to. */
public class KafkaConfig {

    @NotBlank
    public String bootstrapServers = "localhost:19092";
}
