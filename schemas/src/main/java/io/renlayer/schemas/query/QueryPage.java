package io.renlayer.schemas.query;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One page of an interactive query of streams-processor (traces or sessions, newest first).
 *
 * @param nextAfter the position of the last item of {@code data}, to pass as {@code after} for the next page: that
 *                  page starts strictly after it, so a walk through the pages has no duplicate and no gap. Null on
 *                  the last page. Opaque: callers keep it (api-service seals it into its own cursor), never parse it.
 */
public record QueryPage<T>(List<T> data, @JsonInclude(JsonInclude.Include.ALWAYS) String nextAfter) {

    public QueryPage {
        data = List.copyOf(data);
    }
}
