package io.renlayer.schemas.events;

/** Token counts reported by an OpenAI-style upstream. */
public record TokenUsage(long promptTokens, long completionTokens, long totalTokens) {
}
