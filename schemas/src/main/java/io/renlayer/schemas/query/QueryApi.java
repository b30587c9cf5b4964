package io.renlayer.schemas.query;

/**
 * The internal HTTP API of streams-processor's interactive queries, on each instance's application port; any
 * instance answers for the whole cluster (it fans out to its peers). For api-service and the peers only: it has
 * no authentication, so it must not be exposed beyond the services' network.
 * <ul>
 * <li>{@code GET {TENANT}/traces} ({@code agent_id, session_id, decision, status, from, to, limit, after}) →
 *     {@link QueryPage} of traces, newest first</li>
 * <li>{@code GET {TENANT}/traces/export} (the same filters, no paging) → {@value #NDJSON}, one trace a line</li>
 * <li>{@code GET {TENANT}/traces/{trace_id}} → a trace</li>
 * <li>{@code GET {TENANT}/sessions} ({@code agent_id, from, to, limit, after}) → {@link QueryPage} of session
 *     summaries, most recently started first</li>
 * <li>{@code GET {TENANT}/sessions/{session_id}} → a session summary; its traces are {@code traces?session_id=}</li>
 * <li>{@code GET {TENANT}/webhooks/{webhook_id}/deliveries} ({@code limit, after}) → {@link QueryPage} of
 *     {@link io.renlayer.schemas.webhooks.DeliveryAttempt}s, newest first</li>
 * </ul>
 * Errors are problem+json: 404 {@code not_found}, 422 {@code validation_failed}, 400 {@code invalid_cursor} (an
 * {@code after} not issued by this API), 503 {@value #UNAVAILABLE} with {@code Retry-After} while stores move
 * between instances or an instance does not answer (never a partial result).
 */
public final class QueryApi {

    /** The cluster-wide queries of one tenant. */
    public static final String TENANT = "/internal/v1/tenants/{tenant_id}";
    /** The same queries answered from one instance's own stores, for the partitions named: peers' calls. */
    public static final String LOCAL_TENANT = "/internal/v1/local/tenants/{tenant_id}";
    /** Which instance serves which partition of the queryable stores (diagnostics). */
    public static final String INSTANCES = "/internal/v1/instances";

    public static final String NDJSON = "application/x-ndjson";
    /** The problem code of a query that could not reach every partition's store in time; retry later. */
    public static final String UNAVAILABLE = "query_unavailable";

    public static final String AFTER = "after";
    public static final String LIMIT = "limit";
    public static final String AGENT_ID = "agent_id";
    public static final String SESSION_ID = "session_id";
    public static final String DECISION = "decision";
    public static final String STATUS = "status";
    public static final String FROM = "from";
    public static final String TO = "to";
    /** Local queries only: the partitions to answer for, comma-separated. */
    public static final String PARTITIONS = "partitions";

    /** {@code base} ({@link #TENANT} or {@link #LOCAL_TENANT}) for one tenant. */
    public static String forTenant(String base, String tenantId) {
        return base.replace("{tenant_id}", tenantId);
    }

    private QueryApi() {
    }
}
