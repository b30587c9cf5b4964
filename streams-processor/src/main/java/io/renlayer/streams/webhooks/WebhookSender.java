package io.renlayer.streams.webhooks;

import java.util.Map;
import java.util.function.Consumer;

/** Sends one signed delivery and reports how it went, without blocking the caller (a stream thread). */
@FunctionalInterface
public interface WebhookSender {

    /** One POST: the body is the exact bytes that were signed. */
    record Request(String url, Map<String, String> headers, byte[] body) {
    }

    /**
     * @param status    the receiver's HTTP status, null when it did not answer
     * @param latencyMs from sending to the answer or the failure
     * @param error     why there was no answer; never contains a secret or the URL (it may hold a token)
     */
    record Response(Integer status, long latencyMs, String error) {

        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    /** Calls {@code done} exactly once, on any thread. */
    void send(Request request, Consumer<Response> done);
}
