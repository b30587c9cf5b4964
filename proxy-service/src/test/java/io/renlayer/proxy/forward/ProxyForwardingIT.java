package io.renlayer.proxy.forward;

import com.fasterxml.jackson.databind.JsonNode;
import io.renlayer.ops.mock.MockUpstream;
import io.renlayer.ops.mock.ReceivedRequest;
import io.renlayer.proxy.testing.ProxyClient;
import io.renlayer.proxy.testing.ProxyStack;
import io.renlayer.proxy.testing.TestTenant;
import io.renlayer.schemas.config.AuditMode;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;
import io.renlayer.schemas.json.Json;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The proxy in front of the mock upstream, on a real broker: what goes through, what comes back, what is recorded. */
@Tag("integration")
class ProxyForwardingIT {

    private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}";

    @RegisterExtension
    static final ProxyStack STACK = new ProxyStack();

    private final ProxyClient proxy = STACK.proxy();
    private final MockUpstream mock = STACK.mock();

    private static JsonNode json(String body) throws Exception {
        return Json.mapper().readTree(body);
    }

    private static String traceOf(HttpResponse<?> response) {
        return response.headers().firstValue("X-RenLayer-Trace-Id").orElseThrow();
    }

    @Test
    void forwardsToTheNamedUpstreamWithoutRenLayerHeadersAndKeepsTheUpstreamCredential() throws Exception {
        TestTenant tenant = STACK.publish(STACK.tenant(AuditMode.STRICT));

        HttpResponse<String> response = proxy.post(tenant, "/mock/v1/chat/completions?trace=1", CHAT,
                "X-RenLayer-Session", "sess-42", "Authorization", "Bearer sk-upstream-credential");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response.body()).path("choices").path(0).path("message").path("content").asText())
                .isEqualTo("echo: hello there");
        String traceId = traceOf(response);
        assertThat(TypedId.isValid(IdType.TRACE, traceId)).isTrue();
        ReceivedRequest upstream = mock.received().getFirst();
        assertThat(upstream.path()).isEqualTo("/v1/chat/completions");
        assertThat(upstream.query()).isEqualTo("trace=1");
        assertThat(upstream.bodyText()).isEqualTo(CHAT);
        assertThat(upstream.header("Authorization")).contains("Bearer sk-upstream-credential");
        assertThat(upstream.headers().keySet()).noneMatch(name -> name.startsWith("x-renlayer-"));
        assertThat(upstream.headers().toString()).doesNotContain(tenant.secret);
    }

    @Test
    void aKeyPresentedAsBearerIsNeverForwarded() {
        TestTenant tenant = STACK.publish(STACK.tenant(AuditMode.STRICT));

        HttpResponse<String> response = proxy.send(proxy.request("/mock/v1/models")
                .header("Authorization", "Bearer " + tenant.secret).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(mock.received().getFirst().header("Authorization")).isEmpty();
    }

    @Test
    void hopByHopHeadersAndTheHeadersConnectionNamesStayBehind() throws Exception {
        TestTenant tenant = STACK.publish(STACK.tenant(AuditMode.STRICT));

        try (Socket socket = new Socket("127.0.0.1", STACK.proxyPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /mock/anything HTTP/1.1\r\nHost: proxy\r\nX-RenLayer-Key: " + tenant.secret + "\r\n"
                    + "Connection: close, X-Private-Hop\r\nX-Private-Hop: internal\r\nKeep-Alive: timeout=5\r\n"
                    + "TE: trailers\r\nProxy-Authorization: Basic c2VjcmV0\r\nX-End-To-End: kept\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(status).isEqualTo("HTTP/1.1 200 OK");
        }

        ReceivedRequest upstream = mock.received().getFirst();
        assertThat(upstream.header("X-End-To-End")).contains("kept");
        assertThat(upstream.headers()).doesNotContainKeys("x-private-hop", "keep-alive", "te", "proxy-authorization");
    }

    @Test
    void refusalsAreProblemsWithATraceIdAndNothingReachesTheUpstream() throws Exception {
        TestTenant tenant = STACK.publish(STACK.tenant(AuditMode.STRICT));
        record Case(HttpRequest request, int status, String code) {
        }
        List<Case> cases = List.of(
                new Case(proxy.request("/mock/v1/models").GET().build(), 401, "unauthorized"),
                new Case(proxy.request("/mock/v1/models").header("X-RenLayer-Key", "rl_unknown").GET().build(),
                        401, "unauthorized"),
                new Case(proxy.request("/nowhere/v1/models").header("X-RenLayer-Key", tenant.secret).GET().build(),
                        404, "not_found"),
                new Case(proxy.request("/mock/v1/models").header("X-RenLayer-Key", tenant.secret)
                        .header("X-RenLayer-Session", "not ok!").GET().build(), 400, "validation_failed"),
                new Case(proxy.request("/mock/v1/a/../../admin").header("X-RenLayer-Key", tenant.secret).GET().build(),
                        400, "validation_failed"));

        for (Case c : cases) {
            HttpResponse<String> response = proxy.send(c.request());
            assertThat(response.statusCode()).as(c.request().uri().toString()).isEqualTo(c.status());
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            JsonNode problem = json(response.body());
            assertThat(problem.path("code").asText()).isEqualTo(c.code());
            assertThat(problem.path("trace_id").asText())
                    .isEqualTo(traceOf(response));
        }
        assertThat(mock.requestCount()).isZero();
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhetherDeclaredOrChunked() throws Exception {
        TestTenant tenant = STACK.publish(STACK.tenant(AuditMode.STRICT));
        byte[] big = new byte[64 * 1024 + 1];

        HttpResponse<String> declared = proxy.send(proxy.request("/mock/upload").header("X-RenLayer-Key", tenant.secret)
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build());
        HttpResponse<String> chunked = proxy.send(proxy.request("/mock/upload").header("X-RenLayer-Key", tenant.secret)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build());

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(json(declared.body()).path("code").asText()).isEqualTo("payload_too_large");
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(mock.requestCount()).isZero();
    }

    @Test
    void anAllowedRequestIsRecordedBeforeAndAfterWithTokenUsage() {
        TestTenant tenant = STACK.publish(STACK.tenant(AuditMode.STRICT));

        HttpResponse<String> response = proxy.post(tenant, "/mock/v1/chat/completions", CHAT,
                "X-RenLayer-Session", "sess-usage");
        List<JsonNode> recorded = STACK.events(tenant, "sess-usage", traceOf(response), 2);
        assertThat(recorded).extracting(e -> e.path("type").asText()).containsExactly("request", "completion");
        JsonNode request = recorded.get(0);
        assertThat(request.path("decision").asText()).isEqualTo("allow");
        assertThat(request.path("agent_id").asText()).isEqualTo(tenant.agentId);
        assertThat(request.path("key_id").asText()).isEqualTo(tenant.keyId);
        assertThat(request.path("host").asText()).isEqualTo("127.0.0.1:" + mock.port());
        assertThat(request.path("path").asText()).isEqualTo("/v1/chat/completions");
        assertThat(request.path("audit_mode").asText()).isEqualTo("strict");
        assertThat(request.path("request_bytes").asLong()).isEqualTo(CHAT.length());
        JsonNode completion = recorded.get(1);
        assertThat(completion.path("status").asInt()).isEqualTo(200);
        assertThat(completion.path("outcome").asText()).isEqualTo("completed");
        assertThat(completion.path("response_bytes").asLong()).isEqualTo(response.body().length());
        assertThat(completion.path("usage").path("total_tokens").asLong()).isPositive();
        assertThat(completion.path("total_latency_micros").asLong())
                .isGreaterThanOrEqualTo(completion.path("upstream_latency_micros").asLong());
    }

    @Test
    void aServerSentEventStreamArrivesChunkByChunk() throws Exception {
        TestTenant tenant = STACK.publish(STACK.tenant(AuditMode.STRICT));
        String streamed = "{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"one two three four five six\"}]}";

        long start = System.nanoTime();
        HttpResponse<InputStream> response = proxy.send(proxy.request("/mock/v1/chat/completions")
                .header("X-RenLayer-Key", tenant.secret).header("X-RenLayer-Session", "sess-sse")
                .header(MockUpstream.CHUNK_DELAY_HEADER, "150")
                .POST(HttpRequest.BodyPublishers.ofString(streamed)).build(), HttpResponse.BodyHandlers.ofInputStream());
        long firstEventMillis = -1;
        int events = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    events++;
                    if (firstEventMillis < 0) {
                        firstEventMillis = (System.nanoTime() - start) / 1_000_000;
                    }
                }
            }
        }
        long lastMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        assertThat(events).isGreaterThanOrEqualTo(8);
        // Eight-odd events 150 ms apart: a buffering proxy would deliver the first at the end.
        assertThat(firstEventMillis).as("first event after %d ms, stream ended after %d ms", firstEventMillis, lastMillis)
                .isLessThan(lastMillis - 700);
        JsonNode completion = STACK.events(tenant, "sess-sse", traceOf(response), 2).get(1);
        assertThat(completion.path("usage").path("completion_tokens").asLong()).isPositive();
    }

    @Test
    void anUpstreamThatDoesNotAnswerInTimeIs504() throws Exception {
        TestTenant tenant = STACK.publish(STACK.tenant(AuditMode.STRICT));

        HttpResponse<String> response = proxy.post(tenant, "/mock/v1/chat/completions", CHAT,
                MockUpstream.DELAY_HEADER, "3000");

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(json(response.body()).path("code").asText()).isEqualTo("upstream_timeout");
    }

    @Test
    void anUpstreamNobodyListensOnIs502() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TestTenant tenant = STACK.publish(STACK.tenant(AuditMode.STRICT, Map.of("dead", "http://127.0.0.1:" + closedPort)));

        HttpResponse<String> response = proxy.post(tenant, "/dead/v1/chat/completions", CHAT);

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(json(response.body()).path("code").asText()).isEqualTo("upstream_unavailable");
    }

    @Test
    void upstreamsResolvingToInternalAddressesAreRefusedUnlessAllowed() throws Exception {
        TestTenant tenant = STACK.publish(STACK.tenant(AuditMode.STRICT, Map.of("metadata", "http://169.254.169.254",
                "loopback6", "http://[::1]:" + mock.port(), "localhost", "http://localhost:" + mock.port())));

        for (String upstream : List.of("metadata", "loopback6")) {
            HttpResponse<String> response = proxy.post(tenant, "/" + upstream + "/latest/meta-data", "{}");
            assertThat(response.statusCode()).as(upstream).isEqualTo(502);
            assertThat(json(response.body()).path("code").asText()).isEqualTo("upstream_not_allowed");
        }
        assertThat(mock.requestCount()).isZero();
        // localhost resolves to 127.0.0.1 (allowed by this configuration) and possibly ::1 (not): only the first is used.
        assertThat(proxy.post(tenant, "/localhost/v1/models", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void aRevokedKeyStopsWorkingWithinASecond() {
        TestTenant tenant = STACK.publish(STACK.tenant(AuditMode.STRICT));
        assertThat(proxy.post(tenant, "/mock/v1/chat/completions", CHAT).statusCode()).isEqualTo(200);

        STACK.publishNow(tenant.revokeKey());
        long revoked = System.nanoTime();
        int status;
        do {
            status = proxy.post(tenant, "/mock/v1/chat/completions", CHAT).statusCode();
        } while (status != 401 && System.nanoTime() - revoked < Duration.ofSeconds(2).toNanos());

        assertThat(status).isEqualTo(401);
        assertThat(Duration.ofNanos(System.nanoTime() - revoked)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void asyncModeForwardsAndStillRecordsBothEvents() {
        TestTenant tenant = STACK.publish(STACK.tenant(AuditMode.ASYNC));

        HttpResponse<String> response = proxy.post(tenant, "/mock/v1/chat/completions", CHAT,
                "X-RenLayer-Session", "sess-async");

        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> recorded = STACK.events(tenant, "sess-async", traceOf(response), 2);
        assertThat(recorded).extracting(e -> e.path("type").asText()).containsExactly("request", "completion");
        assertThat(recorded.get(0).path("audit_mode").asText()).isEqualTo("async");
    }
}
