package io.renlayer.ops.mock;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Jetty's entry into the mock: reads the body, records the request, reads the control headers and, after
 * the delay they ask for, lets a {@link MockAnswer} answer. Nothing here blocks (delays wait on Jetty's
 * scheduler), which lets Jetty run it on the thread that read the request, with no hand-off: the mock's
 * own share of a benchmark's latency stays small and steady.
 */
final class MockHandler extends Handler.Abstract.NonBlocking {

    /** Far above any request a test sends; a larger body fails its request rather than the mock's heap. */
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final RequestLog log;

    MockHandler(RequestLog log) {
        this.log = log;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Content.Source.asByteArrayAsync(request, MAX_BODY_BYTES).whenComplete((body, failure) -> {
            if (failure != null) {
                callback.failed(failure);
            } else {
                guarded(callback, () -> received(request, response, callback, body));
            }
        });
        return true;
    }

    private void received(Request request, Response response, Callback callback, byte[] body) {
        ReceivedRequest received = record(request, body);
        long sequence = log.add(received);
        ControlHeaders control;
        try {
            control = ControlHeaders.of(request.getHeaders());
        } catch (IllegalArgumentException e) {
            JsonAnswer.error(response, callback, 400, e.getMessage());
            return;
        }
        Scheduler scheduler = request.getComponents().getScheduler();
        MockAnswer answer = new MockAnswer(received, sequence, control, response, callback, scheduler);
        if (control.delayMs() > 0) {
            scheduler.schedule(() -> guarded(callback, answer), control.delayMs(), TimeUnit.MILLISECONDS);
        } else {
            answer.run();
        }
    }

    private static ReceivedRequest record(Request request, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.merge(field.getLowerCaseName(), field.getValue(), (first, next) -> first + ", " + next);
        }
        HttpURI uri = request.getHttpURI();
        return new ReceivedRequest(request.getMethod(), uri.getPath(), uri.getQuery(),
                Collections.unmodifiableMap(headers), body, Instant.now());
    }

    /** A step that throws still ends its exchange (Jetty answers 500), instead of leaving the client hanging. */
    private static void guarded(Callback callback, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            callback.failed(e);
        }
    }
}
