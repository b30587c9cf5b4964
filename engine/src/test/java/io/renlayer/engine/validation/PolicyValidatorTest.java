package io.renlayer.engine.validation;

import io.renlayer.schemas.config.PolicyAction;
import io.renlayer.schemas.config.PolicyMatch;
import io.renlayer.schemas.config.PolicyRule;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyValidatorTest {

    private static final PolicyMatch GOOD_MATCH = new PolicyMatch(
            List.of("agent_01HX0000000000000000000000"), List.of("post", "GET"), List.of("api.openai.com", "*.example.com"),
            List.of("/v1/**", "/v?/models/*"), Map.of("X-Env", "prod*"), List.of("rm -rf"));

    private static PolicyRule policy(String name, int priority, PolicyMatch match, PolicyAction action, String reason) {
        return new PolicyRule("pol_01HX0000000000000000000000", name, priority, true, match, action, reason);
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }

    @Test
    void acceptsAValidPolicy() {
        assertThat(PolicyValidator.validate(policy("Deny deletes", 10, GOOD_MATCH, PolicyAction.DENY, "why"))).isEmpty();
        assertThat(PolicyValidator.validate(policy("n", 0, null, PolicyAction.ALLOW, null))).isEmpty();
        assertThat(PolicyValidator.validate(policy("n", 1_000_000, PolicyMatch.any(), PolicyAction.ALLOW, ""))).isEmpty();
    }

    @Test
    void checksNamePriorityActionAndReason() {
        List<Violation> violations = PolicyValidator.validate(policy(" ", -1, null, null, "r".repeat(501)));

        assertThat(fields(violations)).containsExactlyInAnyOrder("name", "priority", "action", "reason");
        assertThat(fields(PolicyValidator.validate(policy("x".repeat(201), 1_000_001, null, PolicyAction.DENY, null))))
                .containsExactlyInAnyOrder("name", "priority");
        assertThat(fields(PolicyValidator.validate(policy(null, 1, null, PolicyAction.DENY, null)))).containsExactly("name");
    }

    @Test
    void pointsAtTheOffendingEntryOfEachCondition() {
        PolicyMatch bad = new PolicyMatch(
                List.of("agent_01HX0000000000000000000000", "pol_01HX0000000000000000000000"),
                List.of("GET", "FETCH"),
                List.of("ok.example.com", "bad host", "*.", "-dash.com", "a..b"),
                List.of("/ok", "/also/**", "no-slash", "/a/***", "/with space", "/" + "x".repeat(512)),
                Map.of("bad header", "v"),
                List.of("fine", ""));

        List<Violation> violations = PolicyValidator.validate(policy("p", 1, bad, PolicyAction.DENY, null));

        assertThat(fields(violations)).containsExactlyInAnyOrder(
                "match.agent_ids[1]", "match.methods[1]",
                "match.hosts[1]", "match.hosts[2]", "match.hosts[3]", "match.hosts[4]",
                "match.path_globs[2]", "match.path_globs[3]", "match.path_globs[4]", "match.path_globs[5]",
                "match.headers.bad header", "match.body_contains[1]");
        assertThat(violations).filteredOn(v -> v.field().equals("match.path_globs[2]"))
                .extracting(Violation::message).containsExactly("must start with /");
        assertThat(violations).filteredOn(v -> v.field().equals("match.methods[1]"))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("PATCH"));
    }

    @Test
    void limitsTheNumberOfValuesPerCondition() {
        PolicyMatch tooMany = new PolicyMatch(null, null, null, Collections.nCopies(101, "/a"), null,
                Collections.nCopies(101, "x"));

        assertThat(fields(PolicyValidator.validate(policy("p", 1, tooMany, PolicyAction.DENY, null))))
                .containsExactlyInAnyOrder("match.path_globs", "match.body_contains");
    }

    @Test
    void limitsBodySubstringLength() {
        PolicyMatch match = new PolicyMatch(null, null, null, null, null, List.of("x".repeat(1024), "x".repeat(1025)));

        assertThat(fields(PolicyValidator.validate(policy("p", 1, match, PolicyAction.DENY, null))))
                .containsExactly("match.body_contains[1]");
    }
}
