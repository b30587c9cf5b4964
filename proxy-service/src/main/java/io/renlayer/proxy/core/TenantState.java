package io.renlayer.proxy.core;

import io.renlayer.engine.Engine;
import io.renlayer.engine.Evaluation;
import io.renlayer.engine.policy.EvaluationRequest;
import io.renlayer.schemas.config.AgentEntry;
import io.renlayer.schemas.config.TenantConfigSnapshot;
import io.renlayer.schemas.events.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
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

    private static final Logger LOG = LoggerFactory.getLogger(TenantState.class);

    public boolean usable() {
        return engine != null;
    }

    /**
     * The tenant's policies and DLP on one request. When the engine cannot run (the snapshot did not compile,
     * or evaluation failed) the answer is {@code ERROR} — refuse — unless the tenant chose to fail open.
     */
    public Evaluation judge(EvaluationRequest request) {
        if (engine != null) {
            try {
                return engine.evaluate(request);
            } catch (RuntimeException e) {
                LOG.error("policy/DLP engine failed for tenant {} (config version {})", snapshot.tenantId(),
                        snapshot.version(), e);
            }
        }
        return snapshot.settings().failOpen()
                ? new Evaluation(Decision.ALLOW, null, "engine unavailable; the tenant fails open", List.of(), request.body())
                : new Evaluation(Decision.ERROR, null, "engine unavailable", List.of(), request.body());
    }
}
