package io.renlayer.ops.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

import java.io.IOException;

/** The mock's answer to one recorded request: the forced error, a chat completion, the models, or the echo. */
final class MockAnswer implements Runnable {

    private static final ObjectNode MODELS = models();

    private final ReceivedRequest received;
    private final long sequence;
    private final ControlHeaders control;
    private final Response response;
    private final Callback callback;
    private final Scheduler scheduler;

    MockAnswer(ReceivedRequest received, long sequence, ControlHeaders control, Response response,
               Callback callback, Scheduler scheduler) {
        this.received = received;
        this.sequence = sequence;
        this.control = control;
        this.response = response;
        this.callback = callback;
        this.scheduler = scheduler;
    }

    @Override
    public void run() {
        String route = received.method() + " " + received.path();
        if (control.status() != 0) {
            JsonAnswer.error(response, callback, control.status(),
                    "the mock upstream answers " + control.status() + " as " + MockUpstream.STATUS_HEADER + " asked");
        } else if (route.equals("POST /v1/chat/completions")) {
            chatCompletion();
        } else if (route.equals("GET /v1/models")) {
            JsonAnswer.send(response, callback, 200, MODELS);
        } else {
            JsonAnswer.send(response, callback, 200, echo());
        }
    }

    private void chatCompletion() {
        JsonNode body;
        try {
            body = JsonAnswer.MAPPER.readTree(received.body());
        } catch (IOException e) {
            JsonAnswer.error(response, callback, 400, "the body is not JSON: " + e.getMessage());
            return;
        }
        if (!body.isObject()) {
            JsonAnswer.error(response, callback, 400, "the body must be a JSON object");
            return;
        }
        ChatRequest chat = ChatRequest.parse(body);
        CompletionJson json = new CompletionJson(chat, sequence);
        if (chat.stream()) {
            EventStream.send(response, callback, scheduler, control.chunkDelayMs(),
                    json.chunks().stream().map(JsonAnswer::bytes).toList());
        } else {
            JsonAnswer.send(response, callback, 200, json.completion());
        }
    }

    private ObjectNode echo() {
        ObjectNode echo = JsonAnswer.object()
                .put("method", received.method())
                .put("path", received.path())
                .put("query", received.query());
        echo.set("headers", JsonAnswer.MAPPER.valueToTree(received.headers()));
        return echo.put("body", received.bodyText());
    }

    private static ObjectNode models() {
        ObjectNode model = JsonAnswer.object()
                .put("id", ChatRequest.DEFAULT_MODEL)
                .put("object", "model")
                .put("created", 1_700_000_000L)
                .put("owned_by", "renlayer-mock");
        ObjectNode models = JsonAnswer.object().put("object", "list");
        models.putArray("data").add(model);
        return models;
    }
}
