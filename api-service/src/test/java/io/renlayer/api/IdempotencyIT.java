package io.renlayer.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.renlayer.api.auth.Role;
import io.renlayer.api.testing.ApiClient;
import io.renlayer.api.testing.TestStack;
import io.renlayer.api.testing.TestTenant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.renlayer.api.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code Idempotency-Key}: same key and body replay the first response; the effect happens once. */
@Tag("integration")
class IdempotencyIT {

    private final TestTenant tenant = TestStack.get().app().newTenant();
    private final Jdbi jdbi = TestStack.get().app().services().jdbi();

    @Test
    void sameKeySameBodyReplaysTheFirstResponse() {
        String key = newKey();
        ApiClient admin = tenant.admin().withHeader("Idempotency-Key", key);
        Map<String, Object> body = Map.of("name", "once", "description", "created once");

        ApiClient.Reply first = admin.post(tenant.path("/agents"), body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        ApiClient.Reply second = admin.post(tenant.path("/agents"), body);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(second.contentType()).startsWith("application/json");
        assertThat(second.header("Location")).isEqualTo(first.header("Location")).endsWith(first.json().get("id").asText());

        assertThat(agentIds()).containsExactly(first.json().get("id").asText());

        // Same key, other body: refused, and nothing created.
        ApiClient.Reply other = admin.post(tenant.path("/agents"), Map.of("name", "twice"));
        assertProblem(other, 422, "idempotency_key_reused");
        // Same key, other route: also another request.
        assertProblem(admin.post(tenant.path("/policies"), Map.of("name", "p", "priority", 1, "action", "DENY")),
                422, "idempotency_key_reused");
        assertThat(ConfigCrudIT.ids(tenant.admin().get(tenant.path("/policies")).expect(200).json())).isEmpty();
        assertThat(agentIds()).hasSize(1);

        // Without a key, the same body is a new agent.
        tenant.admin().post(tenant.path("/agents"), body).expect(201);
        assertThat(agentIds()).hasSize(2);
    }

    @Test
    void keysAreScopedToTheCaller() {
        String key = newKey();
        Map<String, Object> body = Map.of("name", "scoped");
        JsonNode byAdmin = tenant.admin().withHeader("Idempotency-Key", key).post(tenant.path("/agents"), body)
                .expect(201).json();
        ApiClient.Reply byOwner = tenant.owner().withHeader("Idempotency-Key", key).post(tenant.path("/agents"), body);
        assertThat(byOwner.status()).isEqualTo(201);
        assertThat(byOwner.header("Idempotent-Replayed")).isNull();
        assertThat(byOwner.json().get("id").asText()).isNotEqualTo(byAdmin.get("id").asText());
        // Another user's key with another body is not "reused" either.
        tenant.owner().withHeader("Idempotency-Key", newKey()).post(tenant.path("/agents"), Map.of("name", "x"))
                .expect(201);
        ApiClient.Reply otherBody = tenant.as(Role.OWNER).withHeader("Idempotency-Key", key)
                .post(tenant.path("/agents"), Map.of("name", "different"));
        assertProblem(otherBody, 422, "idempotency_key_reused");
        assertThat(agentIds()).hasSize(3);

        // And another tenant's user with the same key is independent too.
        TestTenant other = TestStack.get().app().newTenant();
        ApiClient.Reply elsewhere = other.admin().withHeader("Idempotency-Key", key).post(other.path("/agents"), body);
        assertThat(elsewhere.status()).isEqualTo(201);
        assertThat(elsewhere.header("Idempotent-Replayed")).isNull();
        assertThat(elsewhere.json().get("tenant_id").asText()).isEqualTo(other.id);
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneAgent() throws Exception {
        String key = newKey();
        ApiClient admin = tenant.admin().withHeader("Idempotency-Key", key);
        Map<String, Object> body = Map.of("name", "raced");
        int n = 20;
        CountDownLatch gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<ApiClient.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                replies.add(pool.submit(() -> {
                    gate.await();
                    return admin.post(tenant.path("/agents"), body);
                }));
            }
            gate.countDown();
            List<ApiClient.Reply> done = new ArrayList<>();
            for (Future<ApiClient.Reply> r : replies) {
                done.add(r.get(30, TimeUnit.SECONDS));
            }
            assertThat(done).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
            assertThat(done.stream().map(r -> r.json().get("id").asText()).distinct().toList()).hasSize(1);
            assertThat(done.stream().filter(r -> r.header("Idempotent-Replayed") == null).count())
                    .as("exactly one request did the work").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(agentIds()).hasSize(1);
        assertThat(auditCount("agent.created")).isEqualTo(1);
    }

    @Test
    void patchAndDeleteReplayToo() {
        String agent = tenant.createAgent("mutable");
        String patchKey = newKey();
        ApiClient patcher = tenant.admin().withHeader("Idempotency-Key", patchKey);
        JsonNode patched = patcher.patch(tenant.path("/agents/" + agent), Map.of("description", "v1")).expect(200).json();
        // Someone else changes the agent in between: a replay still answers what the first PATCH answered.
        tenant.owner().patch(tenant.path("/agents/" + agent), Map.of("description", "v2")).expect(200);
        ApiClient.Reply replay = patcher.patch(tenant.path("/agents/" + agent), Map.of("description", "v1"));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json()).isEqualTo(patched);
        assertThat(tenant.admin().get(tenant.path("/agents/" + agent)).expect(200).json().get("description").asText())
                .as("the replay did not apply the change again").isEqualTo("v2");
        assertThat(auditCount("agent.updated")).isEqualTo(2);
        assertProblem(patcher.patch(tenant.path("/agents/" + agent), Map.of("description", "v3")),
                422, "idempotency_key_reused");

        ApiClient deleter = tenant.admin().withHeader("Idempotency-Key", newKey());
        ApiClient.Reply deleted = deleter.delete(tenant.path("/agents/" + agent));
        assertThat(deleted.status()).isEqualTo(204);
        ApiClient.Reply again = deleter.delete(tenant.path("/agents/" + agent));
        assertThat(again.status()).as("a replayed DELETE answers 204, not 404").isEqualTo(204);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEmpty();
        assertProblem(tenant.admin().delete(tenant.path("/agents/" + agent)), 404, "not_found");
        assertThat(auditCount("agent.deleted")).isEqualTo(1);
    }

