package io.renlayer.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.renlayer.api.auth.Role;
import io.renlayer.api.testing.ApiClient;
import io.renlayer.api.testing.Problems;
import io.renlayer.api.testing.TestStack;
import io.renlayer.api.testing.TestTenant;
import io.renlayer.api.testing.TraceFeed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trace, session and export routes against the real streams-processor of the test stack, fed with proxy
 * events: filters, pages that neither repeat nor skip while traces arrive, cursors bound to their filters, sessions
 * with their traces, NDJSON exports, and the query API's refusals relayed as this API's problems.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracesIT {

    private static final int TRACES = 45;

    private final TestStack stack = TestStack.get();
    private final TestTenant tenant = stack.app().newTenant();
    private final List<String> newestFirst = new ArrayList<>();
    private String agentA;
    private String agentB;
    private Instant base;

    @BeforeAll
    void traces() {
        agentA = tenant.createAgent("agent a");
        agentB = tenant.createAgent("agent b");
        TraceFeed feed = stack.traceFeed();
        base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(30));
        for (int i = 0; i < TRACES; i++) {
            String agent = i % 3 == 0 ? agentB : agentA;
            String session = i % 5 == 0 ? null : "s-" + (i % 4);
            newestFirst.addFirst(feed.completedTrace(tenant.id, agent, "key_01JD8X4Q2M7T9V3W5Y6Z8A0B1C", session,
                    base.plusSeconds(i)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ids(analyst().get(tenant.path("/traces?limit=200"))
                .expect(200).json()).size() == TRACES);
    }

    @Test
    void pagesWalkEveryTraceNewestFirstWithoutDuplicateOrGapWhileTracesArrive() {
        List<String> walked = new ArrayList<>();
        List<String> arrived = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = analyst().get(tenant.path("/traces?limit=7" + (cursor == null ? "" : "&cursor=" + cursor)))
                    .expect(200).json();
            walked.addAll(ids(page));
            cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
            // newer than every page read so far: must neither shift the next pages nor appear in them
            arrived.add(stack.traceFeed().completedTrace(tenant.id, agentA, "key_01JD8X4Q2M7T9V3W5Y6Z8A0B1C", null,
                    Instant.now()));
        } while (cursor != null);

        assertThat(walked).doesNotHaveDuplicates().doesNotContainAnyElementsOf(arrived);
        assertThat(walked.subList(walked.size() - TRACES, walked.size())).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void filtersSelectByAgentSessionAndTime() {
        JsonNode byAgent = analyst().get(tenant.path("/traces?limit=200&agent_id=" + agentB + "&to="
                + base.plusSeconds(TRACES))).expect(200).json();
        assertThat(byAgent.path("data")).hasSize(TRACES / 3)
                .allSatisfy(t -> assertThat(t.path("agent_id").asText()).isEqualTo(agentB));

        JsonNode inWindow = analyst().get(tenant.path("/traces?from=" + base.plusSeconds(10) + "&to="
                + base.plusSeconds(20))).expect(200).json();
        assertThat(ids(inWindow)).containsExactlyElementsOf(newestFirst.subList(TRACES - 20, TRACES - 10));

        JsonNode bySession = analyst().get(tenant.path("/traces?session_id=s-1")).expect(200).json();
        assertThat(bySession.path("data")).isNotEmpty()
                .allSatisfy(t -> assertThat(t.path("session_id").asText()).isEqualTo("s-1"));
    }

    @Test
    void aTraceCarriesItsCompletionAndUsage() {
        String traceId = newestFirst.getFirst();
        JsonNode trace = analyst().get(tenant.path("/traces/" + traceId)).expect(200).json();

        assertThat(trace.path("trace_id").asText()).isEqualTo(traceId);
        assertThat(trace.path("tenant_id").asText()).isEqualTo(tenant.id);
        assertThat(trace.path("status").asText()).isEqualTo("completed");
        assertThat(trace.path("http_status").asInt()).isEqualTo(200);
        assertThat(trace.path("usage").path("total_tokens").asInt()).isEqualTo(30);
        Problems.assertProblem(analyst().get(tenant.path("/traces/trace_01JD8X4Q2M7T9V3W5Y6Z8A0B1C")), 404, "not_found");
        Problems.assertProblem(analyst().get(tenant.path("/traces/not-a-trace-id")), 404, "not_found");
    }

    @Test
    void aSessionShowsItsSummaryAndPagesItsTraces() {
        JsonNode sessions = analyst().get(tenant.path("/sessions?agent_id=" + agentA)).expect(200).json();
        assertThat(sessions.path("data")).extracting(s -> s.path("session_id").asText())
                .containsExactlyInAnyOrder("s-0", "s-1", "s-2", "s-3");

        JsonNode first = analyst().get(tenant.path("/sessions/s-1?limit=5")).expect(200).json();
        JsonNode summary = first.path("session");
        long count = summary.path("trace_count").asLong();
        assertThat(count).isGreaterThan(5);
        assertThat(summary.path("tokens").path("total_tokens").asLong()).isEqualTo(30 * count);
        assertThat(first.path("traces").path("data")).hasSize(5);

        List<String> traces = new ArrayList<>(ids(first.path("traces")));
        JsonNode second = analyst().get(tenant.path("/sessions/s-1?limit=200&cursor="
                + first.path("traces").path("next_cursor").asText())).expect(200).json();
        traces.addAll(ids(second.path("traces")));
        assertThat(traces).doesNotHaveDuplicates().hasSize((int) count);
        Problems.assertProblem(analyst().get(tenant.path("/sessions/no-such-session")), 404, "not_found");
    }

    @Test
    void anExportStreamsEveryMatchingTraceAsNdjson() {
        ApiClient.Reply export = analyst().get(tenant.path("/traces/export?to=" + base.plusSeconds(TRACES)));

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        List<String> lines = export.body().lines().toList();
        assertThat(lines).hasSize(TRACES);
        assertThat(ids(export.json())).containsExactlyElementsOf(newestFirst);

        ApiClient.Reply filtered = analyst().get(tenant.path("/traces/export?agent_id=" + agentB + "&to="
                + base.plusSeconds(TRACES)));
        assertThat(filtered.body().lines()).hasSize(TRACES / 3);
    }

    @Test
    void aCursorIsBoundToItsFilters() {
        JsonNode page = analyst().get(tenant.path("/traces?limit=2&agent_id=" + agentA)).expect(200).json();
        String cursor = page.path("next_cursor").asText();
        analyst().get(tenant.path("/traces?limit=2&agent_id=" + agentA + "&cursor=" + cursor)).expect(200);

        Problems.assertProblem(analyst().get(tenant.path("/traces?limit=2&agent_id=" + agentB + "&cursor=" + cursor)),
                400, "invalid_cursor");
        Problems.assertProblem(analyst().get(tenant.path("/sessions?limit=2&cursor=" + cursor)), 400, "invalid_cursor");
        Problems.assertProblem(analyst().get(tenant.path("/traces?cursor=garbage")), 400, "invalid_cursor");
    }

    @Test
    void badFiltersAreValidationProblemsNamingEachField() {
        JsonNode problem = Problems.assertInvalid(analyst().get(tenant.path(
                "/traces?decision=maybe&status=done&from=yesterday&agent_id=bob")), "decision", "status", "from",
                "agent_id");
        assertThat(problem.path("instance").asText()).isEqualTo(tenant.path("/traces"));
        Problems.assertInvalid(analyst().get(tenant.path("/traces?limit=0")), "limit");
        Problems.assertInvalid(analyst().get(tenant.path("/traces/export?session_id="
                + URLEncoder.encode("bad session", StandardCharsets.UTF_8))), "session_id");
        Problems.assertInvalid(analyst().get(tenant.path("/sessions?to=soon")), "to");
    }

    @Test
    void viewersCannotReadTraces() {
        Problems.assertProblem(tenant.as(Role.VIEWER).get(tenant.path("/traces")), 403, "forbidden");
        Problems.assertProblem(tenant.as(Role.VIEWER).get(tenant.path("/traces/export")), 403, "forbidden");
    }

    private ApiClient analyst() {
        return tenant.as(Role.ANALYST);
    }

    private static List<String> ids(JsonNode pageOrArray) {
        JsonNode items = pageOrArray.isArray() ? pageOrArray : pageOrArray.path("data");
        List<String> ids = new ArrayList<>();
        items.forEach(t -> ids.add(t.path("trace_id").asText()));
        return ids;
    }
}
