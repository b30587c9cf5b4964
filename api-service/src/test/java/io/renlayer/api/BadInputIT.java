package io.renlayer.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.renlayer.api.auth.Role;
import io.renlayer.api.testing.ApiClient;
import io.renlayer.api.testing.RawHttp;
import io.renlayer.api.testing.TestStack;
import io.renlayer.api.testing.TestTenant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static io.renlayer.api.testing.Problems.assertInvalid;
import static io.renlayer.api.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a client sends, the answer is {@code application/problem+json} with a stable code: never a 500,
 * never an HTML page. Stored resources survive the abuse unchanged.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    private final TestTenant tenant = TestStack.get().app().newTenant();
    private String agentId;
    private String policyId;
    private JsonNode agentBefore;
    private JsonNode policyBefore;

    @BeforeAll
    void storeSomething() {
        agentBefore = tenant.admin().post(tenant.path("/agents"), Map.of("name", "survivor", "description", "stays"))
                .expect(201).json();
        agentId = agentBefore.get("id").asText();
        policyBefore = tenant.admin().post(tenant.path("/policies"), Map.of("name", "keep", "priority", 3,
                "action", "DENY", "match", Map.of("path_globs", List.of("/secret/**")))).expect(201).json();
        policyId = policyBefore.get("id").asText();
    }

    @Test
    void malformedJson() {
        for (String body : List.of("{", "{\"name\": }", "not json", "{\"name\": \"x\"} trailing", "[1, 2", "\"unterminated")) {
            ApiClient.Reply reply = tenant.admin().send("POST", tenant.path("/agents"), body);
            if (reply.status() == 422) {
                continue; // well-formed JSON of the wrong shape ("not json" is not, but be fair to the parser)
            }
            assertProblem(reply, 400, "malformed_json");
        }
        assertProblem(tenant.admin().send("POST", tenant.path("/agents"), "{"), 400, "malformed_json");
        assertProblem(tenant.admin().send("PATCH", tenant.path("/agents/" + agentId), "{\"name\": \"x\""),
                400, "malformed_json");
        assertProblem(tenant.admin().send("POST", tenant.path("/policies"), "{\"name\": 'single'}"),
                400, "malformed_json");
        // Broken inside a nested object is still broken JSON, not a field with a wrong value.
        assertProblem(tenant.admin().send("POST", tenant.path("/policies"),
                "{\"name\": \"p\", \"priority\": 1, \"action\": \"DENY\", \"match\": {\"methods\": [}}"),
                400, "malformed_json");
    }

    @Test
    void wrongTypes() {
        assertInvalid(tenant.admin().send("POST", tenant.path("/policies"),
                "{\"name\": \"p\", \"priority\": \"high\", \"action\": \"DENY\"}"), "priority");
        assertInvalid(tenant.admin().send("PATCH", tenant.path("/agents/" + agentId), "{\"enabled\": \"yes\"}"),
                "enabled");
        assertInvalid(tenant.admin().send("POST", tenant.path("/policies"),
                "{\"name\": \"p\", \"priority\": 1, \"action\": \"DENY\", \"match\": {\"methods\": \"GET\"}}"),
                "match.methods");
        assertInvalid(tenant.admin().send("POST", tenant.path("/policies"),
                "{\"name\": \"p\", \"priority\": 1, \"action\": \"maybe\"}"), "action");
        assertInvalid(tenant.admin().send("POST", tenant.path("/policies"),
                "{\"name\": \"p\", \"priority\": 99999999999, \"action\": \"DENY\"}"), "priority");
        assertInvalid(tenant.admin().send("POST", tenant.path("/agents"), "{\"name\": {\"first\": \"a\"}}"), "name");
        assertInvalid(tenant.owner().send("POST", tenant.path("/users"), "{\"email\": \"a@example.com\", \"role\": \"king\"}"),
                "role");
        assertInvalid(tenant.admin().send("POST", tenant.path("/agents"), "[]"), "body");
        assertInvalid(tenant.admin().send("POST", tenant.path("/agents"), "42"), "body");
        assertInvalid(tenant.admin().send("POST", tenant.path("/policies"), "{\"name\": \"p\", \"priority\": 1, "
                + "\"action\": \"deny\"}"), "action"); // the contract's case is exact
    }

    @Test
    void unknownFieldsAndEmptyBodies() {
        assertInvalid(tenant.admin().post(tenant.path("/agents"), Map.of("name", "x", "colour", "red")), "colour");
        assertInvalid(tenant.admin().post(tenant.path("/policies"), Map.of("name", "x", "priority", 1, "action", "DENY",
                "match", Map.of("path", "/x"))), "match.path");
        assertInvalid(tenant.owner().patch(tenant.path(""), Map.of("settings", Map.of("audit", "strict"))),
                "settings.audit");
        for (String path : List.of("/agents", "/policies", "/dlp/patterns", "/dlp/allow-lists", "/webhooks")) {
            assertProblem(tenant.admin().send("POST", tenant.path(path), ""), 422, "validation_failed");
        }
        assertProblem(tenant.admin().send("POST", tenant.path("/agents"), null), 422, "validation_failed");
        assertProblem(tenant.admin().send("PATCH", tenant.path("/agents/" + agentId), ""), 422, "validation_failed");
        assertProblem(tenant.admin().send("POST", tenant.path("/agents"), "null"), 422, "validation_failed");
        assertInvalid(tenant.admin().send("POST", tenant.path("/agents"), "{}"), "name");
    }

    @Test
    void unknownRoutesAndMethods() {
        assertProblem(tenant.admin().get("/v1/nothing-here"), 404, "not_found");
        assertProblem(tenant.admin().get(tenant.path("/agents/" + agentId + "/nope")), 404, "not_found");
        assertProblem(tenant.admin().get("/"), 404, "not_found");
        assertProblem(tenant.admin().get(tenant.path("/agents/agent_01HX0000000000000000000000")), 404, "not_found");

        ApiClient.Reply put = tenant.admin().send("PUT", tenant.path("/agents"), Map.of("name", "x"));
        assertProblem(put, 405, "method_not_allowed");
        assertThat(put.header("Allow")).contains("GET").contains("POST").doesNotContain("PUT");
        ApiClient.Reply deleteList = tenant.admin().delete(tenant.path("/policies"));
        assertProblem(deleteList, 405, "method_not_allowed");
        assertThat(deleteList.header("Allow")).contains("GET");
        ApiClient.Reply patchList = tenant.admin().patch(tenant.path("/agents/" + agentId + "/keys"), Map.of());
        assertProblem(patchList, 405, "method_not_allowed");
        assertThat(patchList.header("Allow")).contains("GET", "POST");
        // GET on the dry run's path is a policy id that does not exist.
        assertProblem(tenant.admin().get(tenant.path("/policies/evaluate")), 404, "not_found");
    }

    @Test
    void wrongContentTypes() {
        ApiClient admin = tenant.admin();
        assertProblem(admin.withHeader("Content-Type", "text/plain").send("POST", tenant.path("/agents"),
                "{\"name\": \"x\"}"), 415, "unsupported_media_type");
        assertProblem(admin.withHeader("Content-Type", "application/x-www-form-urlencoded")
                .send("POST", tenant.path("/agents"), "name=x"), 415, "unsupported_media_type");
        assertProblem(admin.withHeader("Content-Type", "application/xml")
                .send("PATCH", tenant.path("/agents/" + agentId), "<name>x</name>"), 415, "unsupported_media_type");
        assertProblem(admin.withHeader("Accept", "text/html").get(tenant.path("/agents")), 406, "not_acceptable");
    }

    @Test
    void badQueryParameters() {
        assertInvalid(tenant.as(Role.VIEWER).get(tenant.path("/agents?enabled=maybe")), "enabled");
        assertInvalid(tenant.as(Role.VIEWER).get(tenant.path("/policies?enabled=1")), "enabled");
        assertInvalid(tenant.as(Role.ANALYST).get(tenant.path("/audit-log?from=yesterday")), "from");
        assertInvalid(tenant.as(Role.ANALYST).get(tenant.path("/audit-log?to=2026-13-45T99:00:00Z")), "to");
        assertInvalid(tenant.as(Role.VIEWER).get(tenant.path("/users?role=superuser")), "role");
        assertInvalid(tenant.as(Role.VIEWER).get(tenant.path("/agents?limit=many")), "limit");
    }

    @Test
    void authenticationProblems() {
        ApiClient anonymous = TestStack.get().app().client();
        ApiClient.Reply noToken = anonymous.get(tenant.path("/agents"));
        assertProblem(noToken, 401, "unauthorized");
        assertThat(noToken.header("WWW-Authenticate")).startsWith("Bearer");
        assertProblem(anonymous.withToken("garbage").get(tenant.path("/agents")), 401, "unauthorized");
        assertProblem(anonymous.withHeader("Authorization", "Basic dXNlcjpwYXNz").get(tenant.path("/agents")),
                401, "unauthorized");
        assertProblem(tenant.as(Role.VIEWER).get("/v1/tenants/tenant_01HX0000000000000000000000/agents"),
                404, "not_found");
    }

    @Test
    void jettyLevelErrors() throws Exception {
        int port = TestStack.get().app().support().getLocalPort();

        RawHttp.Response badEscape = RawHttp.send(port, "GET /v1/tenants/%zz/agents HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertRawProblem(badEscape, 400);

        RawHttp.Response hugeHeader = RawHttp.send(port, "GET " + tenant.path("/agents") + " HTTP/1.1\r\n"
                + "Host: localhost\r\nX-Filler: " + "x".repeat(16 * 1024) + "\r\nConnection: close\r\n\r\n");
        assertRawProblem(hugeHeader, 431);

        RawHttp.Response hugeUri = RawHttp.send(port, "GET /v1/" + "a".repeat(16 * 1024) + " HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close\r\n\r\n");
        assertThat(hugeUri.status()).isIn(414, 431);
        assertRawProblem(hugeUri, hugeUri.status());

        RawHttp.Response garbage = RawHttp.send(port, "HELLO\r\n\r\n");
        assertRawProblem(garbage, 400);
    }

    @Test
    void storedResourcesAreIntact() {
        // Runs in any order with the abuse above; ran last by name is not guaranteed, so also check from @AfterAll.
        assertIntact();
    }

    @AfterAll
    void afterTheAbuse() {
        assertIntact();
    }

    private void assertIntact() {
        assertThat(tenant.admin().get(tenant.path("/agents/" + agentId)).expect(200).json()).isEqualTo(agentBefore);
        assertThat(tenant.admin().get(tenant.path("/policies/" + policyId)).expect(200).json()).isEqualTo(policyBefore);
        assertThat(ConfigCrudIT.ids(tenant.admin().get(tenant.path("/agents")).expect(200).json()))
                .containsExactly(agentId);
        assertThat(ConfigCrudIT.ids(tenant.admin().get(tenant.path("/policies")).expect(200).json()))
                .containsExactly(policyId);
    }

    private static void assertRawProblem(RawHttp.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("content-type")).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContainIgnoringCase("<html").contains("\"status\":" + status);
        assertThat(response.body()).contains("\"code\":\"");
    }
}
