package io.renlayer.streams.query;

import io.renlayer.schemas.sessions.SessionSummary;
import io.renlayer.schemas.traces.Trace;
import io.renlayer.schemas.webhooks.DeliveryAttempt;

import java.util.Set;

/**
 * The queries one instance answers from its own stores, for the partitions it is asked about: {@link LocalStores}
 * here, {@link PeerQueries} on another instance. Each answer is in its query's order ({@link Position}); a lookup
 * answers zero or one value. Failures are {@link QueryException}s, thrown when the answer is read.
 */
interface InstanceQueries {

    CloseableIterator<Trace> traces(TraceQuery query, Set<Integer> partitions);

    CloseableIterator<SessionSummary> sessions(SessionQuery query, Set<Integer> partitions);

    CloseableIterator<Trace> trace(String tenantId, String traceId, Set<Integer> partitions);

    CloseableIterator<SessionSummary> session(String tenantId, String sessionId, Set<Integer> partitions);

    CloseableIterator<DeliveryAttempt> deliveries(DeliveryQuery query, Set<Integer> partitions);
}
