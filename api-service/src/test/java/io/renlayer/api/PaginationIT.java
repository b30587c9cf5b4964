package io.renlayer.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.renlayer.api.auth.Role;
import io.renlayer.api.testing.ApiClient;
import io.renlayer.api.testing.TestStack;
import io.renlayer.api.testing.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.renlayer.api.testing.Problems.assertInvalid;
import static io.renlayer.api.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Keyset pagination: stable under concurrent inserts, bounded limits, tamper-proof cursors. */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaginationIT {

    private static final int AGENTS = 500;

    private final TestTenant tenant = TestStack.get().app().newTenant();
    private final Set<String> original = ConcurrentHashMap.newKeySet();

    /** 500 agents through the API, eight at a time. */
    @BeforeAll
    void createAgents() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < AGENTS; i++) {
                String name = "agent-" + i;
                created.add(pool.submit(() -> tenant.admin().post(tenant.path("/agents"), Map.of("name", name))
                        .expect(201).json().get("id").asText()));
            }
            for (Future<String> f : created) {
                original.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(original).hasSize(AGENTS);
    }

    @Test
    void walkingWhileOthersInsertSkipsAndRepeatsNothing() throws Exception {
        AtomicBoolean walking = new AtomicBoolean(true);
        AtomicInteger inserted = new AtomicInteger();
        TestTenant writer = tenant;
        Thread inserter = Thread.ofPlatform().name("inserter").start(() -> {
            while (walking.get()) {
                writer.admin().post(writer.path("/agents"), Map.of("name", "late-" + inserted.get())).expect(201);
                inserted.incrementAndGet();
            }
        });
        List<String> seen = new ArrayList<>();
        int pages = 0;
        String cursor = null;
        try {
            do {
                JsonNode page = tenant.as(Role.VIEWER).get(tenant.path("/agents?limit=7"
                        + (cursor == null ? "" : "&cursor=" + cursor))).expect(200).json();
                assertThat(page.get("data").size()).isBetween(1, 7);
                page.get("data").forEach(a -> seen.add(a.get("id").asText()));
                cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
                pages++;
            } while (cursor != null);
        } finally {
            walking.set(false);
            inserter.join(10_000);
        }
        assertThat(inserted.get()).as("inserts really happened during the walk").isPositive();
        assertThat(new HashSet<>(seen)).as("no duplicates").hasSize(seen.size());
        assertThat(seen).as("no gap").containsAll(original);
        assertThat(pages).isGreaterThanOrEqualTo((AGENTS + 6) / 7);
        List<String> sorted = new ArrayList<>(seen);
        sorted.sort(Comparator.reverseOrder());
        assertThat(seen).as("newest first, by id").isEqualTo(sorted);
    }

    @Test
    void limits() {
        JsonNode byDefault = tenant.as(Role.VIEWER).get(tenant.path("/agents")).expect(200).json();
        assertThat(byDefault.get("data")).hasSize(50);
        assertThat(byDefault.get("next_cursor").asText()).isNotBlank();
        assertThat(tenant.as(Role.VIEWER).get(tenant.path("/agents?limit=200")).expect(200).json().get("data"))
                .hasSize(200);
        assertThat(tenant.as(Role.VIEWER).get(tenant.path("/agents?limit=1")).expect(200).json().get("data"))
                .hasSize(1);
        for (String bad : List.of("201", "0", "-1", "abc", "1.5", "")) {
            ApiClient.Reply reply = tenant.as(Role.VIEWER).get(tenant.path("/agents?limit=" + bad));
            if (bad.isEmpty() && reply.status() == 200) {
                continue; // an empty parameter may count as absent
            }
            assertInvalid(reply, "limit");
        }
        assertInvalid(tenant.as(Role.VIEWER).get(tenant.path("/users?limit=1000")), "limit");
        assertInvalid(tenant.as(Role.VIEWER).get(tenant.path("/policies?limit=0")), "limit");
    }

    @Test
    void cursorsAreBoundToTheirListAndTenant() {
        String cursor = tenant.as(Role.VIEWER).get(tenant.path("/agents?limit=5")).expect(200).json()
                .get("next_cursor").asText();
        // The genuine cursor works.
        tenant.as(Role.VIEWER).get(tenant.path("/agents?limit=5&cursor=" + cursor)).expect(200);

        for (int position : new int[]{0, 5, cursor.length() / 2, cursor.length() - 2}) {
            char c = cursor.charAt(position);
            String tampered = cursor.substring(0, position) + (c == 'A' ? 'B' : 'A') + cursor.substring(position + 1);
            assertProblem(tenant.as(Role.VIEWER).get(tenant.path("/agents?cursor=" + tampered)), 400, "invalid_cursor");
        }
        assertProblem(tenant.as(Role.VIEWER).get(tenant.path("/agents?cursor=" + cursor + "AA")), 400, "invalid_cursor");
        assertProblem(tenant.as(Role.VIEWER).get(tenant.path("/agents?cursor=not*base64")), 400, "invalid_cursor");
        assertProblem(tenant.as(Role.VIEWER).get(tenant.path("/agents?cursor=AAAA")), 400, "invalid_cursor");

        String usersCursor = tenant.as(Role.VIEWER).get(tenant.path("/users?limit=1")).expect(200).json()
                .get("next_cursor").asText();
        tenant.as(Role.VIEWER).get(tenant.path("/users?limit=1&cursor=" + usersCursor)).expect(200);
        assertProblem(tenant.as(Role.VIEWER).get(tenant.path("/agents?cursor=" + usersCursor)), 400, "invalid_cursor");
        assertProblem(tenant.as(Role.VIEWER).get(tenant.path("/policies?cursor=" + cursor)), 400, "invalid_cursor");
        assertProblem(tenant.as(Role.ANALYST).get(tenant.path("/audit-log?cursor=" + cursor)), 400, "invalid_cursor");

        TestTenant other = TestStack.get().app().newTenant();
        other.createAgent("a");
        other.createAgent("b");
        String foreign = other.as(Role.VIEWER).get(other.path("/agents?limit=1")).expect(200).json()
                .get("next_cursor").asText();
        other.as(Role.VIEWER).get(other.path("/agents?limit=1&cursor=" + foreign)).expect(200);
        assertProblem(tenant.as(Role.VIEWER).get(tenant.path("/agents?cursor=" + foreign)), 400, "invalid_cursor");
        assertProblem(other.as(Role.VIEWER).get(other.path("/agents?cursor=" + cursor)), 400, "invalid_cursor");
    }

    @Test
    void policiesPageInPriorityThenIdOrder() {
        TestTenant t = TestStack.get().app().newTenant();
        int[] priorities = {30, 10, 20, 10, 0, 30, 20, 10, 5, 1000, 5, 0, 20, 10, 7};
        List<String[]> created = new ArrayList<>();
        for (int i = 0; i < priorities.length; i++) {
            String id = t.admin().post(t.path("/policies"), Map.of("name", "p" + i, "priority", priorities[i],
                    "action", i % 2 == 0 ? "ALLOW" : "DENY")).expect(201).json().get("id").asText();
            created.add(new String[]{String.format("%07d", priorities[i]), id});
        }
        List<String> expected = created.stream()
                .sorted(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]))
                .map(p -> p[1]).toList();

        Set<String> walked = new LinkedHashSet<>();
        List<Integer> seenPriorities = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = t.as(Role.VIEWER).get(t.path("/policies?limit=4" + (cursor == null ? "" : "&cursor=" + cursor)))
                    .expect(200).json();
            page.get("data").forEach(p -> {
                assertThat(walked.add(p.get("id").asText())).as("no duplicate").isTrue();
                seenPriorities.add(p.get("priority").asInt());
            });
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
        } while (cursor != null);
        assertThat(walked).containsExactlyElementsOf(expected);
        assertThat(seenPriorities).isSorted();

        // A policy moved ahead of the cursor is not seen again; one moved behind it is not skipped.
        JsonNode firstPage = t.as(Role.VIEWER).get(t.path("/policies?limit=4")).expect(200).json();
        String next = firstPage.get("next_cursor").asText();
        String last = expected.getLast();
        t.admin().patch(t.path("/policies/" + last), Map.of("priority", 0)).expect(200);
        Set<String> rest = new LinkedHashSet<>();
        cursor = next;
        do {
            JsonNode page = t.as(Role.VIEWER).get(t.path("/policies?limit=4&cursor=" + cursor)).expect(200).json();
            page.get("data").forEach(p -> rest.add(p.get("id").asText()));
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
        } while (cursor != null);
        assertThat(rest).doesNotContain(last).containsAll(expected.subList(4, expected.size() - 1));
    }
}
