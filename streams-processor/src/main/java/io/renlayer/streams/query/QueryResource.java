package io.renlayer.streams.query;

import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;
import io.renlayer.schemas.query.QueryApi;
import io.renlayer.schemas.query.QueryPage;
import io.renlayer.schemas.sessions.SessionSummary;
import io.renlayer.schemas.traces.Trace;
import io.renlayer.schemas.webhooks.DeliveryAttempt;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import static io.renlayer.streams.query.QueryParams.Limit.NONE;
import static io.renlayer.streams.query.QueryParams.Limit.PAGE;

/** The cluster-wide queries of one tenant ({@link QueryApi}), for api-service: any instance answers them. */
@Path(QueryApi.TENANT)
@Produces(MediaType.APPLICATION_JSON)
public final class QueryResource {

    private final QueryCoordinator coordinator;

    QueryResource(QueryCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @GET
    @Path("traces")
    public QueryPage<Trace> traces(@PathParam("tenant_id") String tenantId, @Context UriInfo uri) {
        return coordinator.traces(TraceQuery.parse(tenantId, uri.getQueryParameters(), PAGE));
    }

    /** No paging: every matching trace, newest first; {@code limit} caps it if given. */
    @GET
    @Path("traces/export")
    @Produces(QueryApi.NDJSON)
    public StreamingOutput export(@PathParam("tenant_id") String tenantId, @Context UriInfo uri,
                                  @Context HttpServletRequest request) {
        return Ndjson.of(coordinator.export(TraceQuery.parse(tenantId, uri.getQueryParameters(), NONE)), request);
    }

    @GET
    @Path("sessions")
    public QueryPage<SessionSummary> sessions(@PathParam("tenant_id") String tenantId, @Context UriInfo uri) {
        return coordinator.sessions(SessionQuery.parse(tenantId, uri.getQueryParameters(), PAGE));
    }

    @GET
    @Path("traces/{trace_id}")
    public Trace trace(@PathParam("tenant_id") String tenantId, @PathParam("trace_id") String traceId) {
        String tenant = QueryParams.checkedTenantId(tenantId);
        if (!TypedId.isValid(IdType.TRACE, traceId)) {
            throw QueryException.notFound("trace");
        }
        return coordinator.trace(tenant, traceId);
    }

    /** The attempts to deliver to one webhook, newest first. */
    @GET
    @Path("webhooks/{webhook_id}/deliveries")
    public QueryPage<DeliveryAttempt> deliveries(@PathParam("tenant_id") String tenantId,
                                                 @PathParam("webhook_id") String webhookId, @Context UriInfo uri) {
        return coordinator.deliveries(DeliveryQuery.parse(tenantId, webhookId, uri.getQueryParameters(), PAGE));
    }

    /** Session ids may contain '/': the path parameter takes the rest of the path. */
    @GET
    @Path("sessions/{session_id: .+}")
    public SessionSummary session(@PathParam("tenant_id") String tenantId, @PathParam("session_id") String sessionId) {
        String tenant = QueryParams.checkedTenantId(tenantId);
        if (!QueryParams.isSessionId(sessionId)) {
            throw QueryException.notFound("session");
        }
        return coordinator.session(tenant, sessionId);
    }
}
