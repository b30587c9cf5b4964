package io.renlayer.proxy.forward;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.renlayer.engine.Evaluation;
import io.renlayer.schemas.events.DlpFinding;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** The proxy's own metrics, on the admin port's {@code /metrics} beside Jetty's and the JVM's. */
public final class ProxyMetrics {

    private final MetricRegistry registry;
    private final Timer upstreamLatency;

    public ProxyMetrics(MetricRegistry registry) {
        this.registry = registry;
        this.upstreamLatency = registry.timer("renlayer.proxy.upstream.latency");
    }

    /** {@code decisions.<allow|deny|dlp_block|error>} and {@code dlp.findings.<detector>}. */
    void decided(Evaluation verdict) {
        registry.meter("renlayer.proxy.decisions." + verdict.decision().name().toLowerCase(Locale.ROOT)).mark();
        found(verdict.findings());
    }

    void found(List<DlpFinding> findings) {
        findings.forEach(f -> registry.meter("renlayer.proxy.dlp.findings." + f.detectorName()).mark());
    }

    /** {@code refusals.<code>}: every answer the proxy gave itself instead of the upstream's. */
    void refused(String code) {
        registry.meter("renlayer.proxy.refusals." + code).mark();
    }

    void upstreamAnswered(long micros) {
        upstreamLatency.update(micros, TimeUnit.MICROSECONDS);
    }
}
