package io.renlayer.streams.traces;

import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The byte order of the keys is what the range scans rely on. */
class TraceKeysTest {

    private static final Instant T = Instant.parse("2026-11-23T10:00:00.000001Z");

    @Test
    void newerTracesSortFirstAndTiesBreakOnTheTraceId() {
        Bytes older = TraceKeys.byTime("tenant_a", T, "trace_b");
        Bytes newer = TraceKeys.byTime("tenant_a", T.plusNanos(1000), "trace_z");
        Bytes sameTime = TraceKeys.byTime("tenant_a", T, "trace_c");

        assertThat(newer.compareTo(older)).isNegative();
        assertThat(older.compareTo(sameTime)).isNegative();
    }

    @Test
    void aTenantsRangeExcludesATenantWhoseIdExtendsIt() {
        TraceKeys.KeyRange range = TraceKeys.tenantTraces("tenant_a", Instant.EPOCH, T.plusSeconds(60));
        Bytes inside = TraceKeys.byTime("tenant_a", T, "trace_1");
        Bytes longerTenant = TraceKeys.byTime("tenant_ab", T, "trace_1");

        assertThat(inside.compareTo(range.from())).isPositive();
        assertThat(inside.compareTo(range.to())).isNegative();
        assertThat(longerTenant.compareTo(range.to())).isPositive();
        assertThat(TraceKeys.afterTenant("tenant_a").compareTo(longerTenant)).isNegative();
        assertThat(TraceKeys.tenantOf(longerTenant)).isEqualTo("tenant_ab");
    }

    @Test
    void sessionKeyLeadsBackToTheTraceKey() {
        Bytes sessionKey = TraceKeys.bySession("tenant_a", "ticket-4711", T, "trace_1");

        assertThat(TraceKeys.byTimeOf(sessionKey)).isEqualTo(TraceKeys.byTime("tenant_a", T, "trace_1"));
    }
}
