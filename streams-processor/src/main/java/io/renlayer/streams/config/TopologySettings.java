package io.renlayer.streams.config;

import java.time.Duration;

/**
 * What the topology itself needs to know (the {@code topology:} section, as plain values for tests).
 *
 * @param completionTimeout   how long a request waits for its completion before its trace is written incomplete
 * @param sessionGap          how long a session may be idle before it is closed
 * @param retention           how long traces (by received_at) and closed sessions (by last activity) are kept
 * @param punctuationInterval how often timeouts, idle sessions and retention are checked (wall-clock time)
 */
public record TopologySettings(Duration completionTimeout, Duration sessionGap, Duration retention,
                               Duration punctuationInterval) {
}
