package io.renlayer.ops.bench;

import io.renlayer.ops.bench.LatencyRecorder.Percentiles;

/**
 * What one load run measured, before CPU is added to it.
 *
 * @param latency     the agent's view: from when the request was due (open loop: its slot on the clock, so a
 *                    late send counts against the system; closed loop: its send) to the response's last byte
 * @param serviceTime from the actual write of the request to the response's last byte
 * @param dispatchLag open loop only: how late the generator sent after the slot (its own share of latency)
 * @param ok          responses with status 200
 * @param failed      other statuses and I/O errors: a run with any is reported, not silently averaged
 */
record LoadResult(String target, Percentiles latency, Percentiles serviceTime, Percentiles dispatchLag, int ok,
                  int failed, long elapsedNanos) {

    double perSecond() {
        return ok * 1e9 / elapsedNanos;
    }
}
