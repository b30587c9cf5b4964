package io.renlayer.proxy.forward;

import io.renlayer.proxy.core.ConfigStore;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestReaderTest {

    /** A request carrying only the given headers; everything else answers null. */
    private static HttpServletRequest requestWith(Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(RequestReaderTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> method.getName().equals("getHeader") ? headers.get((String) args[0]) : null);
    }

    @Test
    void beforeTheConfigurationIsLoadedEveryRequestIsRefusedWith503() {
        RequestReader reader = new RequestReader(new ConfigStore(), 1024);

        assertThatThrownBy(() -> reader.read(requestWith(Map.of("X-RenLayer-Key", "rl_anything")), "trace_1",
                Instant.now(), System.nanoTime()))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.status()).isEqualTo(503);
                    assertThat(r.problemFor("trace_1").code())
                            .isEqualTo("config_unavailable");
                });
    }

    @Test
    void onceLoadedAnUnknownKeyIs401WhateverElseTheRequestCarries() {
        ConfigStore config = new ConfigStore();
        config.markCaughtUp(Instant.now());
        RequestReader reader = new RequestReader(config, 1024);

        assertThatThrownBy(() -> reader.read(requestWith(Map.of("Authorization", "Bearer rl_unknown")), "trace_1",
                Instant.now(), System.nanoTime()))
                .isInstanceOfSatisfying(Refusal.class,
                        r -> assertThat(r.status()).isEqualTo(401));
    }
}
