package io.renlayer.ops.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * What the proxy process costs, read from outside it: CPU from {@code /proc} (the proxy's and, for comparison,
 * this JVM's: load generator, mock and broker), and the proxy's own metrics from its admin port.
 */
final class ProxyMeter {

    private static final Duration SETTLE_WINDOW = Duration.ofSeconds(3);
    /** 1.5 % of a core: what the idle proxy (config polling, Kafka clients) stays under once its JIT is done. */
    private static final Duration SETTLED_CPU_PER_WINDOW = Duration.ofMillis(45);

    private final ProcessCpu proxyCpu;
    private final ProcessCpu benchCpu = ProcessCpu.self();
    private final ProxyAdminMetrics metrics;

    ProxyMeter(long proxyPid, int adminPort) {
        this.proxyCpu = new ProcessCpu(proxyPid);
        this.metrics = new ProxyAdminMetrics(adminPort);
    }

    ProxyAdminMetrics.Reading metrics() throws IOException, InterruptedException {
        return metrics.read();
    }

    /** CPU around the run only: the metrics are read outside it, as rendering them costs the proxy CPU too. */
    Measured measure(int repetition, Callable<LoadResult> run) throws Exception {
        ProxyAdminMetrics.Reading before = metrics.read();
        long proxyBefore = proxyCpu.cpuNanos();
        long benchBefore = benchCpu.cpuNanos();
        LoadResult result = run.call();
        long proxyUsed = proxyCpu.cpuNanos() - proxyBefore;
        long benchUsed = benchCpu.cpuNanos() - benchBefore;
        return new Measured(repetition, result, proxyUsed, benchUsed, metrics.read().since(before));
    }

    /**
     * Waits until the proxy has used under 45 ms of CPU in a 3 s window (at most 2 minutes): after the warm-up
     * its one C2 compiler thread (two cores) is still compiling for tens of seconds, and would otherwise be
     * billed to the first run. @return the seconds it took
     */
    double settle() throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            long before = proxyCpu.cpuNanos();
            Thread.sleep(SETTLE_WINDOW);
            if (proxyCpu.cpuNanos() - before < SETTLED_CPU_PER_WINDOW.toNanos()) {
                break;
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The proxy's CPU with no traffic at all, in nanoseconds per second. */
    double idleCpuNanosPerSecond(Duration sample) throws InterruptedException {
        long before = proxyCpu.cpuNanos();
        long start = System.nanoTime();
        Thread.sleep(sample);
        return (proxyCpu.cpuNanos() - before) * 1e9 / (System.nanoTime() - start);
    }
}
