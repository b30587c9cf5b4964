package io.renlayer.proxy.core;

import io.renlayer.schemas.config.KeyEntry;
import io.renlayer.schemas.config.TenantConfigSnapshot;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Every tenant's configuration in memory, built from the config topic: the proxy never asks PostgreSQL
 * on the request path. A key is found by the SHA-256 of what the agent presents, in O(1).
 *
 * <p>Snapshots arrive at least once and may repeat: one older than the tenant's current version is
 * ignored. Until the topic has been read to its end, {@link #loaded()} is false and the proxy refuses
 * traffic (fail closed).
 */
public final class ConfigStore {

    private record KeyRef(String tenantId, KeyEntry key) {
    }

    private final Map<String, TenantState> tenants = new ConcurrentHashMap<>();
    private final Map<String, KeyRef> keysByHash = new ConcurrentHashMap<>();
    private volatile Instant caughtUpAt;

    /** Applies a snapshot; @return false when it was older than (or as old as) the one held. */
    public synchronized boolean apply(TenantConfigSnapshot snapshot) {
        TenantState current = tenants.get(snapshot.tenantId());
        if (current != null && current.snapshot().version() >= snapshot.version()) {
            return false;
        }
        TenantState next = TenantState.compile(snapshot);
        // New keys first, then drop the rest: a key valid in both versions never disappears in between.
        Set<String> nextHashes = snapshot.keys().stream().map(KeyEntry::secretSha256).collect(Collectors.toSet());
        snapshot.keys().forEach(k -> keysByHash.put(k.secretSha256(), new KeyRef(snapshot.tenantId(), k)));
        tenants.put(snapshot.tenantId(), next);
        if (current != null) {
            current.snapshot().keys().stream().map(KeyEntry::secretSha256)
                    .filter(h -> !nextHashes.contains(h))
                    .forEach(keysByHash::remove);
        }
        return true;
    }

    /** A compacted-away tenant (tombstone): all its keys stop working. */
    public synchronized void remove(String tenantId) {
        TenantState removed = tenants.remove(tenantId);
        if (removed != null) {
            removed.snapshot().keys().forEach(k -> keysByHash.remove(k.secretSha256()));
        }
    }

    /** The active key behind {@code presentedSecret}, if its agent exists and is enabled. */
    public Optional<ResolvedKey> resolve(String presentedSecret) {
        KeyRef ref = keysByHash.get(KeyEntry.secretSha256Of(presentedSecret));
        if (ref == null) {
            return Optional.empty();
        }
        TenantState tenant = tenants.get(ref.tenantId());
        if (tenant == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(tenant.agents().get(ref.key().agentId()))
                .filter(agent -> agent.enabled())
                .map(agent -> new ResolvedKey(tenant, agent, ref.key()));
    }

    public Optional<TenantState> tenant(String tenantId) {
        return Optional.ofNullable(tenants.get(tenantId));
    }

    /** The consumer has read the config topic up to its end offsets as of {@code at}. */
    public void markCaughtUp(Instant at) {
        caughtUpAt = at;
    }

    /** Caught up once at least: the proxy then has every tenant's configuration. */
    public boolean loaded() {
        return caughtUpAt != null;
    }

    /** @return when the store was last confirmed caught up, or null before it loaded */
    public Instant caughtUpAt() {
        return caughtUpAt;
    }
}
