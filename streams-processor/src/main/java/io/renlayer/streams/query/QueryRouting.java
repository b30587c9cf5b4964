package io.renlayer.streams.query;

import org.apache.kafka.streams.state.HostInfo;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Which instance answers for which partitions of the queryable stores ({@link StreamsRouting}). */
interface QueryRouting {

    /** One instance and the partitions it is asked about, with the means to ask it. */
    record Target(HostInfo host, Set<Integer> partitions, InstanceQueries queries) {
    }

    /**
     * Every partition, each exactly once, grouped by the instance that owns it.
     *
     * @throws QueryException (503) while some partition has no owner known yet
     */
    List<Target> all();

    /** The owner of a session's partition (the one of its key {@code tenant|session}), if the metadata says. */
    Optional<Target> ownerOf(String tenantId, String sessionId);

    /**
     * The owner of the partition holding a tenant's webhook deliveries (their store is fed by the security events,
     * keyed by tenant: one partition per tenant, assigned apart from the trace stores').
     *
     * @throws QueryException (503) while that partition has no owner known yet
     */
    Target deliveriesOwner(String tenantId);
}
