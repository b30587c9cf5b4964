package io.renlayer.ops;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** Waits for a Dropwizard service's admin health check ({@code /healthcheck}) to answer 200. */
public final class AdminHealth {

    private static final Duration POLL = Duration.ofMillis(200);

    /**
     * @param exited what to report once the service can no longer become healthy (its process exited), else null
     * @return null once healthy; otherwise why it is not: {@code exited}'s answer, or the last answer at the timeout
     */
    public static String await(int adminPort, Duration timeout, Supplier<String> exited) throws InterruptedException {
        URI healthcheck = URI.create("http://127.0.0.1:" + adminPort + "/healthcheck");
        HttpRequest request = HttpRequest.newBuilder(healthcheck).timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastAnswer = "no answer yet";
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            while (System.nanoTime() < deadline) {
                String gone = exited.get();
                if (gone != null) {
                    return gone;
                }
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return null;
                    }
                    lastAnswer = "HTTP " + response.statusCode() + ": " + response.body().strip();
                } catch (ConnectException e) {
                    lastAnswer = "not listening yet";
                } catch (IOException e) {
                    lastAnswer = e.toString();
                }
                Thread.sleep(POLL);
            }
        }
        return "not healthy at " + healthcheck + " within " + timeout.toSeconds() + " s (" + lastAnswer + ")";
    }

    private AdminHealth() {
    }
}
