package io.renlayer.proxy.forward;

import com.fasterxml.jackson.databind.JsonNode;
import io.renlayer.ops.mock.MockUpstream;
import io.renlayer.proxy.testing.ProxyClient;
import io.renlayer.proxy.testing.ProxyStack;
import io.renlayer.proxy.testing.TestTenant;
import io.renlayer.schemas.config.AllowList;
import io.renlayer.schemas.config.AuditMode;
import io.renlayer.schemas.config.CustomPattern;
import io.renlayer.schemas.config.DetectorSetting;
import io.renlayer.schemas.config.DlpAction;
import io.renlayer.schemas.config.PolicyAction;
import io.renlayer.schemas.config.PolicyMatch;
import io.renlayer.schemas.config.PolicyRule;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;
import io.renlayer.schemas.json.Json;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Policies and DLP as the proxy applies them inline: who is refused, what the upstream gets, what is recorded. */
@Tag("integration")
class ProxyDecisionsIT {

    private static final String PAYMENT_CARD = "det_00000000000000000000000001";
    private static final String EMAIL = "det_00000000000000000000000004";

    @RegisterExtension
    static final ProxyStack STACK = new ProxyStack();

    private final ProxyClient proxy = STACK.proxy();
    private final MockUpstream mock = STACK.mock();

    private static String chat(String content) {
        return "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}]}";
    }

    private static JsonNode json(String body) throws Exception {
        return Json.mapper().readTree(body);
    }

    private static String traceOf(HttpResponse<?> response) {
        return response.headers().firstValue("X-RenLayer-Trace-Id").orElseThrow();
    }

    private static PolicyRule policy(int priority, PolicyAction action, String pathGlob) {
        return new PolicyRule(TypedId.newId(IdType.POLICY), "rule " + priority, priority, true,
                new PolicyMatch(null, null, null, List.of(pathGlob), null, null), action, "rule " + priority + " matched");
    }

    @Test
    void policiesApplyInPriorityOrderAndTheFirstMatchWins() throws Exception {
        TestTenant tenant = STACK.tenant(AuditMode.STRICT);
        PolicyRule denyAdmin = policy(20, PolicyAction.DENY, "/v1/admin/**");
        tenant.policies.addAll(List.of(denyAdmin, policy(10, PolicyAction.ALLOW, "/v1/admin/public/**")));
        STACK.publish(tenant);

        HttpResponse<String> open = proxy.post(tenant, "/mock/v1/admin/public/page", "{}");
        HttpResponse<String> denied = proxy.post(tenant, "/mock/v1/admin/users", "{}", "X-RenLayer-Session", "sess-deny");

        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(denied.statusCode()).isEqualTo(403);
        JsonNode problem = json(denied.body());
        assertThat(problem.path("code").asText()).isEqualTo("policy_denied");
        assertThat(problem.path("policy_id").asText()).isEqualTo(denyAdmin.id());
        assertThat(problem.path("trace_id").asText()).isEqualTo(traceOf(denied));
        assertThat(mock.received()).extracting(r -> r.path()).containsExactly("/v1/admin/public/page");

        List<JsonNode> recorded = STACK.events(tenant, "sess-deny", traceOf(denied), 2);
        assertThat(recorded.get(0).path("decision").asText()).isEqualTo("deny");
        assertThat(recorded.get(0).path("policy_id").asText()).isEqualTo(denyAdmin.id());
        assertThat(recorded.get(1).path("status").asInt()).isEqualTo(403);
        assertThat(recorded.get(1).path("outcome").asText()).isEqualTo("denied");
        assertThat(recorded.get(1).path("upstream_latency_micros").asLong()).isZero();
    }

    @Test
    void theTenantsDefaultActionAppliesWhenNoPolicyMatches() throws Exception {
        TestTenant tenant = STACK.tenant(AuditMode.STRICT).defaultAction(PolicyAction.DENY);
        tenant.policies.add(policy(10, PolicyAction.ALLOW, "/v1/models"));
        STACK.publish(tenant);

        HttpResponse<String> denied = proxy.post(tenant, "/mock/v1/chat/completions", chat("hi"));

        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(json(denied.body()).path("code").asText()).isEqualTo("policy_denied");
        assertThat(json(denied.body()).has("policy_id")).isFalse();
        assertThat(mock.requestCount()).isZero();
    }

    @Test
    void aBlockingFindingRefusesTheRequestAndNoEventCarriesTheSecret() throws Exception {
        TestTenant tenant = STACK.tenant(AuditMode.STRICT);
        tenant.detectors.add(new DetectorSetting(PAYMENT_CARD, "payment_card", true, DlpAction.BLOCK));
        STACK.publish(tenant);

        HttpResponse<String> blocked = proxy.post(tenant, "/mock/v1/chat/completions",
                chat("charge 4111 1111 1111 1111 please"), "X-RenLayer-Session", "sess-block");

        assertThat(blocked.statusCode()).isEqualTo(403);
        assertThat(json(blocked.body()).path("code").asText()).isEqualTo("dlp_blocked");
        assertThat(blocked.body()).doesNotContain("4111 1111 1111 1111");
        assertThat(mock.requestCount()).isZero();
        List<JsonNode> recorded = STACK.events(tenant, "sess-block", traceOf(blocked), 2);
        JsonNode finding = recorded.get(0).path("findings").path(0);
        assertThat(recorded.get(0).path("decision").asText()).isEqualTo("dlp_block");
        assertThat(finding.path("detector_name").asText()).isEqualTo("payment_card");
        assertThat(finding.path("action").asText()).isEqualTo("block");
        assertThat(finding.path("location").asText()).isEqualTo("/messages/0/content");
        assertThat(recorded.toString()).doesNotContain("4111 1111 1111 1111").doesNotContain("4111111111111111");
    }

