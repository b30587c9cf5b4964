package io.renlayer.api.testing;

import io.renlayer.api.auth.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.renlayer.api.auth.Role.ADMIN;
import static io.renlayer.api.auth.Role.ANALYST;
import static io.renlayer.api.auth.Role.OWNER;
import static io.renlayer.api.auth.Role.VIEWER;

/**
 * Every route under {@code /v1/tenants/{tenant_id}}, once: the role matrix of API.md as data. The role-matrix
 * test calls each with every role, the isolation test with another tenant's tokens and ids, and
 * {@code RouteCoverageTest} fails when a resource method has no row here (or a row has no method).
 *
 * <p>Templates use the JAX-RS parameter names of the resources, so a row and a method compare as strings.
 */
public final class TenantRoutes {

    public static final String PREFIX = "/v1/tenants/{tenant_id}";

    /** Path parameters that name a resource of one tenant (the detector catalogue is shared, so not detector_id). */
    public static final List<String> TENANT_OWNED_PARAMS = List.of("user_id", "agent_id", "key_id", "policy_id",
            "pattern_id", "allow_list_id", "webhook_id", "grant_id", "trace_id", "session_id");

    private static final Pattern PARAM = Pattern.compile("\\{([a-z_]+)}");

    /**
     * One route.
     *
     * @param template      full path template, starting with {@link #PREFIX}
     * @param minRole       the least role that may call it (API.md role matrix)
     * @param successStatus what a caller with enough rights gets for {@code body}
     * @param body          a minimal valid body (fresh on every call: invites need unique emails), or null
     */
    public record Route(String method, String template, Role minRole, int successStatus, Supplier<Object> body) {

        public boolean isRead() {
            return method.equals("GET");
        }

        /** What a successful call answers with: NDJSON for exports, JSON otherwise. */
        public String contentType() {
            return template.endsWith("/export") ? "application/x-ndjson" : "application/json";
        }

        /** Consumes the resource in its path: each successful call needs a fresh one. */
        public boolean isDestructive() {
            return method.equals("DELETE") || template.endsWith("/revoke");
        }

        /** The path parameters after {@code tenant_id}, in order. */
        public List<String> params() {
            List<String> params = new ArrayList<>();
            Matcher m = PARAM.matcher(template.substring(PREFIX.length()));
            while (m.find()) {
                params.add(m.group(1));
            }
            return params;
        }

        /** Names a resource owned by one tenant. */
        public boolean hasTenantOwnedIds() {
            return params().stream().anyMatch(TENANT_OWNED_PARAMS::contains);
        }

        /** The concrete path: every {@code {param}} replaced from {@code ids} (which must name them all). */
        public String path(Map<String, String> ids) {
            Matcher m = PARAM.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String id = ids.get(m.group(1));
                if (id == null) {
                    throw new IllegalArgumentException("no id for {" + m.group(1) + "} in " + template);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(id));
            }
            return m.appendTail(out).toString();
        }

        public Object newBody() {
            return body == null ? null : body.get();
        }

        /** Calls the route at {@code path} with a fresh body; a failure without an HTTP response names the call. */
        public ApiClient.Reply send(ApiClient client, String path) {
            try {
                return client.send(method, path, newBody());
            } catch (IllegalStateException e) {
                throw new AssertionError(method + " " + path + " got no HTTP response", e);
            }
        }

