package io.renlayer.proxy.core;

import io.renlayer.engine.Engine;
import io.renlayer.schemas.config.AgentEntry;
import io.renlayer.schemas.config.TenantConfigSnapshot;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One tenant's configuration as the hot path uses it: the snapshot, its compiled engine (null when the
 * snapshot did not compile — the tenant then fails closed) and its agents by id.
 */
public record TenantState(TenantConfigSnapshot snapshot, Engine engine, Map<String, AgentEntry> agents) {

    public static TenantState compile(TenantConfigSnapshot snapshot) {
        Engine engine;
        try {
            engine = Engine.compile(snapshot);
        } catch (IllegalArgumentException e) {
            engine = null;
        }
        return new TenantState(snapshot, engine, snapshot.agents().stream()
                .collect(Collectors.toUnmodifiableMap(AgentEntry::id, Function.identity())));
    }

    public boolean usable() {
        return engine != null;
    }
}
