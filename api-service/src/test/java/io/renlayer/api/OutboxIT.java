package io.renlayer.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.renlayer.api.auth.Role;
import io.renlayer.api.core.TenantProvisioning;
import io.renlayer.api.core.WriteRequest;
import io.renlayer.api.core.WriteResult;
import io.renlayer.api.db.AgentDao;
import io.renlayer.api.testing.Sql;
import io.renlayer.api.testing.TestStack;
import io.renlayer.api.testing.TestTenant;
import io.renlayer.ops.testing.TopicReader;
import io.renlayer.schemas.Topics;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;
import io.renlayer.schemas.config.KeyEntry;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static io.renlayer.api.testing.Problems.assertInvalid;
import static io.renlayer.api.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transactional outbox as the data plane sees it: one config snapshot per committed change, in order,
 * nothing for a rejected write, control events with the change that caused them, and nothing lost when the
 * relay is down while changes commit.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxIT {

    private static final Duration ARRIVAL = Duration.ofSeconds(20);

    private final TestStack stack = TestStack.get();
    private TopicReader reader;

    @BeforeAll
    void connect() {
        reader = new TopicReader(stack.kafka.bootstrapServers(), Topics.CONFIG, Topics.CONTROL_EVENTS);
    }

    @AfterAll
    void disconnect() {
        reader.close();
    }

    @Test
    void everyConfigChangePublishesOneSnapshotInOrder() {
        TestTenant tenant = stack.app().newTenant();
        Jdbi jdbi = stack.app().services().jdbi();
        // What each snapshot must show, in order; the first is the bootstrap's (users are not config).
        List<Consumer<JsonNode>> expectations = new ArrayList<>();
        expectations.add(s -> {
            assertThat(s.get("agents")).isEmpty();
            assertThat(s.get("settings").get("retention_days").asInt()).isEqualTo(7);
        });

        String a1 = tenant.createAgent("one");
        expectations.add(s -> assertThat(agentIds(s)).containsExactly(a1));
        String a2 = tenant.createAgent("two");
        expectations.add(s -> assertThat(agentIds(s)).containsExactlyInAnyOrder(a1, a2));
        tenant.admin().patch(tenant.path("/agents/" + a1), Map.of("enabled", false)).expect(200);
        expectations.add(s -> {
            assertThat(agentIds(s)).hasSize(2);
            assertThat(agent(s, a1).get("enabled").asBoolean()).isFalse();
        });

        // Rejected, failed and non-config writes publish nothing.
        assertInvalid(tenant.admin().post(tenant.path("/policies"), Map.of("name", "bad", "priority", -1,
                "action", "DENY")), "priority");
        assertProblem(tenant.admin().patch(tenant.path("/agents/agent_01HX0000000000000000000000"),
                Map.of("enabled", true)), 404, "not_found");
        tenant.owner().post(tenant.path("/users"), Map.of("email", "x-" + UUID.randomUUID() + "@example.com",
                "role", "viewer")).expect(201);

        String policy = tenant.admin().post(tenant.path("/policies"), Map.of("name", "deny admin", "priority", 1,
                "action", "DENY", "match", Map.of("path_globs", List.of("/admin/**")))).expect(201).json()
                .get("id").asText();
        expectations.add(s -> assertThat(s.get("policies")).singleElement()
                .satisfies(p -> assertThat(p.get("id").asText()).isEqualTo(policy)));
        tenant.admin().delete(tenant.path("/agents/" + a2)).expect(204);
        expectations.add(s -> {
            assertThat(agentIds(s)).containsExactly(a1);
            assertThat(s.get("policies")).hasSize(1);
        });
        tenant.owner().patch(tenant.path(""), Map.of("settings", Map.of("retention_days", 30))).expect(200);
        expectations.add(s -> {
            assertThat(s.get("settings").get("retention_days").asInt()).isEqualTo(30);
            assertThat(agentIds(s)).containsExactly(a1);
        });

        int expected = expectations.size();
        List<JsonNode> snapshots = reader.await(Topics.CONFIG, tenant.id, s -> s.size() >= expected, ARRIVAL);
        reader.drain(Duration.ofMillis(500));
        snapshots = reader.values(Topics.CONFIG, tenant.id);
        assertThat(snapshots).as("exactly one snapshot per change, plus the bootstrap one").hasSize(expected);
        for (int i = 0; i < expected; i++) {
            JsonNode s = snapshots.get(i);
            assertThat(s.get("version").asLong()).as("version of snapshot %d", i).isEqualTo(i + 1);
            assertThat(s.get("tenant_id").asText()).isEqualTo(tenant.id);
            expectations.get(i).accept(s);
        }
        assertThat(reader.values(Topics.CONTROL_EVENTS, tenant.id)).as("no control events without a revocation").isEmpty();
        assertThat(Sql.count(jdbi, "select count(*) from outbox where tenant_id = :t", "t", tenant.id))
                .isEqualTo(expected);
    }

    @Test
    void revokingAKeyAnnouncesItAndDropsItFromTheSnapshot() {
        TestTenant tenant = stack.app().newTenant();
        String agent = tenant.createAgent("holder");
        JsonNode key = tenant.admin().post(tenant.path("/agents/" + agent + "/keys"), Map.of("name", "k")).expect(201).json();
        String keyId = key.get("id").asText();
        String secret = key.get("secret").asText();
        JsonNode other = tenant.admin().post(tenant.path("/agents/" + agent + "/keys"), Map.of()).expect(201).json();

        List<JsonNode> withKeys = reader.await(Topics.CONFIG, tenant.id, s -> s.size() >= 4, ARRIVAL);
        JsonNode entry = keyEntry(withKeys.get(2), keyId);
        assertThat(entry.get("secret_sha256").asText()).isEqualTo(KeyEntry.secretSha256Of(secret));
        assertThat(entry.get("prefix").asText()).isEqualTo(key.get("prefix").asText());
        assertThat(entry.get("agent_id").asText()).isEqualTo(agent);
        assertThat(withKeys.toString()).as("no secret on the topic").doesNotContain(secret);

        tenant.admin().post(tenant.path("/agents/" + agent + "/keys/" + keyId + "/revoke"), null).expect(200);
        tenant.admin().post(tenant.path("/agents/" + agent + "/keys/" + keyId + "/revoke"), null).expect(200);

        List<JsonNode> events = reader.await(Topics.CONTROL_EVENTS, tenant.id, e -> !e.isEmpty(), ARRIVAL);
        List<JsonNode> snapshots = reader.await(Topics.CONFIG, tenant.id, s -> s.size() >= 5, ARRIVAL);
        reader.drain(Duration.ofMillis(500));
        events = reader.values(Topics.CONTROL_EVENTS, tenant.id);
        snapshots = reader.values(Topics.CONFIG, tenant.id);

        assertThat(events).as("only the first revocation is announced").hasSize(1);
        JsonNode revoked = events.getFirst();
        assertThat(revoked.get("type").asText()).isEqualTo("key.revoked");
        assertThat(revoked.get("key_id").asText()).isEqualTo(keyId);
        assertThat(revoked.get("agent_id").asText()).isEqualTo(agent);
        assertThat(revoked.get("key_prefix").asText()).isEqualTo(key.get("prefix").asText());
        assertThat(revoked.get("actor_id").asText()).isEqualTo(tenant.userId(Role.ADMIN));
        assertThat(revoked.get("tenant_id").asText()).isEqualTo(tenant.id);
        assertThat(revoked.get("event_id").asText()).isNotBlank();
        assertThat(revoked.get("occurred_at").asText()).isNotBlank();
        assertThat(revoked.toString()).doesNotContain(secret);

        assertThat(snapshots).as("the second revoke changed nothing").hasSize(5);
        JsonNode last = snapshots.getLast();
        assertThat(last.get("version").asLong()).isEqualTo(5);
        assertThat(keyIds(last)).containsExactly(other.get("id").asText());

        // Deleting the agent revokes its remaining key with the same commit.
        tenant.admin().delete(tenant.path("/agents/" + agent)).expect(204);
        events = reader.await(Topics.CONTROL_EVENTS, tenant.id, e -> e.size() >= 2, ARRIVAL);
        assertThat(events.get(1).get("key_id").asText()).isEqualTo(other.get("id").asText());
        snapshots = reader.await(Topics.CONFIG, tenant.id, s -> s.size() >= 6, ARRIVAL);
        assertThat(keyIds(snapshots.getLast())).isEmpty();
        assertThat(snapshots.getLast().get("agents")).isEmpty();
    }

    @Test
    void changesCommittedWhileTheRelayIsDownArriveInOrderAfterARestart() throws Exception {
        TestStack.App app = stack.startApp("outbox_it", "dwoutbox.");
        try {
            Jdbi jdbi = app.services().jdbi();
            TestTenant tenant = app.newTenant();
            for (int i = 0; i < 3; i++) {
                tenant.createAgent("online-" + i);
            }
            reader.await(Topics.CONFIG, tenant.id, s -> s.size() >= 4, ARRIVAL);

            app.support().after(); // the server, and with it the relay, stops; the side door stays open
            for (int i = 0; i < 4; i++) {
                String name = "offline-" + i;
                app.services().writes().run(WriteRequest.system(tenant.id, "outbox-it"), null, tx -> {
                    tx.dao(AgentDao.class).insert(TypedId.newId(IdType.AGENT), tx.tenantId(), name, null, true, tx.now());
                    tx.audit("agent.created", "agent", null, null, null);
                    tx.configChanged();
                    return WriteResult.noContent();
                });
            }
            TenantProvisioning.Provisioned late = new TenantProvisioning(jdbi, app.services().writes())
                    .provision("Late tenant", "late-" + UUID.randomUUID() + "@example.com");
            assertThat(Sql.count(jdbi, "select count(*) from outbox where published_at is null "
                    + "and tenant_id in (:a, :b)", "a", tenant.id, "b", late.tenantId())).as("committed, waiting in the outbox").isEqualTo(5);
            reader.drain(Duration.ofSeconds(1));
            assertThat(reader.values(Topics.CONFIG, tenant.id)).as("nothing published while down").hasSize(4);
            assertThat(reader.values(Topics.CONFIG, late.tenantId())).isEmpty();

            app.support().before();
            // A new port: a fresh client, same token.
            app.client().withToken(tenant.token(Role.ADMIN)).post(tenant.path("/agents"), Map.of("name", "after-restart"))
                    .expect(201);
            List<JsonNode> snapshots = reader.await(Topics.CONFIG, tenant.id,
                    s -> !s.isEmpty() && s.getLast().get("version").asLong() >= 9, ARRIVAL);
            List<JsonNode> lateSnapshots = reader.await(Topics.CONFIG, late.tenantId(), s -> !s.isEmpty(), ARRIVAL);
            reader.drain(Duration.ofMillis(300));
            snapshots = reader.values(Topics.CONFIG, tenant.id);

            List<Long> versions = snapshots.stream().map(s -> s.get("version").asLong()).toList();
            assertThat(versions).as("in order (a resend may repeat, never reorder)").isSorted();
            assertThat(versions.stream().distinct().toList()).as("none missing")
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
            for (JsonNode s : snapshots) {
                assertThat(s.get("agents")).as("agents in snapshot v%s", s.get("version"))
                        .hasSize((int) s.get("version").asLong() - 1);
            }
            assertThat(lateSnapshots.getFirst().get("version").asLong()).isEqualTo(1);
            assertThat(Sql.count(jdbi, "select count(*) from outbox where published_at is null")).as("the outbox is drained").isZero();

            // A batch that fails (random hex that stays over the broker's 1 MiB limit even compressed) must not
            // leave the relay's lock on a pooled connection: once the bad record is gone, publishing resumes.
            long poison = Sql.one(jdbi, Long.class, "insert into outbox (tenant_id, topic, record_key, payload, created_at) "
                    + "select 'poison', :topic, 'poison', jsonb_build_object('pad', string_agg(md5(random()::text), '')), "
                    + "now() from generate_series(1, 80000) returning seq", "topic", Topics.CONFIG);
            Thread.sleep(1500); // the relay fails on it at once, then retries every second
            assertThat(Sql.count(jdbi, "select count(*) from outbox where published_at is null")).isEqualTo(1);
            jdbi.useHandle(h -> h.createUpdate("delete from outbox where seq = :seq").bind("seq", poison).execute());
            app.client().withToken(tenant.token(Role.ADMIN)).post(tenant.path("/agents"), Map.of("name", "after-failure"))
                    .expect(201);
            reader.await(Topics.CONFIG, tenant.id, s -> s.getLast().get("version").asLong() >= 10, Duration.ofSeconds(10));
        } finally {
            app.stop();
        }
    }

    private static List<String> agentIds(JsonNode snapshot) {
        List<String> ids = new ArrayList<>();
        snapshot.get("agents").forEach(a -> ids.add(a.get("id").asText()));
        return ids;
    }

    private static JsonNode agent(JsonNode snapshot, String id) {
        for (JsonNode a : snapshot.get("agents")) {
            if (a.get("id").asText().equals(id)) {
                return a;
            }
        }
        throw new AssertionError("no agent " + id + " in " + snapshot);
    }

    private static List<String> keyIds(JsonNode snapshot) {
        List<String> ids = new ArrayList<>();
        snapshot.get("keys").forEach(k -> ids.add(k.get("id").asText()));
        return ids;
    }

    private static JsonNode keyEntry(JsonNode snapshot, String id) {
        for (JsonNode k : snapshot.get("keys")) {
            if (k.get("id").asText().equals(id)) {
                return k;
            }
        }
        throw new AssertionError("no key " + id + " in " + snapshot);
    }
}
