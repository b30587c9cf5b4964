package io.renlayer.engine.policy;

import io.renlayer.schemas.config.PolicyAction;
import io.renlayer.schemas.config.PolicyMatch;
import io.renlayer.schemas.config.PolicyRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.renlayer.engine.policy.Requests.fromAgent;
import static io.renlayer.engine.policy.Requests.request;
import static io.renlayer.engine.policy.Requests.withBody;
import static io.renlayer.engine.policy.Requests.withHeaders;
import static org.assertj.core.api.Assertions.assertThat;

class PolicyEngineTest {

    private static final String AGENT = "agent_01HX0000000000000000000000";

    private static PolicyRule rule(String id, int priority, PolicyAction action, PolicyMatch match) {
        return new PolicyRule(id, "policy " + id, priority, true, match, action, null);
    }

    private static PolicyMatch paths(String... globs) {
        return new PolicyMatch(null, null, null, List.of(globs), null, null);
    }

    private static boolean matches(PolicyMatch match, EvaluationRequest request) {
        PolicyEngine engine = PolicyEngine.compile(List.of(rule("pol_1", 1, PolicyAction.DENY, match)), PolicyAction.ALLOW);
        return engine.evaluate(request).action() == PolicyAction.DENY;
    }

    @Test
    void evaluatesByPriorityAndTheFirstMatchWins() {
        PolicyEngine engine = PolicyEngine.compile(List.of(
                rule("pol_low", 200, PolicyAction.DENY, PolicyMatch.any()),
                rule("pol_high", 10, PolicyAction.ALLOW, paths("/v1/models")),
                rule("pol_mid", 100, PolicyAction.DENY, paths("/v1/**"))), PolicyAction.ALLOW);

        assertThat(engine.evaluate(request("GET", "api.openai.com", "/v1/models")).policyId()).isEqualTo("pol_high");
        assertThat(engine.evaluate(request("GET", "api.openai.com", "/v1/files")).policyId()).isEqualTo("pol_mid");
        assertThat(engine.evaluate(request("GET", "api.openai.com", "/other")).policyId()).isEqualTo("pol_low");
    }

    @Test
    void breaksPriorityTiesById() {
        PolicyEngine engine = PolicyEngine.compile(List.of(
                rule("pol_b", 5, PolicyAction.ALLOW, PolicyMatch.any()),
                rule("pol_a", 5, PolicyAction.DENY, PolicyMatch.any())), PolicyAction.ALLOW);

        PolicyDecision decision = engine.evaluate(request("GET", "h", "/"));

        assertThat(decision.policyId()).isEqualTo("pol_a");
        assertThat(decision.action()).isEqualTo(PolicyAction.DENY);
    }

    @Test
    void skipsDisabledPolicies() {
        PolicyRule disabled = new PolicyRule("pol_off", "off", 1, false, PolicyMatch.any(), PolicyAction.DENY, "never");
        PolicyEngine engine = PolicyEngine.compile(List.of(disabled), PolicyAction.ALLOW);

        assertThat(engine.evaluate(request("GET", "h", "/")).action()).isEqualTo(PolicyAction.ALLOW);
    }

    @Test
    void appliesTheDefaultActionWhenNothingMatches() {
        List<PolicyRule> rules = List.of(rule("pol_1", 1, PolicyAction.ALLOW, paths("/v1/models")));

        PolicyDecision denied = PolicyEngine.compile(rules, PolicyAction.DENY).evaluate(request("GET", "h", "/v1/files"));
        PolicyDecision allowed = PolicyEngine.compile(rules, null).evaluate(request("GET", "h", "/v1/files"));

        assertThat(denied).isEqualTo(new PolicyDecision(PolicyAction.DENY, null, "no policy matched; tenant default is deny"));
        assertThat(allowed.action()).isEqualTo(PolicyAction.ALLOW);
        assertThat(allowed.policyId()).isNull();
    }

    @Test
    void reportsThePolicyReasonOrItsName() {
        PolicyRule withReason = new PolicyRule("pol_1", "No deletes", 1, true,
                new PolicyMatch(null, List.of("DELETE"), null, null, null, null), PolicyAction.DENY, "deletes need approval");
        PolicyRule withoutReason = new PolicyRule("pol_2", "Block admin", 2, true, paths("/admin/**"), PolicyAction.DENY, " ");
        PolicyEngine engine = PolicyEngine.compile(List.of(withReason, withoutReason), PolicyAction.ALLOW);

        assertThat(engine.evaluate(request("DELETE", "h", "/x")).reason()).isEqualTo("deletes need approval");
        assertThat(engine.evaluate(request("GET", "h", "/admin/x")).reason()).isEqualTo("matched policy \"Block admin\"");
    }

    @Test
    void requiresEveryConditionButAnyValueWithinOne() {
        PolicyMatch match = new PolicyMatch(null, List.of("POST", "PUT"), List.of("api.openai.com"), List.of("/v1/files/**"), null, null);

        assertThat(matches(match, request("PUT", "api.openai.com", "/v1/files/a"))).isTrue();
        assertThat(matches(match, request("POST", "api.openai.com", "/v1/files/a"))).isTrue();
        assertThat(matches(match, request("GET", "api.openai.com", "/v1/files/a"))).as("method").isFalse();
        assertThat(matches(match, request("POST", "api.anthropic.com", "/v1/files/a"))).as("host").isFalse();
        assertThat(matches(match, request("POST", "api.openai.com", "/v1/models"))).as("path").isFalse();
    }

