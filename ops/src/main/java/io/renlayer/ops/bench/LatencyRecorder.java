package io.renlayer.ops.bench;

import java.util.Arrays;

/**
 * Every latency of one run, kept exactly (a run is a few thousand to a few hundred thousand samples), so the
 * percentiles are the samples' own and not a histogram's bucket edges. Thread-safe: the load generator's
 * workers record into one recorder; at these rates the lock is uncontended almost always.
 */
final class LatencyRecorder {

    private long[] nanos = new long[4096];
    private int count;

    synchronized void record(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    synchronized int count() {
        return count;
    }

    synchronized Percentiles percentiles() {
        return Percentiles.of(Arrays.copyOf(nanos, count));
    }

    /**
     * Nearest-rank percentiles of one run, in nanoseconds.
     *
     * @param count how many samples they come from (p99 of 3000 samples is the 30th largest)
     */
    record Percentiles(int count, long p50, long p90, long p99, long max) {

        static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0);

        static Percentiles of(long[] samples) {
            if (samples.length == 0) {
                return NONE;
            }
            long[] sorted = samples.clone();
            Arrays.sort(sorted);
            return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
                    sorted[sorted.length - 1]);
        }

        private static long rank(long[] sorted, double percentile) {
            int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }
}