    @Test
    void aFailedWriteDoesNotConsumeItsKey() {
        String key = newKey();
        ApiClient admin = tenant.admin().withHeader("Idempotency-Key", key);
        assertProblem(admin.patch(tenant.path("/agents/agent_01HX0000000000000000000000"), Map.of("name", "x")),
                404, "not_found");
        String agent = tenant.createAgent("late");
        // The 404 rolled back with its claim: the key is free for the request it was meant for.
        assertProblem(admin.patch(tenant.path("/agents/agent_01HX0000000000000000000000"), Map.of("name", "x")),
                404, "not_found");
        assertThat(admin.withHeader("Idempotency-Key", newKey()).patch(tenant.path("/agents/" + agent),
                Map.of("name", "y")).status()).isEqualTo(200);
        assertProblem(tenant.admin().withHeader("Idempotency-Key", "").post(tenant.path("/agents"), Map.of("name", "z")),
                422, "validation_failed");
        assertProblem(tenant.admin().withHeader("Idempotency-Key", "k".repeat(256))
                .post(tenant.path("/agents"), Map.of("name", "z")), 422, "validation_failed");
    }

    @Test
    void aReplayedKeyCreationReturnsTheSameSecretStoredSealed() {
        String agent = tenant.createAgent("keyed");
        String key = newKey();
        ApiClient admin = tenant.admin().withHeader("Idempotency-Key", key);
        JsonNode first = admin.post(tenant.path("/agents/" + agent + "/keys"), Map.of("name", "deploy")).expect(201).json();
        ApiClient.Reply replay = admin.post(tenant.path("/agents/" + agent + "/keys"), Map.of("name", "deploy"));
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        String secret = first.get("secret").asText();
        assertThat(secret).startsWith("rl_");
        assertThat(replay.json().get("secret").asText()).isEqualTo(secret);
        assertThat(replay.json()).isEqualTo(first);
        assertThat(ConfigCrudIT.ids(tenant.admin().get(tenant.path("/agents/" + agent + "/keys")).expect(200).json()))
                .containsExactly(first.get("id").asText());

        String stored = jdbi.withHandle(h -> h.createQuery("select response_body from idempotency_keys "
                + "where scope = :scope and key = :key").bind("scope", tenant.id + ":" + tenant.userId(Role.ADMIN))
                .bind("key", key).mapTo(String.class).one());
        assertThat(stored).isNotBlank().doesNotContain(secret).doesNotContain(first.get("id").asText());
    }

    private List<String> agentIds() {
        return ConfigCrudIT.ids(tenant.admin().get(tenant.path("/agents?limit=200")).expect(200).json());
    }

    private long auditCount(String action) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from audit_log where tenant_id = :t and action = :a")
                .bind("t", tenant.id).bind("a", action).mapTo(Long.class).one());
    }

    private static String newKey() {
        return "idem-" + UUID.randomUUID();
    }
}