        /** {@code METHOD template}, the key the coverage test compares. */
        public String key() {
            return method + " " + template;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    public static final List<Route> ALL = List.of(
            // tenant
            get("", VIEWER),
            route("PATCH", "", OWNER, 200, () -> Map.of("name", "Renamed " + unique())),
            // users
            route("POST", "/users", OWNER, 201,
                    () -> Map.of("email", "invitee-" + unique() + "@example.com", "role", "viewer")),
            get("/users", VIEWER),
            get("/users/{user_id}", VIEWER),
            // the fixture's target user is a viewer: this really changes the role
            route("PATCH", "/users/{user_id}", OWNER, 200, () -> Map.of("role", "analyst")),
            route("DELETE", "/users/{user_id}", OWNER, 204, null),
            // agents
            route("POST", "/agents", ADMIN, 201, () -> Map.of("name", "agent " + unique())),
            get("/agents", VIEWER),
            get("/agents/{agent_id}", VIEWER),
            route("PATCH", "/agents/{agent_id}", ADMIN, 200, () -> Map.of("description", "patched " + unique())),
            route("DELETE", "/agents/{agent_id}", ADMIN, 204, null),
            // API keys
            route("POST", "/agents/{agent_id}/keys", ADMIN, 201, () -> Map.of("name", "key " + unique())),
            get("/agents/{agent_id}/keys", VIEWER),
            get("/agents/{agent_id}/keys/{key_id}", VIEWER),
            route("POST", "/agents/{agent_id}/keys/{key_id}/revoke", ADMIN, 200, null),
            // policies
            route("POST", "/policies", ADMIN, 201,
                    () -> Map.of("name", "policy " + unique(), "priority", 10, "action", "DENY")),
            get("/policies", VIEWER),
            get("/policies/{policy_id}", VIEWER),
            route("PATCH", "/policies/{policy_id}", ADMIN, 200, () -> Map.of("priority", 7)),
            route("DELETE", "/policies/{policy_id}", ADMIN, 204, null),
            route("POST", "/policies/evaluate", VIEWER, 200,
                    () -> Map.of("method", "POST", "host", "api.openai.com", "path", "/v1/chat/completions",
                            "body", "{\"messages\":[]}")),
            // DLP
            get("/dlp/detectors", VIEWER),
            get("/dlp/detectors/{detector_id}", VIEWER),
            // the fixture's detector is enabled with action redact by default: this really changes it
            route("PATCH", "/dlp/detectors/{detector_id}", ADMIN, 200, () -> Map.of("enabled", false, "action", "log")),
            route("POST", "/dlp/patterns", ADMIN, 201,
                    () -> Map.of("name", "employee id " + unique(), "regex", "EMP-[0-9]{6}", "action", "redact")),
            get("/dlp/patterns", VIEWER),
            get("/dlp/patterns/{pattern_id}", VIEWER),
            route("PATCH", "/dlp/patterns/{pattern_id}", ADMIN, 200, () -> Map.of("regex", "EMP-[0-9]{7}")),
            route("DELETE", "/dlp/patterns/{pattern_id}", ADMIN, 204, null),
            route("POST", "/dlp/allow-lists", ADMIN, 201,
                    () -> Map.of("name", "test cards " + unique(), "values", List.of("4111111111111111"))),
            get("/dlp/allow-lists", VIEWER),
            get("/dlp/allow-lists/{allow_list_id}", VIEWER),
            route("PATCH", "/dlp/allow-lists/{allow_list_id}", ADMIN, 200,
                    () -> Map.of("values", List.of("support@example.com"))),
            route("DELETE", "/dlp/allow-lists/{allow_list_id}", ADMIN, 204, null),
            // webhooks
            route("POST", "/webhooks", ADMIN, 201,
                    () -> Map.of("url", "https://hooks.example.com/" + unique(), "event_types", List.of("policy.denied"))),
            get("/webhooks", VIEWER),
            get("/webhooks/{webhook_id}", VIEWER),
            route("PATCH", "/webhooks/{webhook_id}", ADMIN, 200, () -> Map.of("enabled", false)),
            route("DELETE", "/webhooks/{webhook_id}", ADMIN, 204, null),
            get("/webhooks/{webhook_id}/deliveries", ANALYST),
            route("POST", "/webhooks/{webhook_id}/test", ADMIN, 200, null),
            route("POST", "/webhooks/secret/rotate", ADMIN, 200, null),
            // support grants
            route("POST", "/support-grants", OWNER, 201,
                    () -> Map.of("role", "analyst", "duration_minutes", 60, "reason", "ticket " + unique())),
            get("/support-grants", ADMIN),
            get("/support-grants/{grant_id}", ADMIN),
            route("POST", "/support-grants/{grant_id}/revoke", OWNER, 200, null),
            // audit log
            get("/audit-log", ANALYST),
            // traces and sessions (read from streams-processor)
            get("/traces", ANALYST),
            get("/traces/export", ANALYST),
            get("/traces/{trace_id}", ANALYST),
            get("/sessions", ANALYST),
            get("/sessions/{session_id}", ANALYST));

    private static Route get(String rest, Role minRole) {
        return route("GET", rest, minRole, 200, null);
    }

    private static Route route(String method, String rest, Role minRole, int status, Supplier<Object> body) {
        return new Route(method, PREFIX + rest, minRole, status, body);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private TenantRoutes() {
    }
}
