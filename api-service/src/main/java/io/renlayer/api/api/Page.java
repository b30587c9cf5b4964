package io.renlayer.api.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** Every list response: a page of items and the cursor of the next page, null on the last. */
public record Page<T>(List<T> data, @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
}
