package io.renlayer.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.renlayer.api.auth.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * A tenant with one resource of every kind {@link TenantRoutes} names, created through the API, so every
 * route template can be filled in. {@link #fresh} makes another one for routes that consume theirs.
 */
public final class TenantFixture {

    /** A built-in detector that is enabled, with action redact, by default (payment_card). */
    public static final String DETECTOR_ID = "det_00000000000000000000000001";

    public final TestTenant tenant;
    public final String agentId;
    public final String keyId;
    public final String policyId;
    public final String patternId;
    public final String allowListId;
    public final String webhookId;
    public final String grantId;
    /** A completed trace in {@link #sessionId}, built by the real streams-processor from proxy events. */
    public final String traceId;
    public final String sessionId;
    /** A viewer who is none of the tenant's signed-in users: the target of user PATCH/DELETE rows. */
    public final String targetUserId;

    private TenantFixture(TestTenant tenant) {
        this.tenant = tenant;
        this.agentId = tenant.createAgent("fixture agent");
        this.keyId = createKey(agentId);
        this.policyId = create("/policies", Map.of("name", "fixture policy", "priority", 100, "action", "DENY",
                "match", Map.of("path_globs", List.of("/v1/files/**"))));
        this.patternId = create("/dlp/patterns", Map.of("name", "fixture pattern", "regex", "EMP-[0-9]{6}",
                "action", "redact"));
        this.allowListId = create("/dlp/allow-lists", Map.of("name", "fixture allow list",
                "values", List.of("4111111111111111")));
        this.webhookId = create("/webhooks", Map.of("url", "https://hooks.example.com/fixture",
                "event_types", List.of("policy.denied", "key.revoked")));
        this.grantId = createGrant();
        this.targetUserId = createUser();
        this.sessionId = "fixture/" + unique();
        this.traceId = TestStack.get().traceFeed().completedTrace(tenant.id, agentId, keyId, sessionId, Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(
                () -> tenant.owner().get(tenant.path("/traces/" + traceId)).status() == 200);
    }

    public static TenantFixture create(TestTenant tenant) {
        return new TenantFixture(tenant);
    }

    /** A new tenant with its fixture, on the shared test stack. */
    public static TenantFixture newTenant() {
        return create(TestStack.get().app().newTenant());
    }

    /** Path parameter name to this tenant's id for it. */
    public Map<String, String> ids() {
        Map<String, String> ids = new HashMap<>();
        ids.put("tenant_id", tenant.id);
        ids.put("user_id", targetUserId);
        ids.put("agent_id", agentId);
        ids.put("key_id", keyId);
        ids.put("policy_id", policyId);
        ids.put("detector_id", DETECTOR_ID);
        ids.put("pattern_id", patternId);
        ids.put("allow_list_id", allowListId);
        ids.put("webhook_id", webhookId);
        ids.put("grant_id", grantId);
        ids.put("trace_id", traceId);
        ids.put("session_id", sessionId);
        return ids;
    }

    /** {@link #ids()}, with a fresh resource for a route that consumes the last one in its path. */
    public Map<String, String> idsFor(TenantRoutes.Route route) {
        Map<String, String> ids = ids();
        if (route.isDestructive()) {
            List<String> params = route.params();
            String consumed = params.getLast();
            ids.put(consumed, fresh(consumed, ids));
        }
        return ids;
    }

    /** Every id this tenant owns: the tenant, its users and its resources (not the shared detector ids). */
    public Set<String> ownedIds() {
        Set<String> owned = new LinkedHashSet<>(ids().values());
        owned.remove(DETECTOR_ID);
        for (Role role : Role.values()) {
            owned.add(tenant.userId(role));
        }
        return owned;
    }

    /**
     * What the tenant's owner reads on every read route: the tenant's whole observable state, audit log
     * included (every write appends to it), to compare before and after calls that must change nothing.
     */
    public Map<String, JsonNode> snapshot() {
        Map<String, JsonNode> state = new TreeMap<>();
        ApiClient owner = tenant.owner();
        for (TenantRoutes.Route route : TenantRoutes.ALL) {
            if (route.isRead()) {
                String path = route.path(ids());
                state.put(path, owner.get(path).expect(200).json());
            }
        }
        return state;
    }

    private String fresh(String param, Map<String, String> ids) {
        return switch (param) {
            case "user_id" -> createUser();
            case "agent_id" -> tenant.createAgent("fresh agent " + unique());
            case "key_id" -> createKey(ids.get("agent_id"));
            case "policy_id" -> create("/policies", Map.of("name", "fresh " + unique(), "priority", 5, "action", "ALLOW"));
            case "pattern_id" -> create("/dlp/patterns", Map.of("name", "fresh " + unique(), "regex", "X-[0-9]{4}",
                    "action", "log"));
            case "allow_list_id" -> create("/dlp/allow-lists", Map.of("name", "fresh " + unique(),
                    "values", List.of("x@example.com")));
            case "webhook_id" -> create("/webhooks", Map.of("url", "https://hooks.example.com/" + unique(),
                    "event_types", List.of("dlp.blocked")));
            case "grant_id" -> createGrant();
            default -> throw new IllegalArgumentException("cannot make a fresh " + param);
        };
    }

    private String createKey(String agent) {
        return create("/agents/" + agent + "/keys", Map.of("name", "fixture key"));
    }

    private String createGrant() {
        return tenant.owner().post(tenant.path("/support-grants"),
                Map.of("role", "analyst", "duration_minutes", 60, "reason", "fixture")).expect(201)
                .json().get("id").asText();
    }

    private String createUser() {
        return tenant.owner().post(tenant.path("/users"),
                Map.of("email", "target-" + unique() + "@example.com", "role", "viewer")).expect(201)
                .json().get("id").asText();
    }

    private String create(String rest, Object body) {
        return tenant.admin().post(tenant.path(rest), body).expect(201).json().get("id").asText();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
