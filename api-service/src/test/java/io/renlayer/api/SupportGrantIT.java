package io.renlayer.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.renlayer.api.auth.Role;
import io.renlayer.api.auth.TokenService;
import io.renlayer.api.testing.ApiClient;
import io.renlayer.api.testing.Problems;
import io.renlayer.api.testing.TestStack;
import io.renlayer.api.testing.TestTenant;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Cross-tenant support access (ARCHITECTURE.md guarantee 3): an owner's time-boxed grant, support tokens bound to
 * it, the grant's role and nothing more, every support request in the tenant's audit log, revocation at once.
 */
@Tag("integration")
class SupportGrantIT {

    private static final String STAFF = "support:alice@renlayer.io";

    private final TestStack.App app = TestStack.get().app();
    private final TokenService tokens = app.services().tokens();
    private final TestTenant tenant = app.newTenant();

    @Test
    void grantedSupportHasTheGrantsRoleIsAuditedAndLosesAccessOnRevoke() {
        Instant before = Instant.now();
        JsonNode grant = tenant.owner().post(tenant.path("/support-grants"),
                Map.of("role", "analyst", "duration_minutes", 60, "reason", "ticket 4711")).expect(201).json();
        String grantId = grant.path("id").asText();
        assertThat(grantId).startsWith("grant_");
        assertThat(grant.path("role").asText()).isEqualTo("analyst");
        assertThat(grant.path("granted_by").asText()).isEqualTo(tenant.userId(Role.OWNER));
        assertThat(Instant.parse(grant.path("expires_at").asText()))
                .isCloseTo(before.plus(Duration.ofMinutes(60)), within(Duration.ofMinutes(1)));

        String token = tokens.issueSupport(STAFF, tenant.id, grantId, Duration.ofMinutes(30));
        Map<String, String[]> requests = new LinkedHashMap<>(); // request id → method, path

        // analyst rights: the audit log and configuration reads
        JsonNode log = support(token, requests, "GET", "/audit-log", null).expect(200).json();
        assertThat(log.path("data").isArray()).isTrue();
        support(token, requests, "GET", "/agents", null).expect(200);
        // nothing above analyst
        Problems.assertProblem(support(token, requests, "POST", "/agents", Map.of("name", "made by support")),
                403, "forbidden");
        Problems.assertProblem(support(token, requests, "PATCH", "", Map.of("name", "renamed by support")),
                403, "forbidden");
        Problems.assertProblem(support(token, requests, "GET", "/support-grants", null), 403, "forbidden");
        Problems.assertProblem(support(token, requests, "POST", "/support-grants",
                Map.of("role", "analyst", "duration_minutes", 60, "reason", "extend myself")), 403, "forbidden");
        Problems.assertProblem(support(token, requests, "POST", "/support-grants/" + grantId + "/revoke", null),
                403, "forbidden");

        assertThat(tenant.owner().get(tenant.path("/agents")).expect(200).body()).doesNotContain("made by support");
        assertThat(tenant.owner().get(tenant.path("")).expect(200).json().path("name").asText())
                .isNotEqualTo("renamed by support");

        // every one of those requests is in the tenant's audit log, as support, under the grant
        Map<String, JsonNode> audited = supportRequests();
        assertThat(audited.keySet()).as("request ids of support.request entries")
                .containsExactlyInAnyOrderElementsOf(requests.keySet());
        requests.forEach((requestId, call) -> {
            JsonNode entry = audited.get(requestId);
            assertThat(entry.path("actor_type").asText()).isEqualTo("support");
            assertThat(entry.path("actor_id").asText()).isEqualTo(grantId);
            assertThat(entry.path("tenant_id").asText()).isEqualTo(tenant.id);
            assertThat(entry.path("summary").path("staff").asText()).isEqualTo(STAFF);
            assertThat(entry.path("summary").path("method").asText()).isEqualTo(call[0]);
            assertThat(entry.path("summary").path("path").asText()).isEqualTo(call[1]);
        });

        // the owner revokes: the very same token stops working at once
        JsonNode revoked = tenant.owner().post(tenant.path("/support-grants/" + grantId + "/revoke"), null)
                .expect(200).json();
        assertThat(revoked.path("revoked_at").isTextual()).as("revoked_at of %s", revoked).isTrue();
        for (String rest : List.of("/audit-log", "", "/agents")) {
            ApiClient.Reply reply = app.client().withToken(token).get(tenant.path(rest));
            Problems.assertProblem(reply, 401, "unauthorized");
            assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        }
        // and a new token for the revoked grant is no better
        Problems.assertProblem(app.client().withToken(tokens.issueSupport(STAFF, tenant.id, grantId,
                Duration.ofMinutes(5))).get(tenant.path("/audit-log")), 401, "unauthorized");

        // the grant's life is in the audit log as the owner's actions
        JsonNode grantLog = tenant.owner().get(tenant.path("/audit-log?resource_type=support_grant")).expect(200).json();
        List<String> actions = grantLog.path("data").findValuesAsText("action");
        assertThat(actions).contains("support_grant.created", "support_grant.revoked");
    }

