package io.renlayer.proxy.core;

import io.renlayer.schemas.config.AgentEntry;
import io.renlayer.schemas.config.KeyEntry;

/** A presented API key that is active, with its tenant and (enabled) agent. */
public record ResolvedKey(TenantState tenant, AgentEntry agent, KeyEntry key) {
}
