package io.renlayer.ops.mock;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.renlayer.ops.mock.MockHttp.chat;
import static io.renlayer.ops.mock.MockHttp.json;
import static io.renlayer.ops.mock.MockHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

class MockUpstreamChatTest {

    private static final String MESSAGES = """
            "messages": [{"role": "system", "content": "be brief"}, {"role": "user", "content": "hello there"}]""";

    @RegisterExtension
    static final MockUpstreamExtension MOCK = new MockUpstreamExtension();

    @Test
    void aCompletionIsShapedAsOpenAisAndEchoesTheLastUserMessage() throws Exception {
        long before = System.currentTimeMillis() / 1000;
        HttpResponse<String> response = send(chat(MOCK.upstream(), "{\"model\": \"gpt-4o-mini\", " + MESSAGES + "}"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode completion = json(response.body());
        assertThat(completion.path("id").asText()).startsWith("chatcmpl-");
        assertThat(completion.path("object").asText()).isEqualTo("chat.completion");
        assertThat(completion.path("created").asLong()).isBetween(before, before + 60);
        assertThat(completion.path("model").asText()).isEqualTo("gpt-4o-mini");
        JsonNode choice = completion.path("choices").path(0);
        assertThat(choice.path("index").asInt(-1)).isZero();
        assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
        assertThat(choice.path("message").path("content").asText()).isEqualTo("echo: hello there");
        assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
        JsonNode usage = completion.path("usage");
        assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(4);
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(3);
        assertThat(usage.path("total_tokens").asInt()).isEqualTo(7);
    }

    @Test
    void aStreamSendsEachEventAsItIsProducedThenUsageThenDone() throws Exception {
        long delayMs = 100;
        String body = "{\"model\": \"gpt-4o-mini\", \"stream\": true, \"stream_options\": {\"include_usage\": true}, "
                + MESSAGES + "}";
        HttpResponse<Stream<String>> response = MockHttp.CLIENT.send(
                chat(MOCK.upstream(), body).header(MockUpstream.CHUNK_DELAY_HEADER, String.valueOf(delayMs)).build(),
                HttpResponse.BodyHandlers.ofLines());
        List<String> events = new ArrayList<>();
        List<Long> arrivals = new ArrayList<>();
        response.body().filter(line -> !line.isEmpty()).forEach(line -> {
            arrivals.add(System.nanoTime());
            events.add(line);
        });

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        // role, "echo: ", "hello ", "there", finish, usage, [DONE]: six waits between seven events
        assertThat(events).hasSize(7).allSatisfy(event -> assertThat(event).startsWith("data: "));
        long firstToLastMs = (arrivals.getLast() - arrivals.getFirst()) / 1_000_000;
        assertThat(firstToLastMs).isGreaterThanOrEqualTo(6 * delayMs - 100);

        List<JsonNode> chunks = new ArrayList<>();
        for (String event : events.subList(0, 6)) {
            chunks.add(json(event.substring("data: ".length())));
        }
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.path("id").asText()).isEqualTo(chunks.getFirst().path("id").asText());
        });
        assertThat(chunks.getFirst().path("choices").path(0).path("delta").path("role").asText()).isEqualTo("assistant");
        StringBuilder content = new StringBuilder();
        chunks.subList(1, 4).forEach(chunk -> content.append(chunk.path("choices").path(0).path("delta").path("content").asText()));
        assertThat(content).hasToString("echo: hello there");
        assertThat(chunks.get(4).path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop");
        JsonNode usageChunk = chunks.get(5);
        assertThat(usageChunk.path("choices").isEmpty()).isTrue();
        assertThat(usageChunk.path("usage").path("total_tokens").asInt()).isEqualTo(7);
        assertThat(events.getLast()).isEqualTo("data: [DONE]");
    }

    @Test
    void aStreamWithoutIncludeUsageHasNoUsageChunk() throws Exception {
        HttpResponse<String> response = send(chat(MOCK.upstream(), "{\"stream\": true, " + MESSAGES + "}"));

        assertThat(response.body()).doesNotContain("usage").endsWith("data: [DONE]\n\n");
        assertThat(response.body().split("\n\n")).hasSize(6);
    }

    @Test
    void aBodyThatIsNotJsonIsAnOpenAiStyle400() throws Exception {
        HttpResponse<String> response = send(chat(MOCK.upstream(), "{not json"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).path("error").path("type").asText()).isEqualTo("invalid_request_error");
    }
}
