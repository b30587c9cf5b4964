package io.renlayer.ops.bench;

/**
 * One load run with the CPU it cost: the proxy's process, and this JVM's (load generator, mock and broker
 * together), both from {@code /proc}; and the proxy's metrics over the same span.
 *
 * @param repetition 1-based for fixed-rate runs; 0 for throughput runs
 */
record Measured(int repetition, LoadResult load, long proxyCpuNanos, long benchCpuNanos,
                ProxyAdminMetrics.Reading proxyMetrics) {

    String target() {
        return load.target();
    }

    /** The proxy's CPU time per successful request, in microseconds. */
    double proxyCpuMicros() {
        return perRequestMicros(proxyCpuNanos);
    }

    /** The same, less what the idle proxy burns anyway over the run ({@code idleNanosPerSecond}). */
    double proxyCpuMicrosNetOfIdle(double idleNanosPerSecond) {
        return perRequestMicros(proxyCpuNanos - idleNanosPerSecond * load.elapsedNanos() / 1e9);
    }

    double benchCpuMicros() {
        return perRequestMicros(benchCpuNanos);
    }

    private double perRequestMicros(double nanos) {
        return load.ok() == 0 ? Double.NaN : nanos / 1000.0 / load.ok();
    }
}
