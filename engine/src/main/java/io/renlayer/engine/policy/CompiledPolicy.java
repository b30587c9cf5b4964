package io.renlayer.engine.policy;

import io.renlayer.schemas.config.PolicyMatch;
import io.renlayer.schemas.config.PolicyRule;

import java.util.List;

/** A policy with its conditions compiled: it matches when every condition holds. */
record CompiledPolicy(PolicyRule rule, List<Condition> conditions) {

    static CompiledPolicy of(PolicyRule rule) {
        return new CompiledPolicy(rule, Condition.compile(rule.match() == null ? PolicyMatch.any() : rule.match()));
    }

    boolean matches(NormalizedRequest request) {
        for (Condition condition : conditions) {
            if (!condition.test(request)) {
                return false;
            }
        }
        return true;
    }
}
