package io.renlayer.ops.bench;

import io.renlayer.ops.bench.LatencyRecorder.Percentiles;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Everything one benchmark run measured, and the arithmetic the report needs: the added latency of a proxy
 * run is taken against the direct run of the same repetition (they ran minutes apart at most, under the same
 * noise), then summarised over the repetitions as a median and a min–max spread.
 *
 * @param brokerAck               the broker's one-send ack latency alone, before and after the fixed-rate runs
 * @param settleSeconds           how long the proxy took to go idle after the warm-up (its JIT finishing)
 * @param idleProxyNanosPerSecond CPU the proxy burns with no traffic (config polling, Kafka client, metrics)
 * @param proxyMetrics            the proxy's metrics over the fixed-rate strict runs, for its produce latency
 */
record BenchResults(MachineInfo machine, BenchSettings settings, int bodyBytes, double settleSeconds,
                    List<Percentiles> brokerAck, double idleProxyNanosPerSecond, List<Measured> fixedRate, List<Measured> throughput,
                    ProxyAdminMetrics.Reading proxyMetrics, String clientNote) {

    static final List<String> TARGETS = List.of("direct", "strict", "async");

    List<Measured> fixedRuns(String target) {
        return fixedRate.stream().filter(m -> m.target().equals(target)).toList();
    }

    Measured direct(int repetition) {
        return fixedRate.stream().filter(m -> m.repetition() == repetition && m.target().equals("direct"))
                .findFirst().orElseThrow();
    }

    /** The run's latency at a percentile less the direct run's of its repetition, in nanoseconds. */
    double added(Measured run, ToDoubleFunction<Percentiles> percentile) {
        return percentile.applyAsDouble(run.load().latency())
                - percentile.applyAsDouble(direct(run.repetition()).load().latency());
    }

    /** Median, min and max of one figure over a target's fixed-rate runs. */
    Summary summary(String target, ToDoubleFunction<Measured> figure) {
        double[] values = fixedRuns(target).stream().mapToDouble(figure).sorted().toArray();
        if (values.length == 0) {
            return new Summary(Double.NaN, Double.NaN, Double.NaN);
        }
        int mid = values.length / 2;
        double median = values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
        return new Summary(median, values[0], values[values.length - 1]);
    }

    /** The lower of the broker-alone p99s: the stricter yardstick for strict mode's p99. */
    double brokerP99() {
        return brokerAck.stream().mapToDouble(Percentiles::p99).min().orElse(Double.NaN);
    }

    Measured throughputOf(String target) {
        return throughput.stream().filter(m -> m.target().equals(target)).findFirst().orElseThrow();
    }

    record Summary(double median, double min, double max) {
    }
}
