package io.renlayer.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.renlayer.api.auth.Role;
import io.renlayer.api.testing.ApiClient;
import io.renlayer.api.testing.Problems;
import io.renlayer.api.testing.TenantFixture;
import io.renlayer.api.testing.TenantRoutes;
import io.renlayer.api.testing.TestStack;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The role matrix of API.md against the running service: every tenant route ({@link TenantRoutes}) with a
 * signed-in user of every role. Below the route's minimal role: 403 {@code forbidden}, and nothing changes.
 * At or above it: the route's success status.
 */
@Tag("integration")
class RoleMatrixIT {

    private final TestStack.App app = TestStack.get().app();

    @TestFactory
    Stream<DynamicNode> everyRouteWithEveryRole() {
        TenantFixture fixture = TenantFixture.newTenant();
        Map<String, JsonNode> before = fixture.snapshot();

        List<DynamicTest> refused = new ArrayList<>();
        List<DynamicTest> allowed = new ArrayList<>();
        for (TenantRoutes.Route route : TenantRoutes.ALL) {
            for (Role role : Role.values()) {
                if (!role.atLeast(route.minRole())) {
                    refused.add(dynamicTest(route + " as " + role.wire() + " → 403", () -> {
                        ApiClient.Reply reply = route.send(fixture.tenant.as(role), route.path(fixture.ids()));
                        JsonNode problem = Problems.assertProblem(reply, 403, "forbidden");
                        assertThat(problem.path("detail").asText()).contains(route.minRole().wire());
                    }));
                } else {
                    allowed.add(dynamicTest(route + " as " + role.wire() + " → " + route.successStatus(), () -> {
                        // a fresh resource for routes that consume theirs, so every role meets a live one
                        String path = route.path(fixture.idsFor(route));
                        ApiClient.Reply reply = route.send(fixture.tenant.as(role), path);
                        assertThat(reply.status()).as("%s %s as %s: %s", route.method(), path, role, reply)
                                .isEqualTo(route.successStatus());
                        if (reply.status() != 204) {
                            assertThat(reply.contentType()).as(reply.toString()).startsWith(route.contentType());
                        }
                    }));
                }
            }
        }
        // Refused calls run first, against the fixture's own resources; afterwards the tenant must look the same.
        DynamicTest unchanged = dynamicTest("refused calls changed nothing (state and audit log)",
                () -> assertThat(fixture.snapshot()).isEqualTo(before));
        return Stream.of(
                dynamicContainer("below the minimal role", refused.stream()),
                unchanged,
                dynamicContainer("at or above the minimal role", allowed.stream()));
    }

    @Test
    void everyRoleIsTheMinimumOfSomeRoute() {
        // Guards the table against vacuity: each role tier actually occurs, so the factory tests both outcomes.
        Set<Role> minimal = new TreeSet<>();
        TenantRoutes.ALL.forEach(r -> minimal.add(r.minRole()));
        assertThat(minimal).containsExactlyInAnyOrder(Role.values());
        assertThat(TenantRoutes.ALL.stream().filter(r -> !r.isRead())).isNotEmpty();
    }

    @Test
    void theRunningServiceRegistersExactlyTheScannedTenantResources() throws Exception {
        var config = app.support().getEnvironment().jersey().getResourceConfig();
        Set<String> registered = new TreeSet<>();
        Stream.concat(config.getInstances().stream().map(Object::getClass), config.getClasses().stream())
                .filter(c -> c.isAnnotationPresent(Path.class))
                .filter(c -> RouteCoverageTest.normalize(c.getAnnotation(Path.class).value()).startsWith("/v1/tenants/"))
                .forEach(c -> registered.add(c.getName()));
        Set<String> scanned = new TreeSet<>();
        RouteCoverageTest.scanPackage(RouteCoverageTest.RESOURCES_PACKAGE).stream()
                .filter(c -> c.isAnnotationPresent(Path.class))
                .filter(c -> RouteCoverageTest.normalize(c.getAnnotation(Path.class).value()).startsWith("/v1/tenants/"))
                .forEach(c -> scanned.add(c.getName()));
        assertThat(registered).as("tenant resources registered in ApiApplication vs found in "
                + RouteCoverageTest.RESOURCES_PACKAGE).isEqualTo(scanned).isNotEmpty();
    }

    @Test
    void demotionTakesEffectOnTheNextRequest() {
        // Roles are read fresh per request, not trusted from the token: a demoted admin's token loses admin rights.
        TenantFixture fixture = TenantFixture.newTenant();
        String adminToken = fixture.tenant.token(Role.ADMIN);
        ApiClient admin = app.client().withToken(adminToken);
        admin.post(fixture.tenant.path("/agents"), Map.of("name", "before demotion")).expect(201);
        fixture.tenant.owner().patch(fixture.tenant.path("/users/" + fixture.tenant.userId(Role.ADMIN)),
                Map.of("role", "viewer")).expect(200);
        Problems.assertProblem(admin.post(fixture.tenant.path("/agents"), Map.of("name", "after demotion")),
                403, "forbidden");
        admin.get(fixture.tenant.path("/agents")).expect(200);
    }

    @Test
    void refusedWritesWithABodyKeepTheConnectionUsable() {
        // A body refused unread (403/401 from a filter) used to make Jetty drop the keep-alive connection
        // silently, so a client's next request on it failed with no response at all (a few percent of the time).
        TenantFixture fixture = TenantFixture.newTenant();
        ApiClient viewer = fixture.tenant.as(Role.VIEWER);
        ApiClient anonymous = app.client();
        String path = fixture.tenant.path("");
        Map<String, Object> body = Map.of("name", "x".repeat(512));
        // the follow-up is a POST: the JDK client silently retries a GET on a dead connection, not a POST
        String evaluate = fixture.tenant.path("/policies/evaluate");
        Map<String, Object> sample = Map.of("method", "GET", "host", "api.example.com", "path", "/");
        for (int i = 0; i < 150; i++) {
            try {
                Problems.assertProblem(viewer.patch(path, body), 403, "forbidden");
                viewer.post(evaluate, sample).expect(200);
                Problems.assertProblem(anonymous.patch(path, body), 401, "unauthorized");
                viewer.post(evaluate, sample).expect(200);
            } catch (IllegalStateException e) {
                throw new AssertionError("round " + i + ": a request got no HTTP response", e);
            }
        }
    }
}
