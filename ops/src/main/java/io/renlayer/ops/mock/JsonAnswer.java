package io.renlayer.ops.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/** Every JSON the mock writes, and its one-write answers; errors are shaped as OpenAI's. */
final class JsonAnswer {

    /**
     * A plain mapper, not RenLayer's {@code Json}: that one omits nulls, while OpenAI writes its nullable
     * fields out as null and the mock must look the same on the wire.
     */
    static final ObjectMapper MAPPER = new ObjectMapper();

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static byte[] bytes(JsonNode json) {
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that does not serialize", e);
        }
    }

    static void send(Response response, Callback callback, int status, JsonNode body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(bytes(body)), callback);
    }

    static void error(Response response, Callback callback, int status, String message) {
        ObjectNode error = object()
                .put("message", message)
                .put("type", status >= 500 ? "server_error" : "invalid_request_error")
                .putNull("param")
                .putNull("code");
        send(response, callback, status, object().set("error", error));
    }

    private JsonAnswer() {
    }
}
