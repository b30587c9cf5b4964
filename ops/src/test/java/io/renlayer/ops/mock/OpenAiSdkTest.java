package io.renlayer.ops.mock;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The official SDK, validating every answer, is the proof that the mock's JSON is shaped like OpenAI's. */
class OpenAiSdkTest {

    @RegisterExtension
    static final MockUpstreamExtension MOCK = new MockUpstreamExtension();

    private static OpenAIClient client;

    @BeforeAll
    static void buildClient() {
        client = OpenAIOkHttpClient.builder()
                .baseUrl(MOCK.upstream().baseUrl() + "/v1")
                .apiKey("sk-mock")
                .responseValidation(true)
                .maxRetries(0)
                .build();
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @Test
    void theSdkReadsACompletionWithItsUsage() {
        ChatCompletion completion = client.chat().completions().create(params().build());

        assertThat(completion.model()).isEqualTo("gpt-4o-mini");
        assertThat(completion.choices()).singleElement().satisfies(choice -> {
            assertThat(choice.message().content()).hasValue("echo: hello there");
            assertThat(choice.finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        });
        assertThat(completion.usage()).hasValueSatisfying(OpenAiSdkTest::isFiveTokens);
        assertThat(MOCK.upstream().received().getLast().header("Authorization")).hasValue("Bearer sk-mock");
    }

    @Test
    void theSdkReadsAStreamWithItsUsage() {
        ChatCompletionCreateParams streamed = params()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();

        List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(streamed)) {
            chunks = stream.stream().toList();
        }

        StringBuilder content = new StringBuilder();
        chunks.forEach(chunk -> chunk.choices().forEach(choice -> choice.delta().content().ifPresent(content::append)));
        assertThat(content).hasToString("echo: hello there");
        assertThat(chunks.getLast().choices()).isEmpty();
        assertThat(chunks.getLast().usage()).hasValueSatisfying(OpenAiSdkTest::isFiveTokens);
    }

    private static ChatCompletionCreateParams.Builder params() {
        return ChatCompletionCreateParams.builder().model("gpt-4o-mini").addUserMessage("hello there");
    }

    private static void isFiveTokens(CompletionUsage usage) {
        assertThat(usage.promptTokens()).isEqualTo(2);
        assertThat(usage.completionTokens()).isEqualTo(3);
        assertThat(usage.totalTokens()).isEqualTo(5);
    }
}
