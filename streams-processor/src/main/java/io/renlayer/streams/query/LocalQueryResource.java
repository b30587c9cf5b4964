package io.renlayer.streams.query;

import io.renlayer.schemas.query.QueryApi;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import static io.renlayer.streams.query.QueryParams.Limit.NONE;

/**
 * The queries answered from this instance's stores only, for the {@code partitions} the caller names
 * ({@link QueryApi#LOCAL_TENANT}): what a peer coordinating a query asks. Every answer is NDJSON in the query's
 * order — a lookup answers zero or one line — and is streamed: an export reads through here too. The stores are
 * opened before the answer starts, so a partition that cannot be read here is a clean 503.
 */
@Path(QueryApi.LOCAL_TENANT)
@Produces(QueryApi.NDJSON)
public final class LocalQueryResource {

    private final LocalStores stores;

    LocalQueryResource(LocalStores stores) {
        this.stores = stores;
    }

    @GET
    @Path("traces")
    public StreamingOutput traces(@PathParam("tenant_id") String tenantId,
                                  @QueryParam(QueryApi.PARTITIONS) String partitions, @Context UriInfo uri,
                                  @Context HttpServletRequest request) {
        TraceQuery query = TraceQuery.parse(tenantId, uri.getQueryParameters(), NONE);
        return opened(stores.traces(query, QueryParams.partitions(partitions)), request);
    }

    @GET
    @Path("sessions")
    public StreamingOutput sessions(@PathParam("tenant_id") String tenantId,
                                    @QueryParam(QueryApi.PARTITIONS) String partitions, @Context UriInfo uri,
                                    @Context HttpServletRequest request) {
        SessionQuery query = SessionQuery.parse(tenantId, uri.getQueryParameters(), NONE);
        return opened(stores.sessions(query, QueryParams.partitions(partitions)), request);
    }

    @GET
    @Path("traces/{trace_id}")
    public StreamingOutput trace(@PathParam("tenant_id") String tenantId, @PathParam("trace_id") String traceId,
                                 @QueryParam(QueryApi.PARTITIONS) String partitions,
                                 @Context HttpServletRequest request) {
        String tenant = QueryParams.checkedTenantId(tenantId);
        return opened(stores.trace(tenant, traceId, QueryParams.partitions(partitions)), request);
    }

    @GET
    @Path("sessions/{session_id: .+}")
    public StreamingOutput session(@PathParam("tenant_id") String tenantId, @PathParam("session_id") String sessionId,
                                   @QueryParam(QueryApi.PARTITIONS) String partitions,
                                   @Context HttpServletRequest request) {
        String tenant = QueryParams.checkedTenantId(tenantId);
        return opened(stores.session(tenant, sessionId, QueryParams.partitions(partitions)), request);
    }

    @GET
    @Path("webhooks/{webhook_id}/deliveries")
    public StreamingOutput deliveries(@PathParam("tenant_id") String tenantId,
                                      @PathParam("webhook_id") String webhookId,
                                      @QueryParam(QueryApi.PARTITIONS) String partitions, @Context UriInfo uri,
                                      @Context HttpServletRequest request) {
        DeliveryQuery query = DeliveryQuery.parse(tenantId, webhookId, uri.getQueryParameters(), NONE);
        return opened(stores.deliveries(query, QueryParams.partitions(partitions)), request);
    }

    /** Reads the first value now, so that a store failing to open fails the request before the 200 is sent. */
    private static StreamingOutput opened(CloseableIterator<?> values, HttpServletRequest request) {
        try {
            values.hasNext();
        } catch (RuntimeException e) {
            values.close();
            throw e;
        }
        return Ndjson.of(values, request);
    }
}
