package io.renlayer.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Guarantee 3 of ARCHITECTURE.md on the read side of the data plane: two tenants on the same proxy, processor and
 * stores; the second tenant's owner finds nothing of the first's traffic on any trace, session or export route.
 */
@Tag("integration")
class TraceIsolationIT {

    @Test
    void aSecondTenantSeesNothingOfTheFirstsTraffic() throws Exception {
        Operator first = Operator.newTenant(E2eStack.get());
        Operator second = Operator.newTenant(E2eStack.get());
        String session = "shared-name-" + UUID.randomUUID();
        List<String> firstAgent = first.agentWithKey("first's agent");
        String chat = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        String traceId = await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> Proxy.post(first.stack, firstAgent.get(2), session, "/mock/v1/chat/completions", chat),
                        r -> r.statusCode() == 200)
                .headers().firstValue("X-RenLayer-Trace-Id").orElseThrow();
        await().atMost(Duration.ofSeconds(5)).until(() -> first.status("/traces/" + traceId) == 200);

        JsonNode traces = second.get("/traces");
        JsonNode sessions = second.get("/sessions");
        assertThat(traces.path("data")).isEmpty();
        assertThat(sessions.path("data")).isEmpty();
        assertThat(second.status("/traces/" + traceId)).isEqualTo(404);
        assertThat(second.status("/sessions/" + session)).isEqualTo(404);
        assertThat(second.status("/traces?agent_id=" + firstAgent.get(0))).isEqualTo(200);
        assertThat(second.get("/traces?agent_id=" + firstAgent.get(0)).path("data")).isEmpty();
        HttpResponse<InputStream> export = second.stream("/traces/export");
        try (InputStream body = export.body()) {
            assertThat(export.statusCode()).isEqualTo(200);
            assertThat(body.readAllBytes()).isEmpty();
        }
        // the first tenant's own view is not empty: the checks above are not vacuous
        assertThat(first.get("/sessions/" + session).path("session").path("trace_count").asLong()).isEqualTo(1);
        assertThat(first.get("/traces").path("data").toString()).contains(traceId);
    }
}
