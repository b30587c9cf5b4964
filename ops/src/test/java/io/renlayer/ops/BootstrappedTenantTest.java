package io.renlayer.ops;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BootstrappedTenantTest {

    @Test
    void readsTheBootstrapCommandsOutput() {
        List<String> output = List.of(
                "INFO  [2026-11-23 09:00:00,000] org.flywaydb.core.FlywayExecutor: Database: jdbc:postgresql://...",
                "tenant_id=tenant_01JD0000000000000000000000",
                "owner_email=owner@demo.local");

        assertThat(BootstrappedTenant.parse(output))
                .hasValue(new BootstrappedTenant("tenant_01JD0000000000000000000000", "owner@demo.local"));
    }

    @Test
    void emptyWhenALineIsMissing() {
        assertThat(BootstrappedTenant.parse(List.of("tenant_id=tenant_01JD0000000000000000000000"))).isEmpty();
    }
}
