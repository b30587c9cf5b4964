package io.renlayer.kit.webhooks;

import io.renlayer.schemas.webhooks.WebhookSignatures;

import java.time.Instant;
import java.util.List;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Sends one signed delivery and reports how it went, without blocking the caller: the dispatcher's stream thread,
 * or api-service's test of an endpoint.
 */
@FunctionalInterface
public interface WebhookSender {

    /** One POST: the body is the exact bytes that were signed. */
    record Request(String url, Map<String, String> headers, byte[] body) {

        /** A delivery of {@code body} signed at {@code now} with each of {@code secrets} (one during a rotation). */
        public static Request signed(String url, String eventId, String eventType, byte[] body, List<String> secrets,
                                     Instant now) {
            long unixSeconds = now.getEpochSecond();
            return new Request(url, Map.of(
                    WebhookSignatures.EVENT_ID_HEADER, eventId,
                    WebhookSignatures.EVENT_TYPE_HEADER, eventType,
                    WebhookSignatures.TIMESTAMP_HEADER, Long.toString(unixSeconds),
                    WebhookSignatures.SIGNATURE_HEADER, WebhookSignatures.header(unixSeconds, body, secrets)), body);
        }
    }

    /**
     * @param status    the receiver's HTTP status, null when it did not answer
     * @param latencyMs from sending to the answer or the failure
     * @param error     why there was no answer; never contains a secret or the URL (it may hold a token)
     */
    record Response(Integer status, long latencyMs, String error) {

        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    /** Calls {@code done} exactly once, on any thread. */
    void send(Request request, Consumer<Response> done);
}
