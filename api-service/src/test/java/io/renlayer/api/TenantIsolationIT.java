package io.renlayer.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.renlayer.api.auth.Role;
import io.renlayer.api.testing.ApiClient;
import io.renlayer.api.testing.Problems;
import io.renlayer.api.testing.TenantFixture;
import io.renlayer.api.testing.TenantRoutes;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guarantee 3 of ARCHITECTURE.md, route by route ({@link TenantRoutes}): another tenant's tenant id or resource
 * ids give 404 {@code not_found} — never 403, never 401, never data — and cross-tenant writes change nothing.
 */
@Tag("integration")
class TenantIsolationIT {

    private TenantFixture a;
    private TenantFixture b;

    @BeforeEach
    void twoTenants() {
        a = TenantFixture.newTenant();
        b = TenantFixture.newTenant();
    }

    /** (a) B's tokens, every role including owner, on A's paths. */
    @Test
    void anotherTenantsTokensGet404OnEveryRoute() {
        SoftAssertions soft = new SoftAssertions();
        for (TenantRoutes.Route route : TenantRoutes.ALL) {
            String path = route.path(a.ids());
            for (Role role : Role.values()) {
                ApiClient.Reply reply = route.send(b.tenant.as(role), path);
                soft.check(() -> assertNotFoundWithoutLeak(reply, path, a));
            }
        }
        soft.assertAll();
    }

    /** The 404 for another tenant is the 404 for a tenant that does not exist: no existence oracle. */
    @Test
    void anotherTenantLooksExactlyLikeNoTenant() {
        Map<String, String> ghostIds = new HashMap<>(a.ids());
        ghostIds.put("tenant_id", TypedId.newId(IdType.TENANT));
        for (TenantRoutes.Route route : TenantRoutes.ALL) {
            JsonNode real = Problems.assertProblem(
                    route.send(b.tenant.owner(), route.path(a.ids())), 404, "not_found");
            JsonNode ghost = Problems.assertProblem(
                    route.send(b.tenant.owner(), route.path(ghostIds)), 404, "not_found");
            assertThat(withoutVolatile(real)).as(route.key()).isEqualTo(withoutVolatile(ghost));
        }
    }

    /** (b) B's owner on B's own tenant path, but with A's resource ids. */
    @Test
    void ownTenantPathWithAnotherTenantsIdsGets404() {
        SoftAssertions soft = new SoftAssertions();
        int checked = 0;
        for (TenantRoutes.Route route : TenantRoutes.ALL) {
            if (!route.hasTenantOwnedIds()) {
                continue;
            }
            Map<String, String> ids = new HashMap<>(a.ids());
            ids.put("tenant_id", b.tenant.id);
            String path = route.path(ids);
            ApiClient.Reply reply = route.send(b.tenant.owner(), path);
            soft.check(() -> assertNotFoundWithoutLeak(reply, path, a));
            checked++;
        }
        soft.assertAll();
        assertThat(checked).as("routes naming a tenant-owned resource").isGreaterThanOrEqualTo(20);
    }

    /** Keys hang under agents: B's agent with A's key, and A's agent with B's key, are both not found. */
    @Test
    void keyOfAnotherTenantUnderOwnAgentGets404() {
        String[][] mixes = {{b.agentId, a.keyId}, {a.agentId, b.keyId}};
        for (String[] mix : mixes) {
            String keyPath = b.tenant.path("/agents/" + mix[0] + "/keys/" + mix[1]);
            Problems.assertProblem(b.tenant.owner().get(keyPath), 404, "not_found");
            Problems.assertProblem(b.tenant.owner().post(keyPath + "/revoke", null), 404, "not_found");
        }
        assertThat(a.tenant.owner().get(a.tenant.path("/agents/" + a.agentId + "/keys/" + a.keyId)).expect(200)
                .json().path("status").asText()).as("A's key").isEqualTo("active");
        assertThat(b.tenant.owner().get(b.tenant.path("/agents/" + b.agentId + "/keys/" + b.keyId)).expect(200)
                .json().path("status").asText()).as("B's key").isEqualTo("active");
    }

    /** (c) Nothing B can read, in any role, mentions any of A's ids. */
    @Test
    void readsOfOneTenantNeverContainAnotherTenantsIds() {
        Set<String> aIds = a.ownedIds();
        int lists = 0;
        for (TenantRoutes.Route route : TenantRoutes.ALL) {
            if (!route.isRead()) {
                continue;
            }
            for (Role role : Role.values()) {
                if (!role.atLeast(route.minRole())) {
                    continue;
                }
                ApiClient.Reply reply = b.tenant.as(role).get(route.path(b.ids())).expect(200);
                for (String id : aIds) {
                    assertThat(reply.body()).as("%s as B's %s mentions A's %s", route, role, id).doesNotContain(id);
                }
                // the same read as A does show A's ids: the check above is not vacuous
                // (not the shared detector catalogue, nor the fixture webhook's deliveries: it has made none)
                if (role == Role.OWNER && reply.json().has("data") && !route.template().contains("/dlp/detectors")
                        && !route.template().endsWith("/deliveries")) {
                    lists++;
                    assertThat(a.tenant.owner().get(route.path(a.ids())).expect(200).body())
                            .as("%s as A", route).containsAnyOf(aIds.toArray(String[]::new));
                }
            }
        }
        assertThat(lists).as("list routes checked").isGreaterThanOrEqualTo(8);
    }

