package io.renlayer.proxy.core;

import io.renlayer.schemas.config.AgentEntry;
import io.renlayer.schemas.config.CustomPattern;
import io.renlayer.schemas.config.DlpAction;
import io.renlayer.schemas.config.KeyEntry;
import io.renlayer.schemas.config.TenantConfigSnapshot;
import io.renlayer.schemas.config.TenantSettings;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigStoreTest {

    private static final String TENANT = TypedId.newId(IdType.TENANT);
    private static final String AGENT = TypedId.newId(IdType.AGENT);
    private static final String SECRET_A = "rl_secretAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private static final String SECRET_B = "rl_secretBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";

    private final ConfigStore store = new ConfigStore();

    @Test
    void resolvesAnActiveKeyToItsTenantAndAgent() {
        store.apply(snapshot(1, true, List.of(key("a", SECRET_A)), List.of()));
        ResolvedKey resolved = store.resolve(SECRET_A).orElseThrow();
        assertThat(resolved.tenant().snapshot().tenantId()).isEqualTo(TENANT);
        assertThat(resolved.agent().id()).isEqualTo(AGENT);
        assertThat(resolved.tenant().usable()).isTrue();
        assertThat(store.resolve(SECRET_B)).isEmpty();
        assertThat(store.resolve("")).isEmpty();
    }

    @Test
    void aNewerSnapshotWithoutTheKeyRevokesItAndAnOlderOneIsIgnored() {
        store.apply(snapshot(1, true, List.of(key("a", SECRET_A), key("b", SECRET_B)), List.of()));
        assertThat(store.apply(snapshot(2, true, List.of(key("b", SECRET_B)), List.of()))).isTrue();
        assertThat(store.resolve(SECRET_A)).as("revoked").isEmpty();
        assertThat(store.resolve(SECRET_B)).isPresent();

        assertThat(store.apply(snapshot(1, true, List.of(key("a", SECRET_A), key("b", SECRET_B)), List.of())))
                .as("a redelivered older snapshot").isFalse();
        assertThat(store.resolve(SECRET_A)).as("stays revoked").isEmpty();
    }

    @Test
    void aDisabledAgentsKeysAreRefused() {
        store.apply(snapshot(1, false, List.of(key("a", SECRET_A)), List.of()));
        assertThat(store.resolve(SECRET_A)).isEmpty();
    }

    @Test
    void aSnapshotThatDoesNotCompileFailsClosed() {
        CustomPattern broken = new CustomPattern(TypedId.newId(IdType.PATTERN), "broken", "(", DlpAction.BLOCK, true);
        store.apply(snapshot(1, true, List.of(key("a", SECRET_A)), List.of(broken)));
        assertThat(store.resolve(SECRET_A).orElseThrow().tenant().usable()).isFalse();
    }

    @Test
    void aTombstoneRemovesTheTenant() {
        store.apply(snapshot(1, true, List.of(key("a", SECRET_A)), List.of()));
        store.remove(TENANT);
        assertThat(store.resolve(SECRET_A)).isEmpty();
        assertThat(store.tenant(TENANT)).isEmpty();
    }

    static KeyEntry key(String name, String secret) {
        return new KeyEntry("key_" + name, AGENT, KeyEntry.secretSha256Of(secret), secret.substring(0, 11));
    }

    static TenantConfigSnapshot snapshot(long version, boolean agentEnabled, List<KeyEntry> keys,
                                         List<CustomPattern> patterns) {
        return new TenantConfigSnapshot(TENANT, version, Instant.now(), TenantSettings.defaults(),
                List.of(new AgentEntry(AGENT, "bot", agentEnabled)), keys, List.of(), List.of(), patterns, List.of(),
                List.of(), List.of());
    }
}