    @Test
    void supportWritesAreAuditedAsSupport() {
        String grantId = grant("admin", 30);
        String token = tokens.issueSupport(STAFF, tenant.id, grantId, Duration.ofMinutes(30));
        String agentId = app.client().withToken(token).post(tenant.path("/agents"), Map.of("name", "support fix"))
                .expect(201).json().path("id").asText();
        JsonNode entries = tenant.owner().get(tenant.path("/audit-log?action=agent.created")).expect(200).json();
        JsonNode entry = null;
        for (JsonNode e : entries.path("data")) {
            if (agentId.equals(e.path("resource_id").asText())) {
                entry = e;
            }
        }
        assertThat(entry).as("agent.created entry for %s", agentId).isNotNull();
        assertThat(entry.path("actor_type").asText()).isEqualTo("support");
        assertThat(entry.path("actor_id").asText()).isEqualTo(grantId);
        // an admin grant still cannot manage grants (owner only)
        Problems.assertProblem(app.client().withToken(token).post(tenant.path("/support-grants"),
                Map.of("role", "admin", "duration_minutes", 60, "reason", "more")), 403, "forbidden");
    }

    @Test
    void supportTokenBoundToAnotherTenantsGrantIsRejected() {
        TestTenant other = app.newTenant();
        String otherGrant = other.owner().post(other.path("/support-grants"),
                Map.of("role", "analyst", "duration_minutes", 60, "reason", "other ticket")).expect(201)
                .json().path("id").asText();
        String ownGrant = grant("analyst", 60);

        // this tenant's id with the other tenant's grant: no such grant here
        String mixed = tokens.issueSupport(STAFF, tenant.id, otherGrant, Duration.ofMinutes(30));
        Problems.assertProblem(app.client().withToken(mixed).get(tenant.path("/audit-log")), 401, "unauthorized");
        // a grant id that exists nowhere
        String ghost = tokens.issueSupport(STAFF, tenant.id, TypedId.newId(IdType.GRANT), Duration.ofMinutes(30));
        Problems.assertProblem(app.client().withToken(ghost).get(tenant.path("/audit-log")), 401, "unauthorized");
        // the other tenant's valid support token on this tenant's path: another tenant, so 404
        String othersToken = tokens.issueSupport(STAFF, other.id, otherGrant, Duration.ofMinutes(30));
        app.client().withToken(othersToken).get(other.path("/audit-log")).expect(200);
        Problems.assertProblem(app.client().withToken(othersToken).get(tenant.path("/audit-log")), 404, "not_found");
        // this tenant's own grant works: the rejections above are about the binding, not the token
        String own = tokens.issueSupport(STAFF, tenant.id, ownGrant, Duration.ofMinutes(30));
        app.client().withToken(own).get(tenant.path("/audit-log")).expect(200);

        // none of the rejected attempts left a support.request entry in this tenant, and the other tenant's
        // one request was recorded there, not here
        Map<String, JsonNode> here = supportRequests();
        assertThat(here.values()).allSatisfy(e -> assertThat(e.path("actor_id").asText()).isEqualTo(ownGrant));
        assertThat(here).hasSize(1);
    }