    @Test
    void matchesMethodsCaseInsensitively() {
        PolicyMatch match = new PolicyMatch(null, List.of("delete"), null, null, null, null);

        assertThat(matches(match, request("DELETE", "h", "/"))).isTrue();
        assertThat(matches(match, request("Delete", "h", "/"))).isTrue();
        assertThat(matches(match, request("GET", "h", "/"))).isFalse();
    }

    @Test
    void matchesHostsExactlyOrBySubdomainWildcardIgnoringCasePortAndTrailingDot() {
        PolicyMatch exact = new PolicyMatch(null, null, List.of("API.OpenAI.com"), null, null, null);
        PolicyMatch wildcard = new PolicyMatch(null, null, List.of("*.example.com"), null, null, null);

        assertThat(matches(exact, request("GET", "api.openai.com:443", "/"))).isTrue();
        assertThat(matches(exact, request("GET", "api.openai.com.", "/"))).isTrue();
        assertThat(matches(exact, request("GET", "evil-api.openai.com", "/"))).isFalse();
        assertThat(matches(wildcard, request("GET", "a.example.com", "/"))).isTrue();
        assertThat(matches(wildcard, request("GET", "a.b.EXAMPLE.com", "/"))).isTrue();
        assertThat(matches(wildcard, request("GET", "example.com", "/"))).isFalse();
        assertThat(matches(wildcard, request("GET", "badexample.com", "/"))).isFalse();
        assertThat(matches(wildcard, request("GET", null, "/"))).isFalse();
    }

    @Test
    void matchesIpv6LiteralHosts() {
        PolicyMatch match = new PolicyMatch(null, null, List.of("::1"), null, null, null);

        assertThat(matches(match, request("GET", "[::1]:8080", "/"))).isTrue();
        assertThat(matches(match, request("GET", "::1", "/"))).isTrue();
    }

    @Test
    void normalisesPathsSoEncodingAndDotSegmentsCannotDodgeAPolicy() {
        PolicyMatch admin = paths("/admin/**");

        assertThat(matches(admin, request("GET", "h", "/v1/../admin/users"))).isTrue();
        assertThat(matches(admin, request("GET", "h", "//admin//users"))).isTrue();
        assertThat(matches(admin, request("GET", "h", "/%61dmin/users"))).isTrue();
        assertThat(matches(admin, request("GET", "h", "/./admin/./users?x=1"))).isTrue();
        assertThat(matches(admin, request("GET", "h", "/administrator/users"))).isFalse();
    }

    @Test
    void matchesHeaderNamesCaseInsensitivelyAndValuesByGlob() {
        PolicyMatch match = new PolicyMatch(null, null, null, null, Map.of("X-Env", "prod*", "x-team", "ml"), null);

        assertThat(matches(match, withHeaders(Map.of("x-env", List.of("production"), "X-TEAM", List.of("ml"))))).isTrue();
        assertThat(matches(match, withHeaders(Map.of("X-Env", List.of("dev", "prod-eu"), "x-team", List.of("ml"))))).as("any value").isTrue();
        assertThat(matches(match, withHeaders(Map.of("X-Env", List.of("production"))))).as("every header").isFalse();
        assertThat(matches(match, withHeaders(Map.of("X-Env", List.of("staging"), "x-team", List.of("ml"))))).isFalse();
    }

    @Test
    void matchesBodySubstringsCaseSensitively() {
        PolicyMatch match = new PolicyMatch(null, null, null, null, null, List.of("rm -rf", "DROP TABLE"));

        assertThat(matches(match, withBody("{\"cmd\":\"sudo rm -rf /\"}"))).isTrue();
        assertThat(matches(match, withBody("DROP TABLE users"))).isTrue();
        assertThat(matches(match, withBody("drop table users"))).isFalse();
        assertThat(matches(match, withBody(""))).isFalse();
    }

    @Test
    void matchesAgentIds() {
        PolicyMatch match = new PolicyMatch(List.of(AGENT), null, null, null, null, null);

        assertThat(matches(match, fromAgent(AGENT))).isTrue();
        assertThat(matches(match, fromAgent("agent_01HX0000000000000000000001"))).isFalse();
        assertThat(matches(match, fromAgent(null))).isFalse();
    }

    @Test
    void anEmptyOrMissingMatchMatchesEverything() {
        PolicyRule noMatch = new PolicyRule("pol_1", "all", 1, true, null, PolicyAction.DENY, null);

        assertThat(PolicyEngine.compile(List.of(noMatch), PolicyAction.ALLOW).evaluate(request("GET", "h", "/")).action())
                .isEqualTo(PolicyAction.DENY);
        assertThat(matches(PolicyMatch.any(), request("OPTIONS", "x", "/y"))).isTrue();
    }
}
