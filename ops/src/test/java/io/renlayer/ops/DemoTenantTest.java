package io.renlayer.ops;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoTenantTest {

    @Test
    void readsTheBootstrapCommandsOutput() {
        List<String> output = List.of(
                "INFO  [2026-11-23 09:00:00,000] org.flywaydb.core.FlywayExecutor: Database: jdbc:postgresql://...",
                "tenant_id=tenant_01JD0000000000000000000000",
                "owner_email=owner@demo.local");

        assertThat(DemoTenant.parse(output))
                .hasValue(new DemoTenant("tenant_01JD0000000000000000000000", "owner@demo.local"));
    }

    @Test
    void emptyWhenALineIsMissing() {
        assertThat(DemoTenant.parse(List.of("tenant_id=tenant_01JD0000000000000000000000"))).isEmpty();
    }
}
