package io.renlayer.proxy.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.renlayer.schemas.events.TokenUsage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Token usage read off a response as it streams past, without holding the stream back. Understands the
 * OpenAI shape ({@code usage.prompt_tokens / completion_tokens / total_tokens}, in the body or, streamed with
 * {@code stream_options.include_usage}, in a last {@code data:} event) and the Anthropic one
 * ({@code input_tokens / output_tokens}, split across {@code message_start} and {@code message_delta}).
 */
public final class UsageSniffer {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_JSON_BYTES = 1 << 20;
    private static final int MAX_EVENT_LINE_BYTES = 1 << 16;
    private static final byte[] USAGE = "\"usage\"".getBytes(StandardCharsets.US_ASCII);

    private final boolean eventStream;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean overflowed;
    private long input;
    private long output;
    private long total;

    private UsageSniffer(boolean eventStream) {
        this.eventStream = eventStream;
    }

    /** @return a sniffer for a JSON or event-stream response, null for any other content type */
    public static UsageSniffer forContentType(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/event-stream")) {
            return new UsageSniffer(true);
        }
        return type.startsWith("application/json") ? new UsageSniffer(false) : null;
    }

    public void accept(byte[] bytes, int offset, int length) {
        if (!eventStream) {
            overflowed |= pending.size() + length > MAX_JSON_BYTES;
            if (!overflowed) {
                pending.write(bytes, offset, length);
            }
            return;
        }
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                eventLine(pending.toByteArray());
                pending.reset();
            } else if (pending.size() < MAX_EVENT_LINE_BYTES) {
                pending.write(bytes[i]);
            }
        }
    }

    /** @return the usage reported so far (all of it, once the response has ended), or null */
    public TokenUsage usage() {
        if (!eventStream && !overflowed && pending.size() > 0) {
            read(pending.toByteArray());
            pending.reset();
        }
        if (input == 0 && output == 0 && total == 0) {
            return null;
        }
        return new TokenUsage(input, output, total > 0 ? total : input + output);
    }

    private void eventLine(byte[] line) {
        if (line.length > 5 && line[0] == 'd' && contains(line, USAGE)) {
            String text = new String(line, StandardCharsets.UTF_8);
            if (text.startsWith("data:")) {
                read(text.substring(5).strip().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void read(byte[] json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            JsonNode usage = root.path("usage").isObject() ? root.path("usage") : root.path("message").path("usage");
            input = Math.max(input, first(usage, "prompt_tokens", "input_tokens"));
            output = Math.max(output, first(usage, "completion_tokens", "output_tokens"));
            total = Math.max(total, usage.path("total_tokens").asLong(0));
        } catch (IOException e) {
            // Not JSON after all (or cut off): there is simply no usage to report.
        }
    }

    private static long first(JsonNode usage, String name, String alternative) {
        return usage.has(name) ? usage.path(name).asLong(0) : usage.path(alternative).asLong(0);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