    @Test
    void anotherTenantsCursorIsInvalid() {
        JsonNode page = a.tenant.owner().get(a.tenant.path("/users?limit=1")).expect(200).json();
        String cursor = page.path("next_cursor").asText(null);
        assertThat(cursor).as("A has more than one user, so a next page").isNotBlank();
        a.tenant.owner().get(a.tenant.path("/users?limit=1&cursor=" + cursor)).expect(200);
        Problems.assertProblem(b.tenant.owner().get(b.tenant.path("/users?limit=1&cursor=" + cursor)),
                400, "invalid_cursor");
    }

    /** (d) Every write B attempts against A (A's path, or B's path with A's ids) leaves A exactly as it was. */
    @Test
    void crossTenantWritesChangeNothing() {
        Map<String, JsonNode> aBefore = a.snapshot();
        Map<String, JsonNode> bBefore = b.snapshot();
        int writes = 0;
        for (TenantRoutes.Route route : TenantRoutes.ALL) {
            if (route.isRead()) {
                continue;
            }
            for (Role role : Role.values()) {
                route.send(b.tenant.as(role), route.path(a.ids())).expect(404);
                writes++;
            }
            if (route.hasTenantOwnedIds()) {
                Map<String, String> ids = new HashMap<>(a.ids());
                ids.put("tenant_id", b.tenant.id);
                route.send(b.tenant.owner(), route.path(ids)).expect(404);
                writes++;
            }
        }
        assertThat(writes).isGreaterThan(100);
        assertThat(a.snapshot()).as("A's state and audit log").isEqualTo(aBefore);
        assertThat(b.snapshot()).as("B's state and audit log (failed writes leave no trace either)").isEqualTo(bBefore);

        // The snapshot is able to see a change: the same write as A's own owner does change A.
        a.tenant.owner().patch(a.tenant.path("/agents/" + a.agentId), Map.of("description", "changed by A")).expect(200);
        assertThat(a.snapshot()).isNotEqualTo(aBefore);
    }

    /** Ids of another tenant inside a body behave like ids that do not exist at all. */
    @Test
    void anotherTenantsIdsInBodiesBehaveLikeUnknownIds() {
        String ghostAgent = TypedId.newId(IdType.AGENT);
        String ghostPattern = TypedId.newId(IdType.PATTERN);
        ApiClient owner = b.tenant.owner();

        // the dry run first: the policies created below name agents themselves
        Map<String, Object> sample = new HashMap<>(Map.of("method", "POST", "host", "api.openai.com",
                "path", "/v1/files/upload", "body", "EMP-123456"));
        sample.put("agent_id", a.agentId);
        ApiClient.Reply evalA = owner.post(b.tenant.path("/policies/evaluate"), sample);
        sample.put("agent_id", ghostAgent);
        ApiClient.Reply evalGhost = owner.post(b.tenant.path("/policies/evaluate"), sample);
        evalA.expect(200);
        evalGhost.expect(200);
        assertThat(withoutVolatile(evalA.json())).as("dry run with A's agent id vs a non-existent one")
                .isEqualTo(withoutVolatile(evalGhost.json()));
        // B's dry run is B's configuration: B's own deny policy on /v1/files/** decides, A's plays no part
        assertThat(evalA.json().path("policy_id").asText()).isEqualTo(b.policyId);
        assertThat(evalA.body()).doesNotContain(a.policyId).doesNotContain(a.patternId);

        int withA = owner.post(b.tenant.path("/policies"), Map.of("name", "refs A", "priority", 1, "action", "DENY",
                "match", Map.of("agent_ids", List.of(a.agentId)))).status();
        int withGhost = owner.post(b.tenant.path("/policies"), Map.of("name", "refs ghost", "priority", 2,
                "action", "DENY", "match", Map.of("agent_ids", List.of(ghostAgent)))).status();
        assertThat(withA).as("policy naming A's agent vs a non-existent agent").isEqualTo(withGhost);

        withA = owner.post(b.tenant.path("/dlp/allow-lists"), Map.of("name", "refs A", "values", List.of("v"),
                "detector_ids", List.of(a.patternId))).status();
        withGhost = owner.post(b.tenant.path("/dlp/allow-lists"), Map.of("name", "refs ghost", "values", List.of("v"),
                "detector_ids", List.of(ghostPattern))).status();
        assertThat(withA).as("allow list naming A's pattern vs a non-existent pattern").isEqualTo(withGhost);
    }

    /**
     * A 404 problem for {@code path} that reveals nothing of {@code owner}: {@code instance} merely echoes the
     * requested path, and no other member names any of the owner's ids.
     */
    private static void assertNotFoundWithoutLeak(ApiClient.Reply reply, String path, TenantFixture owner) {
        JsonNode problem = Problems.assertProblem(reply, 404, "not_found");
        assertThat(problem.path("instance").asText()).as("instance of %s", reply).isEqualTo(path.split("\\?")[0]);
        String rest = withoutVolatile(problem).toString();
        for (String id : owner.ownedIds()) {
            assertThat(rest).as("404 for %s names %s", path, id).doesNotContain(id);
        }
    }

    /** The members that differ per request by design: the echoed path and the request id. */
    private static JsonNode withoutVolatile(JsonNode problem) {
        ObjectNode copy = problem.deepCopy();
        copy.remove(List.of("instance", "request_id"));
        return copy;
    }
}
