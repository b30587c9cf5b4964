package io.renlayer.schemas.config;

/** An agent known to the data plane; a disabled agent's keys are refused. */
public record AgentEntry(String id, String name, boolean enabled) {
}
