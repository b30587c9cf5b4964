package io.renlayer.ops.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The tests' HTTP client for the mock, and the JSON of its answers. */
final class MockHttp {

    /** HTTP/1.1: the JDK client would otherwise add h2c upgrade headers, which the echo tests would see. */
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static HttpRequest.Builder request(MockUpstream mock, String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(mock.baseUrl() + pathAndQuery));
    }

    static HttpRequest.Builder chat(MockUpstream mock, String json) {
        return request(mock, "/v1/chat/completions")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String text) throws JsonProcessingException {
        return JsonAnswer.MAPPER.readTree(text);
    }

    private MockHttp() {
    }
}
