package io.renlayer.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The proxy's own account of a run, from Dropwizard's {@code /metrics} on its admin port: how long its Kafka
 * sends waited for their ack (strict mode's part of the added latency), how many requests it allowed, whether
 * any DLP finding, dropped or failed event or GC muddied the figures. Counts are differences between two
 * readings; the timers' percentiles are Dropwizard's (exponentially decaying, weighted to the last minutes).
 */
final class ProxyAdminMetrics {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI uri;

    ProxyAdminMetrics(int adminPort) {
        this.uri = URI.create("http://127.0.0.1:" + adminPort + "/metrics");
    }

    /** One reading. */
    record Reading(long allowed, long findings, long produced, double produceP50Ms, double produceP99Ms,
                   double upstreamP50Ms, double upstreamP99Ms, long asyncOverflow, long auditFailed, long gcCount,
                   long gcMillis) {

        /** What happened between {@code before} and this reading; the percentiles stay this reading's. */
        Reading since(Reading before) {
            return new Reading(allowed - before.allowed, findings - before.findings, produced - before.produced,
                    produceP50Ms, produceP99Ms, upstreamP50Ms, upstreamP99Ms, asyncOverflow - before.asyncOverflow,
                    auditFailed - before.auditFailed, gcCount - before.gcCount, gcMillis - before.gcMillis);
        }

        /** These counts with the timers' percentiles of {@code other}. */
        Reading withTimersOf(Reading other) {
            return new Reading(allowed, findings, produced, other.produceP50Ms, other.produceP99Ms,
                    other.upstreamP50Ms, other.upstreamP99Ms, asyncOverflow, auditFailed, gcCount, gcMillis);
        }
    }

    Reading read() throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            throw new IOException(uri + " answered " + answer.statusCode());
        }
        JsonNode root = MAPPER.readTree(answer.body());
        JsonNode meters = root.path("meters");
        JsonNode timers = root.path("timers");
        JsonNode produce = timers.path("renlayer.proxy.audit.produce-latency");
        JsonNode upstream = timers.path("renlayer.proxy.upstream.latency");
        return new Reading(
                meters.path("renlayer.proxy.decisions.allow").path("count").asLong(),
                sum(meters, n -> n.startsWith("renlayer.proxy.dlp.findings."), "count"),
                produce.path("count").asLong(),
                millis(produce, "p50"), millis(produce, "p99"),
                millis(upstream, "p50"), millis(upstream, "p99"),
                meters.path("renlayer.proxy.audit.async-overflow").path("count").asLong(),
                meters.path("renlayer.proxy.audit.failed").path("count").asLong(),
                // jvm.gc.<collector>.count and .time, over every collector
                sum(root.path("gauges"), n -> n.startsWith("jvm.gc.") && n.endsWith(".count"), "value"),
                sum(root.path("gauges"), n -> n.startsWith("jvm.gc.") && n.endsWith(".time"), "value"));
    }

    /** Timers report in their {@code duration_units}; Dropwizard's default is milliseconds. */
    private static double millis(JsonNode timer, String field) {
        double value = timer.path(field).asDouble();
        return switch (timer.path("duration_units").asText("milliseconds")) {
            case "seconds" -> value * 1000;
            case "microseconds" -> value / 1000;
            case "nanoseconds" -> value / 1_000_000;
            default -> value;
        };
    }

    /** The sum of {@code field} over the metrics of {@code group} whose names {@code name} accepts. */
    private static long sum(JsonNode group, Predicate<String> name, String field) {
        long sum = 0;
        for (Map.Entry<String, JsonNode> entry : group.properties()) {
            if (name.test(entry.getKey())) {
                sum += entry.getValue().path(field).asLong();
            }
        }
        return sum;
    }
}
