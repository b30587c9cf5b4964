package io.renlayer.ops.mock;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The mock's reply as OpenAI writes it: a {@code chat.completion}, or the {@code chat.completion.chunk}s of
 * its stream. Nullable fields are written out as null, as OpenAI does, so that clients meet the same shape.
 */
final class CompletionJson {

    private final ChatRequest chat;
    private final String id;
    private final long created;

    CompletionJson(ChatRequest chat, long sequence) {
        this.chat = chat;
        this.id = "chatcmpl-mock" + sequence;
        this.created = System.currentTimeMillis() / 1000;
    }

    ObjectNode completion() {
        ObjectNode message = JsonAnswer.object()
                .put("role", "assistant")
                .put("content", chat.content())
                .putNull("refusal");
        ObjectNode choice = JsonAnswer.object().put("index", 0);
        choice.set("message", message);
        choice.putNull("logprobs").put("finish_reason", "stop");
        ObjectNode completion = envelope("chat.completion");
        completion.putArray("choices").add(choice);
        completion.set("usage", usage());
        return completion;
    }

    /** The role, one chunk per token, the finish, and the usage when the request asked for it. */
    List<ObjectNode> chunks() {
        List<ObjectNode> chunks = new ArrayList<>(chat.replyTokens().size() + 3);
        chunks.add(chunk(JsonAnswer.object().put("role", "assistant").put("content", ""), null));
        for (String token : chat.replyTokens()) {
            chunks.add(chunk(JsonAnswer.object().put("content", token), null));
        }
        chunks.add(chunk(JsonAnswer.object(), "stop"));
        if (chat.includeUsage()) {
            ObjectNode usageChunk = envelope("chat.completion.chunk");
            usageChunk.putArray("choices");
            usageChunk.set("usage", usage());
            chunks.add(usageChunk);
        }
        return chunks;
    }

    private ObjectNode chunk(ObjectNode delta, String finishReason) {
        ObjectNode choice = JsonAnswer.object().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs").put("finish_reason", finishReason);
        ObjectNode chunk = envelope("chat.completion.chunk");
        chunk.putArray("choices").add(choice);
        if (chat.includeUsage()) {
            // With include_usage, OpenAI gives every chunk a usage field, null until the last.
            chunk.putNull("usage");
        }
        return chunk;
    }

    private ObjectNode envelope(String object) {
        return JsonAnswer.object()
                .put("id", id)
                .put("object", object)
                .put("created", created)
                .put("model", chat.model())
                .putNull("system_fingerprint");
    }

    private ObjectNode usage() {
        return JsonAnswer.object()
                .put("prompt_tokens", chat.promptTokens())
                .put("completion_tokens", chat.completionTokens())
                .put("total_tokens", chat.promptTokens() + chat.completionTokens());
    }
}
