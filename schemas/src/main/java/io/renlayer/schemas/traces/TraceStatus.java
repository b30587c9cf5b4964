package io.renlayer.schemas.traces;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a trace has both of its events. */
public enum TraceStatus {
    /** The request and its completion were both seen. */
    @JsonProperty("completed") COMPLETED,
    /**
     * No completion arrived within the timeout (the proxy crashed mid-request, or its completion event was lost).
     * If the completion turns up later, the trace is written again as {@code completed}.
     */
    @JsonProperty("incomplete") INCOMPLETE
}
