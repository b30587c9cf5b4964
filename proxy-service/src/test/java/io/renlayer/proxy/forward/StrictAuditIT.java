package io.renlayer.proxy.forward;

import io.renlayer.proxy.testing.ProxyClient;
import io.renlayer.proxy.testing.ProxyStack;
import io.renlayer.proxy.testing.TestTenant;
import io.renlayer.schemas.config.AuditMode;
import io.renlayer.schemas.json.Json;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Guarantee 1: in strict mode nothing reaches an upstream unless its request event is in Kafka. */
@Tag("integration")
class StrictAuditIT {

    private static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    @RegisterExtension
    static final ProxyStack STACK = new ProxyStack();

    @Test
    void withTheBrokerDownAStrictTenantIsRefusedAndTheUpstreamGetsNothingWhileAnAsyncOneIsForwarded()
            throws Exception {
        ProxyClient proxy = STACK.proxy();
        TestTenant strict = STACK.publish(STACK.tenant(AuditMode.STRICT));
        TestTenant async = STACK.publish(STACK.tenant(AuditMode.ASYNC));
        assertThat(proxy.post(strict, "/mock/v1/chat/completions", CHAT).statusCode()).isEqualTo(200);

        STACK.stopBroker();
        STACK.mock().clearReceived();
        HttpResponse<String> refused = proxy.post(strict, "/mock/v1/chat/completions", CHAT);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(Json.mapper().readTree(refused.body()).path("code").asText()).isEqualTo("audit_unavailable");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(STACK.mock().requestCount()).isZero();

        long start = System.nanoTime();
        HttpResponse<String> forwarded = proxy.post(async, "/mock/v1/chat/completions", CHAT);
        long asyncMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(forwarded.statusCode()).isEqualTo(200);
        // Async mode never waits for the broker: not even the 1 s a send may block for metadata.
        assertThat(asyncMillis).isLessThan(900);
        assertThat(STACK.mock().requestCount()).isEqualTo(1);
    }
}
