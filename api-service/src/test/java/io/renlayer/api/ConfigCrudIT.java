package io.renlayer.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.renlayer.api.auth.Role;
import io.renlayer.api.testing.ApiClient;
import io.renlayer.api.testing.Sql;
import io.renlayer.api.testing.TestStack;
import io.renlayer.api.testing.TestTenant;
import io.renlayer.engine.dlp.BuiltInDetector;
import io.renlayer.engine.dlp.DetectorCatalogue;
import io.renlayer.schemas.config.KeyEntry;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.renlayer.api.testing.Problems.assertInvalid;
import static io.renlayer.api.testing.Problems.assertProblem;
import static io.renlayer.api.testing.Problems.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Create, read, update and delete of every configuration resource, field by field, and the audit entry of
 * every write. Each test works in a fresh tenant; {@link #everyWriteIsAudited()} checks after each test that
 * every write it made is in the audit log with its actor, action, resource, request id and before/after,
 * and that every rejected write left no entry.
 */
@Tag("integration")
class ConfigCrudIT {

    private static final String CARD_DETECTOR = "det_00000000000000000000000001";
    private static final String IPV4_DETECTOR = "det_00000000000000000000000006";

    private record Expected(String requestId, String actorId, String action, String resourceType,
                            String resourceId, boolean hasBefore, boolean hasAfter) {
    }

    private final TestTenant tenant = TestStack.get().app().newTenant();
    private final Jdbi jdbi = TestStack.get().app().services().jdbi();
    private final List<Expected> audited = new ArrayList<>();
    private final List<String> rejected = new ArrayList<>();
    private String lastRequestId;
    private String lastActor;

    // ------------------------------------------------------------------------------------------------ tenant

    @Test
    void tenantSettings() {
        JsonNode initial = tenant.as(Role.VIEWER).get(tenant.path("")).expect(200).json();
        assertThat(initial.get("id").asText()).isEqualTo(tenant.id);
        assertThat(initial.get("name").asText()).startsWith("Tenant ");
        assertThat(initial.has("config_version")).as("internal counter not exposed").isFalse();
        JsonNode defaults = initial.get("settings");
        assertThat(defaults.get("audit_mode").asText()).isEqualTo("strict");
        assertThat(defaults.get("retention_days").asInt()).isEqualTo(7);
        assertThat(defaults.get("body_capture").asBoolean()).isFalse();
        assertThat(defaults.get("default_policy_action").asText()).as("upper case, as the contract writes it").isEqualTo("ALLOW");
        assertThat(defaults.get("fail_open").asBoolean()).isFalse();
        assertThat(defaults.get("response_dlp").asBoolean()).isFalse();
        assertThat(defaults.path("oidc").isMissingNode() || defaults.path("oidc").isNull()).isTrue();

        Map<String, Object> oidc = Map.of("issuer", "https://idp.example.com", "audience", "renlayer-console",
                "jwks_uri", "https://idp.example.com/keys");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("audit_mode", "async");
        settings.put("retention_days", 30);
        settings.put("body_capture", true);
        settings.put("body_capture_max_bytes", 4096);
        settings.put("default_policy_action", "DENY");
        settings.put("fail_open", true);
        settings.put("response_dlp", true);
        settings.put("oidc", oidc);
        JsonNode patched = write(Role.OWNER, "PATCH", tenant.path(""),
                Map.of("name", "Renamed tenant", "settings", settings)).expect(200).json();
        audited("tenant.updated", "tenant", tenant.id, true, true);
        assertThat(patched.get("name").asText()).isEqualTo("Renamed tenant");

        JsonNode s = tenant.as(Role.VIEWER).get(tenant.path("")).expect(200).json().get("settings");
        assertThat(s.get("audit_mode").asText()).isEqualTo("async");
        assertThat(s.get("retention_days").asInt()).isEqualTo(30);
        assertThat(s.get("body_capture").asBoolean()).isTrue();
        assertThat(s.get("body_capture_max_bytes").asInt()).isEqualTo(4096);
        assertThat(s.get("default_policy_action").asText()).isEqualTo("DENY");
        assertThat(s.get("fail_open").asBoolean()).isTrue();
        assertThat(s.get("response_dlp").asBoolean()).isTrue();
        assertThat(s.get("oidc").get("issuer").asText()).isEqualTo("https://idp.example.com");
        assertThat(s.get("oidc").get("audience").asText()).isEqualTo("renlayer-console");
        assertThat(s.get("oidc").get("jwks_uri").asText()).isEqualTo("https://idp.example.com/keys");

        // A partial PATCH changes only what it names.
        write(Role.OWNER, "PATCH", tenant.path(""), Map.of("settings", Map.of("retention_days", 90))).expect(200);
        audited("tenant.updated", "tenant", tenant.id, true, true);
        JsonNode partial = tenant.owner().get(tenant.path("")).expect(200).json();
        assertThat(partial.get("name").asText()).isEqualTo("Renamed tenant");
        assertThat(partial.get("settings").get("retention_days").asInt()).isEqualTo(90);
        assertThat(partial.get("settings").get("audit_mode").asText()).isEqualTo("async");
        assertThat(partial.get("settings").get("oidc").get("issuer").asText()).isEqualTo("https://idp.example.com");

        write(Role.OWNER, "PATCH", tenant.path(""), Map.of("settings", Map.of("audit_mode", "strict",
                "clear_oidc", true))).expect(200);
        audited("tenant.updated", "tenant", tenant.id, true, true);
        JsonNode cleared = tenant.owner().get(tenant.path("")).expect(200).json().get("settings");
        assertThat(cleared.get("audit_mode").asText()).isEqualTo("strict");
        assertThat(cleared.path("oidc").isMissingNode() || cleared.path("oidc").isNull()).isTrue();
        assertThat(cleared.get("fail_open").asBoolean()).as("untouched").isTrue();

        assertInvalid(rejectedWrite(Role.OWNER, "PATCH", tenant.path(""), Map.of("settings", Map.of(
                        "retention_days", 0, "oidc", Map.of("issuer", "not a url", "audience", "")))),
                "settings.retention_days", "settings.oidc.issuer", "settings.oidc.audience");
        assertInvalid(rejectedWrite(Role.OWNER, "PATCH", tenant.path(""),
                Map.of("settings", Map.of("audit_mode", "sometimes"))), "settings.audit_mode");
        assertProblem(rejectedWrite(Role.ADMIN, "PATCH", tenant.path(""), Map.of("name", "admin cannot")),
                403, "forbidden");
        assertThat(tenant.owner().get(tenant.path("")).expect(200).json().get("settings").get("retention_days").asInt())
                .as("rejected writes changed nothing").isEqualTo(90);
    }

    @Test
    void tenantUpstreams() {
        JsonNode defaults = tenant.as(Role.VIEWER).get(tenant.path("")).expect(200).json().get("settings").get("upstreams");
        assertThat(defaults.get("openai").asText()).isEqualTo("https://api.openai.com");
        assertThat(defaults.get("anthropic").asText()).isEqualTo("https://api.anthropic.com");

        Map<String, Object> upstreams = Map.of("openai", "https://api.openai.com", "crm-tools", "https://tools.example.com/api");
        write(Role.OWNER, "PATCH", tenant.path(""), Map.of("settings", Map.of("upstreams", upstreams))).expect(200);
        audited("tenant.updated", "tenant", tenant.id, true, true);
        JsonNode replaced = tenant.owner().get(tenant.path("")).expect(200).json().get("settings").get("upstreams");
        assertThat(replaced.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("openai", "crm-tools");
        assertThat(replaced.get("crm-tools").asText()).isEqualTo("https://tools.example.com/api");

        assertInvalid(rejectedWrite(Role.OWNER, "PATCH", tenant.path(""), Map.of("settings", Map.of("upstreams",
                        Map.of("Bad Name", "https://a.example.com", "search", "https://a.example.com/?key=1",
                                "files", "ftp://files.example.com")))),
                "settings.upstreams", "settings.upstreams.search", "settings.upstreams.files");
        assertThat(tenant.owner().get(tenant.path("")).expect(200).json().get("settings").get("upstreams").size())
                .as("rejected writes changed nothing").isEqualTo(2);
    }

    // ------------------------------------------------------------------------------------------------- users

    @Test
    void users() {
        JsonNode invited = write(Role.OWNER, "POST", tenant.path("/users"),
                Map.of("email", "New.Person-" + UUID.randomUUID() + "@Example.com", "role", "viewer"))
                .expect(201).json();
        String id = invited.get("id").asText();
        audited("user.invited", "user", id, false, true);
        assertThat(id).startsWith("user_");
        assertThat(invited.get("tenant_id").asText()).isEqualTo(tenant.id);
        assertThat(invited.get("role").asText()).isEqualTo("viewer");
        assertThat(invited.get("email").asText()).as("normalised").startsWith("new.person-").endsWith("@example.com");
        assertThat(invited.get("created_at").asText()).isNotBlank();

        JsonNode got = tenant.as(Role.VIEWER).get(tenant.path("/users/" + id)).expect(200).json();
        assertThat(got).isEqualTo(invited);

        assertThat(ids(tenant.owner().get(tenant.path("/users")).expect(200).json()))
                .contains(id, tenant.userId(Role.OWNER), tenant.userId(Role.ADMIN)).hasSize(5);
        JsonNode viewers = tenant.owner().get(tenant.path("/users?role=viewer")).expect(200).json();
        assertThat(ids(viewers)).containsExactlyInAnyOrder(id, tenant.userId(Role.VIEWER));
        viewers.get("data").forEach(u -> assertThat(u.get("role").asText()).isEqualTo("viewer"));
        assertThat(ids(tenant.owner().get(tenant.path("/users?role=owner")).expect(200).json()))
                .containsExactly(tenant.userId(Role.OWNER));
        assertInvalid(tenant.owner().get(tenant.path("/users?role=god")), "role");

        JsonNode promoted = write(Role.OWNER, "PATCH", tenant.path("/users/" + id), Map.of("role", "analyst"))
                .expect(200).json();
        audited("user.role_changed", "user", id, true, true);
        assertThat(promoted.get("role").asText()).isEqualTo("analyst");
        assertThat(promoted.get("email").asText()).isEqualTo(invited.get("email").asText());
        assertThat(tenant.owner().get(tenant.path("/users/" + id)).expect(200).json().get("role").asText())
                .isEqualTo("analyst");

        // One account per email, whatever the case.
        String adminEmail = tenant.owner().get(tenant.path("/users/" + tenant.userId(Role.ADMIN))).expect(200).json()
                .get("email").asText();
        assertProblem(rejectedWrite(Role.OWNER, "POST", tenant.path("/users"),
                Map.of("email", adminEmail.toUpperCase(), "role", "viewer")), 409, "conflict");
        assertInvalid(rejectedWrite(Role.OWNER, "POST", tenant.path("/users"), Map.of("email", "nope")),
                "email", "role");
        assertProblem(rejectedWrite(Role.ADMIN, "POST", tenant.path("/users"),
                Map.of("email", "x-" + UUID.randomUUID() + "@example.com", "role", "viewer")), 403, "forbidden");

        // The last owner can be neither demoted nor removed.
        String owner = tenant.userId(Role.OWNER);
        assertProblem(rejectedWrite(Role.OWNER, "PATCH", tenant.path("/users/" + owner), Map.of("role", "admin")),
                409, "conflict");
        assertProblem(rejectedWrite(Role.OWNER, "DELETE", tenant.path("/users/" + owner), null), 409, "conflict");
        assertThat(tenant.owner().get(tenant.path("/users/" + owner)).expect(200).json().get("role").asText())
                .isEqualTo("owner");
        // With a second owner, one of them may step down.
        write(Role.OWNER, "PATCH", tenant.path("/users/" + id), Map.of("role", "owner")).expect(200);
        audited("user.role_changed", "user", id, true, true);
        write(Role.OWNER, "PATCH", tenant.path("/users/" + id), Map.of("role", "admin")).expect(200);
        audited("user.role_changed", "user", id, true, true);

        write(Role.OWNER, "DELETE", tenant.path("/users/" + id), null).expect(204);
        audited("user.removed", "user", id, true, false);
        assertProblem(tenant.owner().get(tenant.path("/users/" + id)), 404, "not_found");
        assertProblem(rejectedWrite(Role.OWNER, "DELETE", tenant.path("/users/" + id), null), 404, "not_found");
        assertThat(ids(tenant.owner().get(tenant.path("/users")).expect(200).json())).doesNotContain(id).hasSize(4);
    }

    // ---------------------------------------------------------------------------------------------- API keys

    @Test
    void apiKeysShowTheirSecretOnceAndStoreOnlyItsHash() {
        String agent = createAgent("keyed");
        String idempotencyKey = "key-create-" + UUID.randomUUID();
        lastRequestId = "crud-" + UUID.randomUUID();
        lastActor = tenant.userId(Role.ADMIN);
        JsonNode created = tenant.admin().withHeader("X-Request-Id", lastRequestId)
                .withHeader("Idempotency-Key", idempotencyKey)
                .post(tenant.path("/agents/" + agent + "/keys"), Map.of("name", "ci")).expect(201).json();
        String keyId = created.get("id").asText();
        audited("api_key.created", "api_key", keyId, false, true);
        String secret = created.get("secret").asText();
        assertThat(keyId).startsWith("key_");
        assertThat(secret).startsWith("rl_").hasSizeGreaterThan(30);
        assertThat(created.get("prefix").asText()).startsWith("rl_").hasSizeLessThan(secret.length());
        assertThat(secret).startsWith(created.get("prefix").asText());
        assertThat(created.get("name").asText()).isEqualTo("ci");
        assertThat(created.get("agent_id").asText()).isEqualTo(agent);
        assertThat(created.get("status").asText()).isEqualTo("active");
        assertThat(created.has("secret_sha256")).isFalse();

        JsonNode got = tenant.as(Role.VIEWER).get(tenant.path("/agents/" + agent + "/keys/" + keyId)).expect(200).json();
        assertThat(got.has("secret")).isFalse();
        assertThat(got.has("secret_sha256")).isFalse();
        assertThat(got.get("prefix").asText()).isEqualTo(created.get("prefix").asText());
        assertThat(got.toString()).doesNotContain(secret);
        ApiClient.Reply list = tenant.as(Role.VIEWER).get(tenant.path("/agents/" + agent + "/keys")).expect(200);
        assertThat(ids(list.json())).containsExactly(keyId);
        list.json().get("data").forEach(k -> assertThat(k.has("secret")).isFalse());
        assertThat(list.body()).doesNotContain(secret);

        // The database holds only the SHA-256; the secret is nowhere at rest.
        String storedHash = jdbi.withHandle(h -> h.createQuery("select secret_sha256 from api_keys where id = :id")
                .bind("id", keyId).mapTo(String.class).one());
        assertThat(storedHash).isEqualTo(KeyEntry.secretSha256Of(secret)).hasSize(64);
        for (String table : List.of("api_keys", "audit_log", "outbox", "idempotency_keys")) {
            long hits = jdbi.withHandle(h -> h.createQuery("select count(*) from " + table
                    + " t where strpos(row_to_json(t)::text, :secret) > 0").bind("secret", secret)
                    .mapTo(Long.class).one());
            assertThat(hits).as("rows of %s holding the plain secret", table).isZero();
        }
        assertThat(Sql.count(jdbi, "select count(*) from idempotency_keys where scope like :scope and key = :key",
                "scope", tenant.id + ":%", "key", idempotencyKey)).as("the stored response exists (sealed)").isEqualTo(1);
        assertThat(Sql.count(jdbi, "select count(*) from outbox where tenant_id = :t "
                + "and strpos(payload::text, :hash) > 0", "t", tenant.id, "hash", storedHash)).as("the snapshot carries the hash").isPositive();

        JsonNode revoked = write(Role.ADMIN, "POST", tenant.path("/agents/" + agent + "/keys/" + keyId + "/revoke"), null)
                .expect(200).json();
        audited("api_key.revoked", "api_key", keyId, true, true);
        assertThat(revoked.get("status").asText()).isEqualTo("revoked");
        assertThat(revoked.get("revoked_at").asText()).isNotBlank();
        assertThat(revoked.has("secret")).isFalse();
        JsonNode again = tenant.admin().post(tenant.path("/agents/" + agent + "/keys/" + keyId + "/revoke"), null)
                .expect(200).json();
        assertThat(again.get("status").asText()).isEqualTo("revoked");
        assertThat(again.get("revoked_at").asText()).as("first revocation kept").isEqualTo(revoked.get("revoked_at").asText());
        assertThat(tenant.owner().get(tenant.path("/agents/" + agent + "/keys/" + keyId)).expect(200).json()
                .get("status").asText()).isEqualTo("revoked");

        assertProblem(tenant.admin().post(tenant.path("/agents/" + agent + "/keys/key_01HX0000000000000000000000/revoke"),
                null), 404, "not_found");
        assertProblem(tenant.admin().post(tenant.path("/agents/agent_01HX0000000000000000000000/keys"), Map.of()),
                404, "not_found");
        assertProblem(tenant.as(Role.VIEWER).post(tenant.path("/agents/" + agent + "/keys"), Map.of()), 403, "forbidden");
    }

    // ---------------------------------------------------------------------------------------------- policies

    @Test
    void policies() {
        String agent = createAgent("policed");
        Map<String, Object> match = new LinkedHashMap<>();
        match.put("agent_ids", List.of(agent));
        match.put("methods", List.of("POST", "put"));
        match.put("hosts", List.of("api.openai.com", "*.example.com"));
        match.put("path_globs", List.of("/v1/admin/**", "/v1/*/export"));
        match.put("headers", Map.of("x-env", "prod*"));
        match.put("body_contains", List.of("DROP TABLE"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "  block admin  ");
        body.put("description", "nobody touches admin");
        body.put("priority", 20);
        body.put("action", "DENY");
        body.put("reason", "admin is off limits");
        body.put("match", match);
        JsonNode created = write(Role.ADMIN, "POST", tenant.path("/policies"), body).expect(201).json();
        String id = created.get("id").asText();
        audited("policy.created", "policy", id, false, true);
        assertThat(id).startsWith("pol_");
        assertThat(created.get("name").asText()).isEqualTo("block admin");
        assertThat(created.get("description").asText()).isEqualTo("nobody touches admin");
        assertThat(created.get("priority").asInt()).isEqualTo(20);
        assertThat(created.get("enabled").asBoolean()).isTrue();
        assertThat(created.get("action").asText()).isEqualTo("DENY");
        assertThat(created.get("reason").asText()).isEqualTo("admin is off limits");
        JsonNode m = created.get("match");
        assertThat(texts(m.get("agent_ids"))).containsExactly(agent);
        assertThat(texts(m.get("methods"))).containsExactly("POST", "put");
        assertThat(texts(m.get("hosts"))).containsExactly("api.openai.com", "*.example.com");
        assertThat(texts(m.get("path_globs"))).containsExactly("/v1/admin/**", "/v1/*/export");
        assertThat(m.get("headers").get("x-env").asText()).isEqualTo("prod*");
        assertThat(texts(m.get("body_contains"))).containsExactly("DROP TABLE");
        assertThat(tenant.as(Role.VIEWER).get(tenant.path("/policies/" + id)).expect(200).json()).isEqualTo(created);

        String p10 = createPolicy(10, "ALLOW");
        String p20b = createPolicy(20, "ALLOW");
        String p5 = createPolicy(5, "DENY");
        List<String> expectedOrder = new ArrayList<>(List.of(p5, p10));
        expectedOrder.addAll(id.compareTo(p20b) < 0 ? List.of(id, p20b) : List.of(p20b, id));
        assertThat(ids(tenant.as(Role.VIEWER).get(tenant.path("/policies")).expect(200).json()))
                .as("priority, then id").containsExactlyElementsOf(expectedOrder);

        JsonNode patched = write(Role.ADMIN, "PATCH", tenant.path("/policies/" + id),
                Map.of("priority", 1, "enabled", false)).expect(200).json();
        audited("policy.updated", "policy", id, true, true);
        assertThat(patched.get("priority").asInt()).isEqualTo(1);
        assertThat(patched.get("enabled").asBoolean()).isFalse();
        assertThat(patched.get("match")).as("untouched").isEqualTo(created.get("match"));
        assertThat(patched.get("name").asText()).isEqualTo("block admin");
        assertThat(patched.get("updated_at").asText()).isNotEqualTo(created.get("updated_at").asText());
        assertThat(ids(tenant.admin().get(tenant.path("/policies")).expect(200).json()).getFirst()).isEqualTo(id);
        assertThat(ids(tenant.admin().get(tenant.path("/policies?enabled=false")).expect(200).json()))
                .containsExactly(id);

        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("name", "bad");
        bad.put("priority", -1);
        bad.put("action", "DENY");
        bad.put("match", Map.of("path_globs", List.of("v1/admin"), "methods", List.of("FETCH"),
                "hosts", List.of("bad host!"), "agent_ids", List.of("agent_nope")));
        JsonNode problem = assertInvalid(rejectedWrite(Role.ADMIN, "POST", tenant.path("/policies"), bad),
                "priority", "match.path_globs[0]", "match.methods[0]", "match.hosts[0]", "match.agent_ids[0]");
        assertThat(fields(problem)).hasSize(5);
        assertInvalid(rejectedWrite(Role.ADMIN, "POST", tenant.path("/policies"), Map.of("name", "x")),
                "priority", "action");
        assertInvalid(rejectedWrite(Role.ADMIN, "PATCH", tenant.path("/policies/" + id),
                Map.of("match", Map.of("path_globs", List.of("no-slash")))), "match.path_globs[0]");
        assertThat(tenant.admin().get(tenant.path("/policies/" + id)).expect(200).json().get("match"))
                .as("a rejected PATCH changes nothing").isEqualTo(created.get("match"));
        assertProblem(rejectedWrite(Role.VIEWER, "POST", tenant.path("/policies"), body), 403, "forbidden");

        write(Role.ADMIN, "DELETE", tenant.path("/policies/" + id), null).expect(204);
        audited("policy.deleted", "policy", id, true, false);
        assertProblem(tenant.admin().get(tenant.path("/policies/" + id)), 404, "not_found");
        assertProblem(tenant.admin().patch(tenant.path("/policies/" + id), Map.of("priority", 3)), 404, "not_found");
        assertThat(ids(tenant.admin().get(tenant.path("/policies")).expect(200).json())).containsExactly(p5, p10, p20b);
    }

    @Test
    void evaluateIsADryRun() {
        String deny = write(Role.ADMIN, "POST", tenant.path("/policies"), Map.of("name", "no admin", "priority", 10,
                "action", "DENY", "reason", "admin is off limits",
                "match", Map.of("path_globs", List.of("/v1/admin/**")))).expect(201).json().get("id").asText();
        audited("policy.created", "policy", deny, false, true);
        long[] before = footprint();

        JsonNode denied = tenant.as(Role.VIEWER).post(tenant.path("/policies/evaluate"), Map.of("method", "POST",
                "host", "api.openai.com", "path", "/v1/admin/users/1", "body", "{}")).expect(200).json();
        assertThat(denied.get("decision").asText()).isEqualTo("deny");
        assertThat(denied.get("policy_id").asText()).isEqualTo(deny);
        assertThat(denied.get("reason").asText()).isEqualTo("admin is off limits");
        assertThat(denied.path("forwarded_body").isMissingNode()).isTrue();

        String card = "{\"messages\":[{\"role\":\"user\",\"content\":\"my card is 4111 1111 1111 1111, thanks\"}]}";
        Map<String, Object> chat = Map.of("method", "POST", "host", "api.openai.com", "path", "/v1/chat/completions",
                "body", card);
        JsonNode redacted = tenant.as(Role.VIEWER).post(tenant.path("/policies/evaluate"), chat).expect(200).json();
        assertThat(redacted.get("decision").asText()).as("card detector redacts by default").isEqualTo("allow");
        assertThat(redacted.get("policy_id").isNull()).isTrue();
        assertThat(redacted.get("findings")).anySatisfy(f -> {
            assertThat(f.get("detector_id").asText()).isEqualTo(CARD_DETECTOR);
            assertThat(f.get("action").asText()).isEqualTo("redact");
        });
        assertThat(redacted.get("forwarded_body").asText()).doesNotContain("4111 1111 1111 1111").contains("thanks");
        assertThat(footprint()).as("evaluate stores nothing").containsExactly(before);

        write(Role.ADMIN, "PATCH", tenant.path("/dlp/detectors/" + CARD_DETECTOR), Map.of("action", "block")).expect(200);
        audited("dlp_detector.updated", "dlp_detector", CARD_DETECTOR, true, true);
        before = footprint();
        ApiClient.Reply blockedReply = tenant.as(Role.VIEWER).post(tenant.path("/policies/evaluate"), chat).expect(200);
        JsonNode blocked = blockedReply.json();
        assertThat(blocked.get("decision").asText()).isEqualTo("dlp_block");
        assertThat(blocked.get("findings")).anySatisfy(f -> {
            assertThat(f.get("detector_id").asText()).isEqualTo(CARD_DETECTOR);
            assertThat(f.get("action").asText()).isEqualTo("block");
        });
        assertThat(blocked.path("forwarded_body").isMissingNode()).isTrue();
        assertThat(blockedReply.body()).as("findings never echo the value").doesNotContain("4111 1111 1111 1111");
        assertThat(footprint()).as("evaluate stores nothing").containsExactly(before);

        assertInvalid(tenant.as(Role.VIEWER).post(tenant.path("/policies/evaluate"), Map.of("method", "GET",
                "host", "example.com", "path", "no-slash")), "path");
    }

    // --------------------------------------------------------------------------------------------------- DLP

    @Test
    void dlpDetectors() {
        JsonNode list = tenant.as(Role.VIEWER).get(tenant.path("/dlp/detectors")).expect(200).json();
        assertThat(list.get("next_cursor").isNull()).isTrue();
        List<BuiltInDetector> catalogue = DetectorCatalogue.all();
        assertThat(ids(list)).containsExactlyElementsOf(catalogue.stream().map(BuiltInDetector::id).toList());
        for (int i = 0; i < catalogue.size(); i++) {
            JsonNode d = list.get("data").get(i);
            BuiltInDetector b = catalogue.get(i);
            assertThat(d.get("name").asText()).isEqualTo(b.name());
            assertThat(d.get("enabled").asBoolean()).isEqualTo(b.enabledByDefault());
            assertThat(d.get("action").asText()).isEqualToIgnoringCase(b.defaultAction().name());
            assertThat(d.get("enabled_by_default").asBoolean()).isEqualTo(b.enabledByDefault());
            assertThat(d.get("description").asText()).isNotBlank();
        }
        JsonNode ipv4 = tenant.admin().get(tenant.path("/dlp/detectors/" + IPV4_DETECTOR)).expect(200).json();
        assertThat(ipv4.get("enabled").asBoolean()).isFalse();

        JsonNode patched = write(Role.ADMIN, "PATCH", tenant.path("/dlp/detectors/" + IPV4_DETECTOR),
                Map.of("enabled", true, "action", "block")).expect(200).json();
        audited("dlp_detector.updated", "dlp_detector", IPV4_DETECTOR, true, true);
        assertThat(patched.get("enabled").asBoolean()).isTrue();
        assertThat(patched.get("action").asText()).isEqualTo("block");
        assertThat(patched.get("default_action").asText()).isEqualTo("log");
        write(Role.ADMIN, "PATCH", tenant.path("/dlp/detectors/" + IPV4_DETECTOR), Map.of("action", "redact"))
                .expect(200);
        audited("dlp_detector.updated", "dlp_detector", IPV4_DETECTOR, true, true);
        JsonNode now = tenant.as(Role.VIEWER).get(tenant.path("/dlp/detectors/" + IPV4_DETECTOR)).expect(200).json();
        assertThat(now.get("enabled").asBoolean()).as("kept").isTrue();
        assertThat(now.get("action").asText()).isEqualTo("redact");
        // Other detectors are untouched.
        JsonNode email = tenant.as(Role.VIEWER).get(tenant.path("/dlp/detectors/det_00000000000000000000000004"))
                .expect(200).json();
        assertThat(email.get("action").asText()).isEqualTo("log");

        assertProblem(rejectedWrite(Role.ADMIN, "PATCH", tenant.path("/dlp/detectors/det_0000000000000000000000000Z"),
                Map.of("enabled", true)), 404, "not_found");
        assertProblem(tenant.admin().get(tenant.path("/dlp/detectors/nope")), 404, "not_found");
        assertInvalid(rejectedWrite(Role.ADMIN, "PATCH", tenant.path("/dlp/detectors/" + IPV4_DETECTOR), Map.of()),
                "body");
        assertInvalid(rejectedWrite(Role.ADMIN, "PATCH", tenant.path("/dlp/detectors/" + IPV4_DETECTOR),
                Map.of("action", "explode")), "action");
        assertProblem(rejectedWrite(Role.VIEWER, "PATCH", tenant.path("/dlp/detectors/" + IPV4_DETECTOR),
                Map.of("enabled", false)), 403, "forbidden");
    }

    @Test
    void customPatterns() {
        JsonNode created = write(Role.ADMIN, "POST", tenant.path("/dlp/patterns"),
                Map.of("name", "employee id", "regex", "EMP-[0-9]{6}", "action", "redact")).expect(201).json();
        String id = created.get("id").asText();
        audited("dlp_pattern.created", "dlp_pattern", id, false, true);
        assertThat(id).startsWith("pat_");
        assertThat(created.get("name").asText()).isEqualTo("employee id");
        assertThat(created.get("regex").asText()).isEqualTo("EMP-[0-9]{6}");
        assertThat(created.get("action").asText()).isEqualTo("redact");
        assertThat(created.get("enabled").asBoolean()).isTrue();
        assertThat(tenant.as(Role.VIEWER).get(tenant.path("/dlp/patterns/" + id)).expect(200).json()).isEqualTo(created);
        assertThat(ids(tenant.as(Role.VIEWER).get(tenant.path("/dlp/patterns")).expect(200).json())).containsExactly(id);

        JsonNode patched = write(Role.ADMIN, "PATCH", tenant.path("/dlp/patterns/" + id),
                Map.of("enabled", false, "action", "log")).expect(200).json();
        audited("dlp_pattern.updated", "dlp_pattern", id, true, true);
        assertThat(patched.get("enabled").asBoolean()).isFalse();
        assertThat(patched.get("action").asText()).isEqualTo("log");
        assertThat(patched.get("regex").asText()).as("untouched").isEqualTo("EMP-[0-9]{6}");

        assertInvalid(rejectedWrite(Role.ADMIN, "POST", tenant.path("/dlp/patterns"),
                Map.of("name", "broken", "regex", "(", "action", "block")), "regex");
        JsonNode backref = assertInvalid(rejectedWrite(Role.ADMIN, "POST", tenant.path("/dlp/patterns"),
                Map.of("name", "backref", "regex", "(a)\\1", "action", "block")), "regex");
        assertThat(fields(backref)).containsExactly("regex");
        assertInvalid(rejectedWrite(Role.ADMIN, "POST", tenant.path("/dlp/patterns"),
                Map.of("name", "everything", "regex", "a*", "action", "log")), "regex");
        assertInvalid(rejectedWrite(Role.ADMIN, "POST", tenant.path("/dlp/patterns"), Map.of("regex", "x+")),
                "name", "action");
        assertInvalid(rejectedWrite(Role.ADMIN, "PATCH", tenant.path("/dlp/patterns/" + id), Map.of("regex", "(")),
                "regex");
        assertThat(tenant.admin().get(tenant.path("/dlp/patterns/" + id)).expect(200).json().get("regex").asText())
                .isEqualTo("EMP-[0-9]{6}");

        write(Role.ADMIN, "DELETE", tenant.path("/dlp/patterns/" + id), null).expect(204);
        audited("dlp_pattern.deleted", "dlp_pattern", id, true, false);
        assertProblem(tenant.admin().get(tenant.path("/dlp/patterns/" + id)), 404, "not_found");
        assertThat(ids(tenant.admin().get(tenant.path("/dlp/patterns")).expect(200).json())).isEmpty();
    }

    @Test
    void allowLists() {
        JsonNode created = write(Role.ADMIN, "POST", tenant.path("/dlp/allow-lists"), Map.of("name", "test cards",
                "values", List.of("4111111111111111"), "detector_ids", List.of(CARD_DETECTOR))).expect(201).json();
        String id = created.get("id").asText();
        audited("dlp_allow_list.created", "dlp_allow_list", id, false, true);
        assertThat(id).startsWith("allow_");
        assertThat(created.get("name").asText()).isEqualTo("test cards");
        assertThat(texts(created.get("values"))).containsExactly("4111111111111111");
        assertThat(texts(created.get("detector_ids"))).containsExactly(CARD_DETECTOR);
        assertThat(tenant.as(Role.VIEWER).get(tenant.path("/dlp/allow-lists/" + id)).expect(200).json())
                .isEqualTo(created);
        assertThat(ids(tenant.as(Role.VIEWER).get(tenant.path("/dlp/allow-lists")).expect(200).json()))
                .containsExactly(id);

        JsonNode patched = write(Role.ADMIN, "PATCH", tenant.path("/dlp/allow-lists/" + id),
                Map.of("values", List.of("4111111111111111", "support@example.com"), "detector_ids", List.of()))
                .expect(200).json();
        audited("dlp_allow_list.updated", "dlp_allow_list", id, true, true);
        assertThat(texts(patched.get("values"))).containsExactly("4111111111111111", "support@example.com");
        assertThat(texts(patched.get("detector_ids"))).isEmpty();
        assertThat(patched.get("name").asText()).isEqualTo("test cards");

        assertInvalid(rejectedWrite(Role.ADMIN, "POST", tenant.path("/dlp/allow-lists"), Map.of("name", "x",
                "values", List.of("v"), "detector_ids", List.of("det_0000000000000000000000000Z"))), "detector_ids[0]");
        assertInvalid(rejectedWrite(Role.ADMIN, "POST", tenant.path("/dlp/allow-lists"), Map.of("name", "x",
                "values", List.of("v"), "detector_ids", List.of(CARD_DETECTOR, "nope"))), "detector_ids[1]");
        assertInvalid(rejectedWrite(Role.ADMIN, "POST", tenant.path("/dlp/allow-lists"), Map.of("name", "x",
                "values", List.of())), "values");
        assertInvalid(rejectedWrite(Role.ADMIN, "PATCH", tenant.path("/dlp/allow-lists/" + id),
                Map.of("detector_ids", List.of("det_bogus"))), "detector_ids[0]");

        write(Role.ADMIN, "DELETE", tenant.path("/dlp/allow-lists/" + id), null).expect(204);
        audited("dlp_allow_list.deleted", "dlp_allow_list", id, true, false);
        assertProblem(tenant.admin().get(tenant.path("/dlp/allow-lists/" + id)), 404, "not_found");
        assertProblem(rejectedWrite(Role.ADMIN, "DELETE", tenant.path("/dlp/allow-lists/" + id), null), 404, "not_found");
    }

    // ---------------------------------------------------------------------------------------------- webhooks

    @Test
    void webhooks() {
        JsonNode first = write(Role.ADMIN, "POST", tenant.path("/webhooks"), Map.of(
                "url", "http://localhost:9/hooks/renlayer", "description", "SIEM",
                "event_types", List.of("policy.denied", "key.revoked"))).expect(201).json();
        String id = first.get("id").asText();
        audited("webhook.created", "webhook", id, false, true);
        assertThat(id).startsWith("wh_");
        assertThat(first.get("url").asText()).isEqualTo("http://localhost:9/hooks/renlayer");
        assertThat(first.get("description").asText()).isEqualTo("SIEM");
        assertThat(texts(first.get("event_types"))).containsExactlyInAnyOrder("policy.denied", "key.revoked");
        assertThat(first.get("enabled").asBoolean()).isTrue();
        String secret = first.get("signing_secret").asText();
        assertThat(secret).as("the tenant's first secret is shown").startsWith("whsec_").hasSizeGreaterThan(30);

        JsonNode second = write(Role.ADMIN, "POST", tenant.path("/webhooks"), Map.of(
                "url", "https://hooks.example.com/x", "event_types", List.of("dlp.blocked"))).expect(201).json();
        String id2 = second.get("id").asText();
        audited("webhook.created", "webhook", id2, false, true);
        assertThat(second.has("signing_secret")).as("only the first webhook shows the secret").isFalse();

        JsonNode got = tenant.as(Role.VIEWER).get(tenant.path("/webhooks/" + id)).expect(200).json();
        assertThat(got.has("signing_secret")).isFalse();
        assertThat(got.get("url").asText()).isEqualTo(first.get("url").asText());
        ApiClient.Reply list = tenant.as(Role.VIEWER).get(tenant.path("/webhooks")).expect(200);
        assertThat(ids(list.json())).containsExactlyInAnyOrder(id, id2);
        assertThat(list.body()).doesNotContain(secret);

        JsonNode patched = write(Role.ADMIN, "PATCH", tenant.path("/webhooks/" + id), Map.of("enabled", false,
                "event_types", List.of("dlp.redacted"))).expect(200).json();
        audited("webhook.updated", "webhook", id, true, true);
        assertThat(patched.get("enabled").asBoolean()).isFalse();
        assertThat(texts(patched.get("event_types"))).containsExactly("dlp.redacted");
        assertThat(patched.get("url").asText()).as("untouched").isEqualTo("http://localhost:9/hooks/renlayer");

        assertInvalid(rejectedWrite(Role.ADMIN, "POST", tenant.path("/webhooks"), Map.of(
                "url", "ftp://files.example.com/drop", "event_types", List.of("policy.denied"))), "url");
        assertInvalid(rejectedWrite(Role.ADMIN, "POST", tenant.path("/webhooks"), Map.of(
                "url", "https://hooks.example.com/y", "event_types", List.of("policy.denied", "agent.exploded"))),
                "event_types[1]");
        assertInvalid(rejectedWrite(Role.ADMIN, "POST", tenant.path("/webhooks"), Map.of(
                "url", "https://hooks.example.com/y", "event_types", List.of())), "event_types");
        assertInvalid(rejectedWrite(Role.ADMIN, "PATCH", tenant.path("/webhooks/" + id), Map.of("url", "not a url")),
                "url");

        Instant rotatedAt = Instant.now();
        JsonNode rotated = write(Role.ADMIN, "POST", tenant.path("/webhooks/secret/rotate"), null).expect(200).json();
        audited("webhook_secret.rotated", "webhook_secret", null, false, false);
        String newSecret = rotated.get("signing_secret").asText();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(Instant.parse(rotated.get("previous_expires_at").asText()))
                .isCloseTo(rotatedAt.plus(Duration.ofHours(24)), within(2, ChronoUnit.MINUTES));
        JsonNode third = write(Role.ADMIN, "POST", tenant.path("/webhooks"), Map.of(
                "url", "https://hooks.example.com/z", "event_types", List.of("dlp.blocked"))).expect(201).json();
        audited("webhook.created", "webhook", third.get("id").asText(), false, true);
        assertThat(third.has("signing_secret")).as("a secret exists after rotation").isFalse();
        for (String plain : List.of(secret, newSecret)) {
            assertThat(Sql.count(jdbi, "select count(*) from webhook_signing_secrets t "
                    + "where strpos(row_to_json(t)::text, :s) > 0", "s", plain))
                    .as("signing secrets are stored sealed").isZero();
        }

        write(Role.ADMIN, "DELETE", tenant.path("/webhooks/" + id), null).expect(204);
        audited("webhook.deleted", "webhook", id, true, false);
        assertProblem(tenant.admin().get(tenant.path("/webhooks/" + id)), 404, "not_found");
    }

    // ----------------------------------------------------------------------------------------- support grants

    @Test
    void supportGrants() {
        Instant now = Instant.now();
        JsonNode grant = write(Role.OWNER, "POST", tenant.path("/support-grants"),
                Map.of("role", "analyst", "duration_minutes", 60, "reason", "ticket 4711")).expect(201).json();
        String id = grant.get("id").asText();
        audited("support_grant.created", "support_grant", id, false, true);
        assertThat(id).startsWith("grant_");
        assertThat(grant.get("role").asText()).isEqualTo("analyst");
        assertThat(grant.get("reason").asText()).isEqualTo("ticket 4711");
        assertThat(grant.get("granted_by").asText()).isEqualTo(tenant.userId(Role.OWNER));
        assertThat(Instant.parse(grant.get("expires_at").asText()))
                .isCloseTo(now.plus(Duration.ofMinutes(60)), within(2, ChronoUnit.MINUTES));
        assertThat(grant.path("revoked_at").isMissingNode() || grant.path("revoked_at").isNull()).isTrue();
        assertThat(tenant.admin().get(tenant.path("/support-grants/" + id)).expect(200).json()).isEqualTo(grant);
        assertThat(ids(tenant.admin().get(tenant.path("/support-grants")).expect(200).json())).containsExactly(id);

        assertInvalid(rejectedWrite(Role.OWNER, "POST", tenant.path("/support-grants"),
                Map.of("role", "owner", "duration_minutes", 0, "reason", "")), "role", "duration_minutes", "reason");
        assertProblem(rejectedWrite(Role.ADMIN, "POST", tenant.path("/support-grants"),
                Map.of("role", "viewer", "duration_minutes", 5, "reason", "x")), 403, "forbidden");
        assertProblem(tenant.as(Role.ANALYST).get(tenant.path("/support-grants")), 403, "forbidden");

        JsonNode revoked = write(Role.OWNER, "POST", tenant.path("/support-grants/" + id + "/revoke"), null)
                .expect(200).json();
        audited("support_grant.revoked", "support_grant", id, true, true);
        assertThat(revoked.get("revoked_at").asText()).isNotBlank();
        assertThat(tenant.admin().get(tenant.path("/support-grants/" + id)).expect(200).json().get("revoked_at").asText())
                .isEqualTo(revoked.get("revoked_at").asText());
        assertProblem(tenant.admin().get(tenant.path("/support-grants/grant_01HX0000000000000000000000")),
                404, "not_found");
    }

    // --------------------------------------------------------------------------------------------- audit log

    @Test
    void auditLogFilters() {
        String agent = createAgent("audited");
        write(Role.ADMIN, "PATCH", tenant.path("/agents/" + agent), Map.of("description", "v2")).expect(200);
        audited("agent.updated", "agent", agent, true, true);
        String updateRequest = lastRequestId;
        write(Role.OWNER, "PATCH", tenant.path(""), Map.of("name", "audited tenant")).expect(200);
        audited("tenant.updated", "tenant", tenant.id, true, true);

        String admin = tenant.userId(Role.ADMIN);
        List<JsonNode> byAdmin = audit("actor_id=" + admin);
        assertThat(byAdmin).isNotEmpty().allSatisfy(e -> assertThat(e.get("actor_id").asText()).isEqualTo(admin));
        assertThat(byAdmin).extracting(e -> e.get("action").asText()).containsExactlyInAnyOrder("agent.created",
                "agent.updated");

        List<JsonNode> updates = audit("action=agent.updated");
        assertThat(updates).hasSize(1);
        JsonNode update = updates.getFirst();
        assertThat(update.get("resource_id").asText()).isEqualTo(agent);
        assertThat(update.get("request_id").asText()).isEqualTo(updateRequest);
        assertThat(update.get("summary").get("before").get("name").asText()).isEqualTo("audited");
        assertThat(present(update.get("summary").get("before").path("description"))).isFalse();
        assertThat(update.get("summary").get("after").get("description").asText()).isEqualTo("v2");

        List<JsonNode> users = audit("resource_type=user");
        assertThat(users).as("the owner from bootstrap and three invites").hasSize(4)
                .allSatisfy(e -> assertThat(e.get("resource_type").asText()).isEqualTo("user"));
        assertThat(users).filteredOn(e -> e.get("actor_type").asText().equals("system")).hasSize(1);

        assertThat(audit("actor_id=" + admin + "&action=agent.created")).hasSize(1);
        assertThat(audit("action=no.such.action")).isEmpty();

        List<JsonNode> all = audit("");
        String t = update.get("created_at").asText();
        Instant at = Instant.parse(t);
        String encoded = URLEncoder.encode(t, StandardCharsets.UTF_8);
        List<JsonNode> from = audit("from=" + encoded);
        List<JsonNode> to = audit("to=" + encoded);
        assertThat(from).extracting(e -> e.get("id").asText()).contains(update.get("id").asText());
        assertThat(to).extracting(e -> e.get("id").asText()).doesNotContain(update.get("id").asText())
                .contains(all.getLast().get("id").asText());
        assertThat(from).allSatisfy(e -> assertThat(Instant.parse(e.get("created_at").asText())).isAfterOrEqualTo(at));
        assertThat(to).allSatisfy(e -> assertThat(Instant.parse(e.get("created_at").asText())).isBefore(at));
        assertThat(from.size() + to.size()).as("from (inclusive) and to (exclusive) split the log").isEqualTo(all.size());
        assertThat(audit("from=" + encoded + "&to=" + encoded)).isEmpty();

        assertProblem(tenant.as(Role.VIEWER).get(tenant.path("/audit-log")), 403, "forbidden");
        assertThat(tenant.as(Role.ANALYST).get(tenant.path("/audit-log")).status()).isEqualTo(200);
    }

    // -------------------------------------------------------------------------------------------- the checks

    /** Every write of the test is in the audit log, with who, what, which, the request id and a summary. */
    @AfterEach
    void everyWriteIsAudited() {
        List<JsonNode> entries = audit("");
        for (Expected e : audited) {
            List<JsonNode> matching = entries.stream()
                    .filter(a -> e.requestId().equals(a.path("request_id").asText())).toList();
            assertThat(matching).as("audit entries of request %s (%s)", e.requestId(), e.action()).hasSize(1);
            JsonNode entry = matching.getFirst();
            assertThat(entry.get("id").asText()).startsWith("audit_");
            assertThat(entry.get("tenant_id").asText()).isEqualTo(tenant.id);
            assertThat(entry.get("actor_type").asText()).isEqualTo("user");
            assertThat(entry.get("actor_id").asText()).isEqualTo(e.actorId());
            assertThat(entry.get("action").asText()).isEqualTo(e.action());
            assertThat(entry.get("resource_type").asText()).isEqualTo(e.resourceType());
            if (e.resourceId() != null) {
                assertThat(entry.get("resource_id").asText()).isEqualTo(e.resourceId());
            }
            assertThat(entry.get("client_ip").asText()).isNotBlank();
            JsonNode summary = entry.get("summary");
            assertThat(present(summary.path("before"))).as("before of %s", e.action()).isEqualTo(e.hasBefore());
            assertThat(present(summary.path("after"))).as("after of %s", e.action()).isEqualTo(e.hasAfter());
            if (e.hasAfter() && e.resourceId() != null && summary.get("after").has("id")) {
                assertThat(summary.get("after").get("id").asText()).isEqualTo(e.resourceId());
            }
            if (e.hasBefore() && e.resourceId() != null && summary.get("before").has("id")) {
                assertThat(summary.get("before").get("id").asText()).isEqualTo(e.resourceId());
            }
        }
        for (String requestId : rejected) {
            assertThat(entries).as("a rejected write leaves no audit entry")
                    .noneMatch(a -> requestId.equals(a.path("request_id").asText()));
        }
    }

    // --------------------------------------------------------------------------------------------- helpers

    private ApiClient.Reply write(Role role, String method, String path, Object body) {
        lastRequestId = "crud-" + UUID.randomUUID();
        lastActor = tenant.userId(role);
        ApiClient.Reply reply = tenant.as(role).withHeader("X-Request-Id", lastRequestId).send(method, path, body);
        assertThat(reply.header("X-Request-Id")).as("request id echoed").isEqualTo(lastRequestId);
        return reply;
    }

    private ApiClient.Reply rejectedWrite(Role role, String method, String path, Object body) {
        ApiClient.Reply reply = write(role, method, path, body);
        rejected.add(lastRequestId);
        if (reply.contentType().startsWith("application/problem+json")) {
            assertThat(reply.json().path("request_id").asText()).as("problem names the request").isEqualTo(lastRequestId);
        }
        return reply;
    }

    private void audited(String action, String resourceType, String resourceId, boolean before, boolean after) {
        audited.add(new Expected(lastRequestId, lastActor, action, resourceType, resourceId, before, after));
    }

    private String createAgent(String name) {
        String id = write(Role.ADMIN, "POST", tenant.path("/agents"), Map.of("name", name)).expect(201).json()
                .get("id").asText();
        audited("agent.created", "agent", id, false, true);
        return id;
    }

    private String createPolicy(int priority, String action) {
        String id = write(Role.ADMIN, "POST", tenant.path("/policies"), Map.of("name", "p" + priority,
                "priority", priority, "action", action)).expect(201).json().get("id").asText();
        audited("policy.created", "policy", id, false, true);
        return id;
    }

    /** Every audit entry matching {@code query}, newest first, across pages. */
    private List<JsonNode> audit(String query) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            String q = "?limit=200" + (query.isEmpty() ? "" : "&" + query) + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = tenant.as(Role.ANALYST).get(tenant.path("/audit-log" + q)).expect(200).json();
            page.get("data").forEach(all::add);
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
        } while (cursor != null);
        return all;
    }

    /** Audit entries, outbox records and the config version of the tenant: what a write would change. */
    private long[] footprint() {
        return jdbi.withHandle(h -> new long[]{
                h.createQuery("select count(*) from audit_log where tenant_id = :t").bind("t", tenant.id)
                        .mapTo(Long.class).one(),
                h.createQuery("select count(*) from outbox where tenant_id = :t").bind("t", tenant.id)
                        .mapTo(Long.class).one(),
                h.createQuery("select config_version from tenants where id = :t").bind("t", tenant.id)
                        .mapTo(Long.class).one()});
    }

    private static boolean present(JsonNode node) {
        return !node.isMissingNode() && !node.isNull();
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
