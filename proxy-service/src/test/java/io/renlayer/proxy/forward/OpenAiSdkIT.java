package io.renlayer.proxy.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.core.http.StreamResponse;
import com.openai.errors.PermissionDeniedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import io.renlayer.ops.mock.ReceivedRequest;
import io.renlayer.proxy.testing.ProxyStack;
import io.renlayer.proxy.testing.TestTenant;
import io.renlayer.schemas.config.AuditMode;
import io.renlayer.schemas.config.PolicyAction;
import io.renlayer.schemas.config.PolicyMatch;
import io.renlayer.schemas.config.PolicyRule;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The official OpenAI Java SDK through the proxy, configured with nothing but a base URL and default headers. */
@Tag("integration")
class OpenAiSdkIT {

    @RegisterExtension
    static final ProxyStack STACK = new ProxyStack();

    private static OpenAIClient sdk(TestTenant tenant, String session) {
        return OpenAIOkHttpClient.builder()
                .baseUrl("http://127.0.0.1:" + STACK.proxyPort() + "/mock/v1")
                .apiKey("sk-upstream-credential")
                .putHeader("X-RenLayer-Key", tenant.secret)
                .putHeader("X-RenLayer-Session", session)
                .maxRetries(0)
                .build();
    }

    private static ChatCompletionCreateParams.Builder ask(String question) {
        return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage(question);
    }

    @Test
    void aPlainCompletionComesBackAndIsRecordedWithItsUsage() {
        TestTenant tenant = STACK.publish(STACK.tenant(AuditMode.STRICT));

        HttpResponseFor<ChatCompletion> response = sdk(tenant, "sdk-plain").chat().completions().withRawResponse()
                .create(ask("hello sdk").build());
        ChatCompletion completion = response.parse();

        assertThat(completion.choices().getFirst().message().content()).contains("echo: hello sdk");
        assertThat(completion.usage().orElseThrow().totalTokens()).isPositive();
        ReceivedRequest upstream = STACK.mock().received().getFirst();
        assertThat(upstream.header("Authorization")).contains("Bearer sk-upstream-credential");
        assertThat(upstream.headers().keySet()).noneMatch(name -> name.startsWith("x-renlayer-"));
        String traceId = response.headers().values("X-RenLayer-Trace-Id").getFirst();
        JsonNode recorded = STACK.events(tenant, "sdk-plain", traceId, 2).get(1);
        assertThat(recorded.path("usage").path("total_tokens").asLong())
                .isEqualTo(completion.usage().orElseThrow().totalTokens());
    }

    @Test
    void aStreamedCompletionArrivesInChunksWithItsUsageLast() {
        TestTenant tenant = STACK.publish(STACK.tenant(AuditMode.STRICT));
        ChatCompletionCreateParams params = ask("stream these five words please")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();

        List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> stream =
                     sdk(tenant, "sdk-stream").chat().completions().createStreaming(params)) {
            chunks = stream.stream().toList();
        }

        String text = chunks.stream()
                .flatMap(c -> c.choices().stream())
                .flatMap(choice -> choice.delta().content().stream())
                .reduce("", String::concat);
        assertThat(chunks.size()).isGreaterThan(5);
        assertThat(text).isEqualTo("echo: stream these five words please");
        assertThat(chunks.getLast().usage().orElseThrow().completionTokens()).isPositive();
    }

    @Test
    void aDeniedCallSurfacesAsTheSdksPermissionErrorWithTheProblemBody() {
        TestTenant tenant = STACK.tenant(AuditMode.STRICT);
        tenant.policies.add(new PolicyRule(TypedId.newId(IdType.POLICY), "no chat", 10, true,
                new PolicyMatch(null, null, null, List.of("/v1/chat/**"), null, null), PolicyAction.DENY, "chat is off"));
        STACK.publish(tenant);

        assertThatThrownBy(() -> sdk(tenant, "sdk-denied").chat().completions().create(ask("hi").build()))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.headers().values("X-RenLayer-Trace-Id")).hasSize(1);
                    assertThat(e.getMessage()).contains("403");
                });
        assertThat(STACK.mock().requestCount()).isZero();
    }
}
