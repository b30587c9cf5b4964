package io.renlayer.streams.topology;


import io.renlayer.kit.webhooks.WebhookSender;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Stands in for HTTP under the topology test driver: keeps each POST until the test answers it. */
final class RecordingSender implements WebhookSender {

    record Sent(Request request, Consumer<Response> done) {

        String header(String name) {
            return request.headers().get(name);
        }

        String body() {
            return new String(request.body(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final Deque<Sent> unanswered = new ArrayDeque<>();
    private final List<Sent> all = new ArrayList<>();

    @Override
    public void send(Request request, Consumer<Response> done) {
        Sent sent = new Sent(request, done);
        unanswered.add(sent);
        all.add(sent);
    }

    /** The oldest unanswered POST, answered with {@code status}; it must exist. */
    Sent answer(int status) {
        Sent sent = unanswered.poll();
        assertThat(sent).as("a webhook POST waiting for an answer").isNotNull();
        sent.done().accept(new Response(status, 12, status < 300 ? null : "HTTP " + status));
        return sent;
    }

    /** The oldest unanswered POST, failed without an answer. */
    Sent timeOut() {
        Sent sent = unanswered.poll();
        assertThat(sent).as("a webhook POST waiting for an answer").isNotNull();
        sent.done().accept(new Response(null, 10_000, "no answer within 10 s"));
        return sent;
    }

    int unansweredCount() {
        return unanswered.size();
    }

    List<Sent> all() {
        return all;
    }
}