    @Test
    void redactionChangesTheMatchInTheForwardedBodyAndNothingElse() {
        TestTenant tenant = STACK.publish(STACK.tenant(AuditMode.STRICT).captureBodies(40));
        String original = chat("card 4111-1111-1111-1111 ok");

        HttpResponse<String> response = proxy.post(tenant, "/mock/v1/chat/completions", original,
                "X-RenLayer-Session", "sess-redact");

        String expected = original.replace("4111-1111-1111-1111", "[REDACTED:payment_card]");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(mock.received().getFirst().bodyText()).isEqualTo(expected);
        JsonNode request = STACK.events(tenant, "sess-redact", traceOf(response), 1).get(0);
        assertThat(request.path("findings").path(0).path("action").asText()).isEqualTo("redact");
        assertThat(request.path("captured_body").asText()).isEqualTo(expected.substring(0, 40));
    }

    @Test
    void aLoggedFindingIsForwardedUnchangedAndAnAllowListedValueIsNoFinding() {
        TestTenant tenant = STACK.tenant(AuditMode.STRICT);
        tenant.allowLists.add(new AllowList(TypedId.newId(IdType.ALLOW_LIST), "support address",
                List.of("help@corp.example"), List.of(EMAIL)));
        STACK.publish(tenant);
        String logged = chat("mail bob@example.com");
        String allowed = chat("mail help@corp.example");

        HttpResponse<String> first = proxy.post(tenant, "/mock/v1/chat/completions", logged, "X-RenLayer-Session", "s1");
        HttpResponse<String> second = proxy.post(tenant, "/mock/v1/chat/completions", allowed, "X-RenLayer-Session", "s2");

        assertThat(mock.received()).extracting(r -> r.bodyText()).containsExactly(logged, allowed);
        JsonNode loggedEvent = STACK.events(tenant, "s1", traceOf(first), 1).get(0);
        assertThat(loggedEvent.path("findings")).hasSize(1);
        assertThat(loggedEvent.path("findings").path(0).path("action").asText()).isEqualTo("log");
        assertThat(loggedEvent.path("findings").path(0).path("masked").asText()).doesNotContain("bob@example.com");
        assertThat(STACK.events(tenant, "s2", traceOf(second), 1).get(0).path("findings")).isEmpty();
    }

    @Test
    void responseDlpRedactsWhatTheUpstreamSendsBack() {
        TestTenant tenant = STACK.publish(STACK.tenant(AuditMode.STRICT).responseDlp(true));

        // Request DLP reads bodies, not headers: the mock's echo sends the header back in its body.
        HttpResponse<String> response = proxy.send(proxy.request("/mock/echo").header("X-RenLayer-Key", tenant.secret)
                .header("X-RenLayer-Session", "sess-resp").header("X-Note", "card 4111 1111 1111 1111").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("[REDACTED:payment_card]").doesNotContain("4111 1111 1111 1111");
        JsonNode completion = STACK.events(tenant, "sess-resp", traceOf(response), 2).get(1);
        assertThat(completion.path("response_findings").path(0).path("detector_name").asText()).isEqualTo("payment_card");
        assertThat(completion.path("response_bytes").asLong()).isEqualTo(response.body().length());
    }

    @Test
    void aBlockingFindingInTheResponseCutsItBeforeTheSecret() {
        TestTenant tenant = STACK.publish(STACK.tenant(AuditMode.STRICT).responseDlp(true));
        String key = "sk-proj-" + "Ab3dE5gH7jK9mN1pQ3sT5vX7z".repeat(2);

        HttpResponse<java.io.InputStream> response = proxy.send(proxy.request("/mock/echo")
                .header("X-RenLayer-Key", tenant.secret).header("X-RenLayer-Session", "sess-cut")
                .header("X-Note", "use " + key).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        StringBuilder received = new StringBuilder();
        try (java.io.InputStream body = response.body()) {
            received.append(new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException expected) {
            // The proxy aborts the connection: a cut response must not look complete.
        }

        assertThat(received.toString()).doesNotContain(key);
        JsonNode completion = STACK.events(tenant, "sess-cut", traceOf(response), 2).get(1);
        assertThat(completion.path("outcome").asText()).isEqualTo("dlp_blocked");
        assertThat(completion.toString()).doesNotContain(key);
    }

    @Test
    void aTenantWhoseEngineCannotRunIsRefusedUnlessItChoseFailOpen() throws Exception {
        CustomPattern broken = new CustomPattern(TypedId.newId(IdType.PATTERN), "broken", "(unclosed", DlpAction.BLOCK, true);
        TestTenant closed = STACK.tenant(AuditMode.STRICT);
        closed.patterns.add(broken);
        TestTenant open = STACK.tenant(AuditMode.STRICT).failOpen(true);
        open.patterns.add(broken);
        STACK.publish(closed);
        STACK.publish(open);

        HttpResponse<String> refused = proxy.post(closed, "/mock/v1/chat/completions", chat("hi"));
        HttpResponse<String> forwarded = proxy.post(open, "/mock/v1/chat/completions", chat("hi"));

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(json(refused.body()).path("code").asText()).isEqualTo("engine_unavailable");
        assertThat(forwarded.statusCode()).isEqualTo(200);
        assertThat(mock.requestCount()).isEqualTo(1);
    }
}