    @Test
    void expiredGrantIsRejected() {
        String grantId = grant("analyst", 60);
        String token = tokens.issueSupport(STAFF, tenant.id, grantId, Duration.ofMinutes(30));
        app.client().withToken(token).get(tenant.path("/audit-log")).expect(200);
        // move the grant's end into the past through the database side door
        int updated = app.services().jdbi().withHandle(h -> h.createUpdate(
                        "update support_grants set expires_at = :t where tenant_id = :tenant and id = :id")
                .bind("t", Instant.now().minusSeconds(1)).bind("tenant", tenant.id).bind("id", grantId).execute());
        assertThat(updated).isEqualTo(1);
        Problems.assertProblem(app.client().withToken(token).get(tenant.path("/audit-log")), 401, "unauthorized");
    }

    @Test
    void onlyOwnersGrantSupport() {
        for (Role role : List.of(Role.ADMIN, Role.ANALYST, Role.VIEWER)) {
            Problems.assertProblem(tenant.as(role).post(tenant.path("/support-grants"),
                    Map.of("role", "analyst", "duration_minutes", 60, "reason", "by " + role.wire())), 403, "forbidden");
        }
        String grantId = grant("viewer", 60);
        for (Role role : List.of(Role.ADMIN, Role.ANALYST, Role.VIEWER)) {
            Problems.assertProblem(tenant.as(role).post(tenant.path("/support-grants/" + grantId + "/revoke"), null),
                    403, "forbidden");
        }
        JsonNode list = tenant.owner().get(tenant.path("/support-grants")).expect(200).json();
        assertThat(list.path("data")).hasSize(1);
        assertThat(list.path("data").get(0).path("revoked_at").isTextual()).isFalse();
    }

    @Test
    void grantsAreTimeBoxedAndBelowOwner() {
        JsonNode tooLong = Problems.assertProblem(tenant.owner().post(tenant.path("/support-grants"),
                Map.of("role", "analyst", "duration_minutes", 7 * 24 * 60 + 1, "reason", "too long")),
                422, "validation_failed");
        assertThat(tooLong.path("errors").findValuesAsText("field")).contains("duration_minutes");

        for (int minutes : new int[]{0, -5}) {
            Problems.assertProblem(tenant.owner().post(tenant.path("/support-grants"),
                    Map.of("role", "analyst", "duration_minutes", minutes, "reason", "nonsense")), 422, "validation_failed");
        }
        Map<String, Object> noDuration = new HashMap<>(Map.of("role", "analyst", "reason", "forever"));
        Problems.assertProblem(tenant.owner().post(tenant.path("/support-grants"), noDuration), 422,
                "validation_failed");
        JsonNode asOwner = Problems.assertProblem(tenant.owner().post(tenant.path("/support-grants"),
                Map.of("role", "owner", "duration_minutes", 60, "reason", "all of it")), 422, "validation_failed");
        assertThat(asOwner.path("errors").findValuesAsText("field")).contains("role");

        // exactly seven days is allowed
        grant("analyst", 7 * 24 * 60);
        assertThat(tenant.owner().get(tenant.path("/support-grants")).expect(200).json().path("data")).hasSize(1);
    }

    // ---- helpers

    private String grant(String role, int minutes) {
        return tenant.owner().post(tenant.path("/support-grants"),
                Map.of("role", role, "duration_minutes", minutes, "reason", "ticket")).expect(201).json().path("id").asText();
    }

    /** One request with the support token, with a request id of our own, remembered with its method and path. */
    private ApiClient.Reply support(String token, Map<String, String[]> requests, String method, String rest, Object body) {
        String requestId = "it-" + UUID.randomUUID();
        requests.put(requestId, new String[]{method, tenant.path(rest)});
        return app.client().withToken(token).withHeader("X-Request-Id", requestId).send(method, tenant.path(rest), body);
    }

    /** The tenant's support.request audit entries by request id. */
    private Map<String, JsonNode> supportRequests() {
        JsonNode page = tenant.owner().get(tenant.path("/audit-log?action=support.request&limit=200")).expect(200).json();
        Map<String, JsonNode> byRequest = new HashMap<>();
        for (JsonNode entry : page.path("data")) {
            assertThat(entry.path("action").asText()).isEqualTo("support.request");
            byRequest.put(entry.path("request_id").asText(), entry);
        }
        return byRequest;
    }
}
