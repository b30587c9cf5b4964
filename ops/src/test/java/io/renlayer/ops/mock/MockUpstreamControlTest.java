package io.renlayer.ops.mock;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.renlayer.ops.mock.MockHttp.chat;
import static io.renlayer.ops.mock.MockHttp.json;
import static io.renlayer.ops.mock.MockHttp.request;
import static io.renlayer.ops.mock.MockHttp.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class MockUpstreamControlTest {

    @RegisterExtension
    static final MockUpstreamExtension MOCK = new MockUpstreamExtension();

    @Test
    void anyOtherPathEchoesWhatItReceived() throws Exception {
        HttpResponse<String> response = send(request(MOCK.upstream(), "/crm/contacts/42?fields=name&x=1")
                .header("X-Tool-Token", "t-1")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\": \"Ada\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode echo = json(response.body());
        assertThat(echo.path("method").asText()).isEqualTo("PUT");
        assertThat(echo.path("path").asText()).isEqualTo("/crm/contacts/42");
        assertThat(echo.path("query").asText()).isEqualTo("fields=name&x=1");
        assertThat(echo.path("headers").path("x-tool-token").asText()).isEqualTo("t-1");
        assertThat(echo.path("body").asText()).isEqualTo("{\"name\": \"Ada\"}");
    }

    @Test
    void modelsListsOneModel() throws Exception {
        JsonNode models = json(send(request(MOCK.upstream(), "/v1/models")).body());

        assertThat(models.path("object").asText()).isEqualTo("list");
        assertThat(models.path("data")).hasSize(1);
        assertThat(models.path("data").path(0).path("object").asText()).isEqualTo("model");
    }

    @Test
    void mockStatusMakesAnyEndpointAnswerAnOpenAiStyleError() throws Exception {
        HttpResponse<String> chat = send(chat(MOCK.upstream(), "{}").header(MockUpstream.STATUS_HEADER, "503"));
        HttpResponse<String> echo = send(request(MOCK.upstream(), "/anything").header(MockUpstream.STATUS_HEADER, "429"));

        assertThat(chat.statusCode()).isEqualTo(503);
        assertThat(json(chat.body()).path("error").path("type").asText()).isEqualTo("server_error");
        assertThat(json(chat.body()).path("error").path("message").asText()).contains("503");
        assertThat(echo.statusCode()).isEqualTo(429);
        assertThat(json(echo.body()).path("error").path("type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void aControlHeaderOutOfItsRangeIsA400NamingIt() throws Exception {
        HttpResponse<String> response = send(request(MOCK.upstream(), "/anything").header(MockUpstream.STATUS_HEADER, "200"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).path("error").path("message").asText()).startsWith("X-Mock-Status must be");
    }

    @Test
    void mockDelayHoldsTheAnswerBackAndAClientTimesOut() throws Exception {
        long startedAt = System.nanoTime();
        HttpResponse<String> delayed = send(request(MOCK.upstream(), "/slow").header(MockUpstream.DELAY_HEADER, "300"));
        long elapsedMs = (System.nanoTime() - startedAt) / 1_000_000;

        assertThat(delayed.statusCode()).isEqualTo(200);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(300);
        assertThatThrownBy(() -> send(request(MOCK.upstream(), "/slower")
                .header(MockUpstream.DELAY_HEADER, "5000")
                .timeout(Duration.ofMillis(200))))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(MOCK.upstream().requestCount()).isEqualTo(2);
    }

    @Test
    void receivedRecordsEachRequestInOrderAndClearForgetsThem() throws Exception {
        Instant before = Instant.now();
        send(chat(MOCK.upstream(), "{\"messages\": []}").header("Authorization", "Bearer sk-test"));
        send(request(MOCK.upstream(), "/second").DELETE());

        List<ReceivedRequest> received = MOCK.upstream().received();
        assertThat(received).extracting(ReceivedRequest::method, ReceivedRequest::path)
                .containsExactly(
                        tuple("POST", "/v1/chat/completions"),
                        tuple("DELETE", "/second"));
        ReceivedRequest first = received.getFirst();
        assertThat(first.header("Authorization")).hasValue("Bearer sk-test");
        assertThat(first.bodyText()).isEqualTo("{\"messages\": []}");
        assertThat(first.receivedAt()).isBetween(before, Instant.now());
        assertThat(MOCK.upstream().requestCount()).isEqualTo(2);

        MOCK.upstream().clearReceived();

        assertThat(MOCK.upstream().received()).isEmpty();
        assertThat(MOCK.upstream().requestCount()).isZero();
    }
}
