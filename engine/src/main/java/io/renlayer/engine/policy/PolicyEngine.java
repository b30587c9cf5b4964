package io.renlayer.engine.policy;

import io.renlayer.schemas.config.PolicyAction;
import io.renlayer.schemas.config.PolicyRule;
import io.renlayer.schemas.config.TenantConfigSnapshot;
import io.renlayer.schemas.config.TenantSettings;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A tenant's policies compiled once: enabled ones only, in priority order (lower first, ties broken by id so
 * every proxy agrees). The first policy that matches decides; when none does, the tenant's default action
 * applies. Immutable and safe to share between threads.
 */
public final class PolicyEngine {

    private static final Comparator<PolicyRule> EVALUATION_ORDER = Comparator.comparingInt(PolicyRule::priority)
            .thenComparing(PolicyRule::id, Comparator.nullsLast(Comparator.naturalOrder()));

    private final List<CompiledPolicy> policies;
    private final PolicyAction defaultAction;

    private PolicyEngine(List<CompiledPolicy> policies, PolicyAction defaultAction) {
        this.policies = policies;
        this.defaultAction = defaultAction;
    }

    public static PolicyEngine compile(TenantConfigSnapshot snapshot) {
        TenantSettings settings = snapshot.settings() == null ? TenantSettings.defaults() : snapshot.settings();
        return compile(snapshot.policies() == null ? List.of() : snapshot.policies(), settings.defaultPolicyAction());
    }

    /** @param defaultAction what happens when no policy matches; null means the product default, ALLOW */
    public static PolicyEngine compile(List<PolicyRule> rules, PolicyAction defaultAction) {
        List<CompiledPolicy> compiled = rules.stream()
                .filter(PolicyRule::enabled)
                .sorted(EVALUATION_ORDER)
                .map(CompiledPolicy::of)
                .toList();
        return new PolicyEngine(compiled,
                defaultAction == null ? TenantSettings.defaults().defaultPolicyAction() : defaultAction);
    }

    public PolicyDecision evaluate(EvaluationRequest request) {
        NormalizedRequest normalized = NormalizedRequest.of(request);
        for (CompiledPolicy policy : policies) {
            if (policy.matches(normalized)) {
                PolicyRule rule = policy.rule();
                boolean hasReason = rule.reason() != null && !rule.reason().isBlank();
                return new PolicyDecision(rule.action(), rule.id(),
                        hasReason ? rule.reason() : "matched policy \"" + rule.name() + "\"");
            }
        }
        return new PolicyDecision(defaultAction, null,
                "no policy matched; tenant default is " + defaultAction.name().toLowerCase(Locale.ROOT));
    }
}
