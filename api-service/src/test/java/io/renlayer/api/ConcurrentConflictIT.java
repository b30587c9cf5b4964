package io.renlayer.api;

import io.renlayer.api.testing.ApiClient;
import io.renlayer.api.testing.TestStack;
import io.renlayer.api.testing.TestTenant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Races the database settles (unique or foreign keys) answer 409 conflict, never 500. */
@Tag("integration")
class ConcurrentConflictIT {

    private final TestTenant tenant = TestStack.get().app().newTenant();

    @Test
    void concurrentInvitesOfOneEmailCreateOneUser() throws Exception {
        String email = "race-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        List<ApiClient.Reply> replies = race(12, () -> tenant.owner().post(tenant.path("/users"),
                Map.of("email", email, "role", "viewer")));
        assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(replies).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isIn(201, 409);
            if (r.status() == 409) {
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.json().get("code").asText()).isEqualTo("conflict");
            }
        });
    }

    @Test
    void concurrentFirstWebhooksShareOneSigningSecret() throws Exception {
        List<ApiClient.Reply> replies = race(6, () -> tenant.admin().post(tenant.path("/webhooks"),
                Map.of("url", "http://localhost:9/hook", "event_types", List.of("policy.denied"))));
        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
        assertThat(replies).filteredOn(r -> r.json().has("signing_secret")).as("shown once, to one caller").hasSize(1);
    }

    private static List<ApiClient.Reply> race(int n, java.util.concurrent.Callable<ApiClient.Reply> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiClient.Reply>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<ApiClient.Reply> replies = new ArrayList<>();
            for (Future<ApiClient.Reply> f : futures) {
                replies.add(f.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }
}
