package io.renlayer.proxy.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** An agent's HTTP client pointed at the proxy. */
public final class ProxyClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String proxyUrl;

    public ProxyClient(int port) {
        this.proxyUrl = "http://127.0.0.1:" + port;
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(proxyUrl + path)).timeout(Duration.ofSeconds(20));
    }

    /** POSTs JSON with the tenant's key, and the given header pairs. */
    public HttpResponse<String> post(TestTenant tenant, String path, String json, String... headers) {
        HttpRequest.Builder builder = request(path).header("X-RenLayer-Key", tenant.secret)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the proxy has the tenant's configuration: its key stops being unknown. */
    public void awaitKnown(TestTenant tenant, String upstream) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20)).until(() -> send(
                request("/" + upstream + "/v1/models").header("X-RenLayer-Key", tenant.secret).GET().build())
                .statusCode() != 401);
    }
}
