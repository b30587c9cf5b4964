package io.renlayer.proxy;

import io.renlayer.proxy.testing.ProxyStack;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@Tag("integration")
class ProxyApplicationIT {

    @RegisterExtension
    static final ProxyStack STACK = new ProxyStack();

    private static HttpResponse<String> admin(String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + STACK.adminPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthChecksReachKafkaAndSeeTheConfigurationLoaded() {
        await().untilAsserted(() -> {
            HttpResponse<String> response = admin("/healthcheck");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("\"kafka\"").contains("\"config\"").doesNotContain("\"healthy\":false");
        });
    }

    @Test
    void metricsCountDecisionsAndAuditBuffer() throws Exception {
        HttpResponse<String> metrics = admin("/metrics");

        assertThat(metrics.body()).contains("renlayer.proxy.audit.buffer-used").contains("renlayer.proxy.audit.async-overflow");
    }
}
