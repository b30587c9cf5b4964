package io.renlayer.schemas.sessions;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Total latencies (request received to response ended, as the agent saw it) of a session's completed traces.
 * Count and sum rather than a mean alone, so that summaries can be merged and averaged over any grouping.
 */
public record LatencyStats(long count, long sumMicros, long maxMicros) {

    public static final LatencyStats NONE = new LatencyStats(0, 0, 0);

    /** Written for readers' convenience; derived, so it is not read back. */
    @JsonProperty
    public long meanMicros() {
        return count == 0 ? 0 : sumMicros / count;
    }
}
