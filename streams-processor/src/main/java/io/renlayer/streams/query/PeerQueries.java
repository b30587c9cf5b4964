package io.renlayer.streams.query;

import io.renlayer.schemas.query.QueryApi;
import io.renlayer.schemas.sessions.SessionSummary;
import io.renlayer.schemas.traces.Trace;
import io.renlayer.schemas.webhooks.DeliveryAttempt;
import org.apache.kafka.streams.state.HostInfo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The queries of another instance, asked over HTTP on its local-only paths: it answers without fanning out. */
final class PeerQueries implements InstanceQueries {

    private final PeerClient client;
    private final HostInfo host;

    PeerQueries(PeerClient client, HostInfo host) {
        this.client = client;
        this.host = host;
    }

    @Override
    public CloseableIterator<Trace> traces(TraceQuery query, Set<Integer> partitions) {
        return ask(query.tenantId(), "/traces", query.params(), partitions, Trace.class);
    }

    @Override
    public CloseableIterator<SessionSummary> sessions(SessionQuery query, Set<Integer> partitions) {
        return ask(query.tenantId(), "/sessions", query.params(), partitions, SessionSummary.class);
    }

    @Override
    public CloseableIterator<Trace> trace(String tenantId, String traceId, Set<Integer> partitions) {
        return ask(tenantId, "/traces/" + traceId, Map.of(), partitions, Trace.class);
    }

    @Override
    public CloseableIterator<SessionSummary> session(String tenantId, String sessionId, Set<Integer> partitions) {
        return ask(tenantId, "/sessions/" + sessionId, Map.of(), partitions, SessionSummary.class);
    }

    @Override
    public CloseableIterator<DeliveryAttempt> deliveries(DeliveryQuery query, Set<Integer> partitions) {
        return ask(query.tenantId(), "/webhooks/" + query.webhookId() + "/deliveries", query.params(), partitions,
                DeliveryAttempt.class);
    }

    private <T> CloseableIterator<T> ask(String tenantId, String path, Map<String, String> params,
                                         Set<Integer> partitions, Class<T> type) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put(QueryApi.PARTITIONS, partitions.stream().map(String::valueOf).collect(Collectors.joining(",")));
        return client.stream(host, QueryApi.forTenant(QueryApi.LOCAL_TENANT, tenantId) + path, all, type);
    }
}
