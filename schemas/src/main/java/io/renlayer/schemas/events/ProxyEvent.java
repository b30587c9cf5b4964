package io.renlayer.schemas.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What the proxy writes to {@code renlayer.requests.v1}: a request event before forwarding, then a
 * completion event once the response has ended. Both carry the trace id that joins them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RequestEvent.class, name = "request"),
        @JsonSubTypes.Type(value = CompletionEvent.class, name = "completion")
})
public sealed interface ProxyEvent permits RequestEvent, CompletionEvent {

    String eventId();

    String traceId();

    String tenantId();

    String sessionId();

    /**
     * The record key: one session's events share a key (and so a partition, in order); an event
     * without a session is keyed by its trace.
     */
    static String key(String tenantId, String sessionId, String traceId) {
        return sessionId == null ? tenantId + "|" + traceId : tenantId + "|" + sessionId;
    }

    default String key() {
        return key(tenantId(), sessionId(), traceId());
    }
}
