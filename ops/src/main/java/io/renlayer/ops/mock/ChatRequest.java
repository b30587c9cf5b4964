package io.renlayer.ops.mock;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * A chat completion request and the mock's deterministic reply to it: "echo: " and the last user message.
 * A token is a word: the prompt counts the words of every message, the reply's tokens are its words each
 * with the white space after it, so that the streamed deltas join back into the exact content.
 */
record ChatRequest(String model, boolean stream, boolean includeUsage, List<String> replyTokens, int promptTokens) {

    static final String DEFAULT_MODEL = "mock-gpt";
    static final String REPLY_PREFIX = "echo: ";

    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Pattern TOKEN = Pattern.compile("\\S+\\s*");

    static ChatRequest parse(JsonNode body) {
        String lastUserText = "";
        int promptTokens = 0;
        for (JsonNode message : body.path("messages")) {
            String text = text(message.path("content"));
            promptTokens += WORD.matcher(text).results().count();
            if ("user".equals(message.path("role").asText())) {
                lastUserText = text;
            }
        }
        return new ChatRequest(
                body.path("model").asText(DEFAULT_MODEL),
                body.path("stream").asBoolean(false),
                body.path("stream_options").path("include_usage").asBoolean(false),
                tokens(REPLY_PREFIX + lastUserText),
                promptTokens);
    }

    String content() {
        return String.join("", replyTokens);
    }

    int completionTokens() {
        return replyTokens.size();
    }

    /** Content is a string or, from newer clients, an array of parts of which only the text ones are words. */
    private static String text(JsonNode content) {
        if (!content.isArray()) {
            return content.asText("");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if ("text".equals(part.path("type").asText())) {
                text.append(text.isEmpty() ? "" : " ").append(part.path("text").asText());
            }
        }
        return text.toString();
    }

    private static List<String> tokens(String content) {
        return TOKEN.matcher(content).results().map(MatchResult::group).toList();
    }
}
