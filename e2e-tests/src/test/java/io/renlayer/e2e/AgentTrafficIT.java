package io.renlayer.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mission end to end: an agent on the official OpenAI Java SDK, pointed at the proxy by its base URL and two
 * headers, and an analyst who finds each call in the API as a trace with its token usage, in its session, within a
 * second of the response ending.
 */
@Tag("integration")
class AgentTrafficIT {

    /** The freshness the product promises: a trace is queryable this soon after its response ended. */
    static final Duration FRESHNESS = Duration.ofSeconds(1);

    private static Operator owner;
    private static String agentId;
    private static String secret;

    @BeforeAll
    static void tenantWithAnAgent() throws Exception {
        owner = Operator.newTenant(E2eStack.get());
        List<String> agent = owner.agentWithKey("support bot");
        agentId = agent.get(0);
        secret = agent.get(2);
        // The proxy learns of the new key from the config topic; the first traces also warm up every JVM on the
        // path, so the freshness measured below is the steady state's.
        String warmUp = "warm-up-" + UUID.randomUUID();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> sdk(warmUp).chat().completions().create(ask("warm up").build()) != null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> owner.get("/traces?session_id=" + warmUp).path("data").size() > 0);
    }

    static OpenAIClient sdk(String session) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(owner.stack.proxyUrl() + "/mock/v1")
                .apiKey("sk-upstream-credential")
                .putHeader("X-RenLayer-Key", secret)
                .putHeader("X-RenLayer-Session", session)
                .maxRetries(0)
                .build();
    }

    static ChatCompletionCreateParams.Builder ask(String question) {
        return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage(question);
    }

    @Test
    void plainAndStreamedCompletionsAreTracesWithUsageInTheirSessionWithinASecond() {
        String session = "ticket-" + UUID.randomUUID();
        OpenAIClient sdk = sdk(session);

        HttpResponseFor<ChatCompletion> plain = sdk.chat().completions().withRawResponse()
                .create(ask("where is my order?").build());
        long plainTokens = plain.parse().usage().orElseThrow().totalTokens();
        String plainTrace = plain.headers().values("X-RenLayer-Trace-Id").getFirst();

        ChatCompletionCreateParams streamed = ask("stream the tracking number please")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        List<ChatCompletionChunk> chunks = new ArrayList<>();
        String streamedTrace;
        try (HttpResponseFor<StreamResponse<ChatCompletionChunk>> response =
                     sdk.chat().completions().withRawResponse().createStreaming(streamed)) {
            streamedTrace = response.headers().values("X-RenLayer-Trace-Id").getFirst();
            try (StreamResponse<ChatCompletionChunk> stream = response.parse()) {
                stream.stream().forEach(chunks::add);
            }
        }
        long streamedTokens = chunks.getLast().usage().orElseThrow().totalTokens();
        assertThat(chunks.size()).as("a stream, not one answer").isGreaterThan(5);

        JsonNode traces = await().atMost(FRESHNESS).pollInterval(Duration.ofMillis(20))
                .until(() -> owner.get("/traces?session_id=" + session), page -> page.path("data").size() == 2);
        JsonNode sessionView = await().atMost(FRESHNESS).pollInterval(Duration.ofMillis(20))
                .until(() -> owner.get("/sessions/" + session),
                        view -> view.path("session").path("trace_count").asLong() == 2);

        assertThat(traces.path("data")).extracting(t -> t.path("trace_id").asText())
                .containsExactly(streamedTrace, plainTrace);
        for (JsonNode trace : traces.path("data")) {
            assertThat(trace.path("status").asText()).isEqualTo("completed");
            assertThat(trace.path("decision").asText()).isEqualTo("allow");
            assertThat(trace.path("agent_id").asText()).isEqualTo(agentId);
            assertThat(trace.path("http_status").asInt()).isEqualTo(200);
            assertThat(trace.path("path").asText()).isEqualTo("/v1/chat/completions");
        }
        assertThat(traces.path("data").get(0).path("usage").path("total_tokens").asLong()).isEqualTo(streamedTokens);
        assertThat(traces.path("data").get(1).path("usage").path("total_tokens").asLong()).isEqualTo(plainTokens);
        JsonNode summary = sessionView.path("session");
        assertThat(summary.path("tokens").path("total_tokens").asLong()).isEqualTo(plainTokens + streamedTokens);
        assertThat(summary.path("agent_ids")).extracting(JsonNode::asText).containsExactly(agentId);
        assertThat(sessionView.path("traces").path("data")).hasSize(2);
        assertThat(owner.get("/traces/" + plainTrace).path("usage").path("prompt_tokens").asLong()).isPositive();
    }

    @Test
    void noSecretReachesATrace() {
        String session = "secrets-" + UUID.randomUUID();
        sdk(session).chat().completions().create(ask("hello").build());

        JsonNode traces = await().atMost(Duration.ofSeconds(5))
                .until(() -> owner.get("/traces?session_id=" + session), page -> page.path("data").size() == 1);
        assertThat(traces.toString()).doesNotContain(secret).doesNotContain("sk-upstream-credential");
    }
}
