package io.renlayer.ops.mock;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLogTest {

    private final RequestLog log = new RequestLog(3);

    @Test
    void keepsTheLastRequestsOldestFirstAndCountsThemAll() {
        for (int i = 1; i <= 5; i++) {
            log.add(request("/" + i));
        }

        assertThat(log.snapshot()).extracting(ReceivedRequest::path).containsExactly("/3", "/4", "/5");
        assertThat(log.count()).isEqualTo(5);
    }

    @Test
    void clearForgetsWhatCameBeforeOnly() {
        log.add(request("/before"));
        log.clear();
        log.add(request("/after"));

        assertThat(log.snapshot()).extracting(ReceivedRequest::path).containsExactly("/after");
        assertThat(log.count()).isEqualTo(1);
    }

    private static ReceivedRequest request(String path) {
        return new ReceivedRequest("GET", path, null, Map.of(), new byte[0], Instant.now());
    }
}
