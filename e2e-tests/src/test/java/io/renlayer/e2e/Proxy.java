package io.renlayer.e2e;

import io.renlayer.ops.stack.FullStack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** An agent calling the proxy without an SDK: a JSON POST with its key and, optionally, a session. */
final class Proxy {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<String> post(FullStack stack, String key, String session, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.proxyUrl() + path))
                .header("X-RenLayer-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("X-RenLayer-Session", session);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Proxy() {
    }
}
