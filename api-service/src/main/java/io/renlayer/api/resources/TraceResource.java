package io.renlayer.api.resources;

import io.renlayer.api.api.Page;
import io.renlayer.api.auth.AuthFilter;
import io.renlayer.api.auth.MinRole;
import io.renlayer.api.auth.Role;
import io.renlayer.api.core.ApiException;
import io.renlayer.api.core.Cursors;
import io.renlayer.api.core.PageRequest;
import io.renlayer.api.query.NdjsonRelay;
import io.renlayer.api.query.QueryFilters;
import io.renlayer.api.query.StreamsQueries;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;
import io.renlayer.schemas.query.QueryApi;
import io.renlayer.schemas.traces.Trace;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Traces, newest first, read from streams-processor's stores ({@code from} inclusive, {@code to} exclusive, on the
 * time the proxy received the request). Paging follows a position in the merged order of every partition, so a walk
 * through the pages has no duplicate and no gap while new traces keep arriving (they are newer than the walk).
 */
@Path("/v1/tenants/{tenant_id}/traces")
@Produces(MediaType.APPLICATION_JSON)
public class TraceResource {

    private final StreamsQueries queries;
    private final Cursors cursors;

    public TraceResource(StreamsQueries queries, Cursors cursors) {
        this.queries = queries;
        this.cursors = cursors;
    }

    @GET
    @MinRole(Role.ANALYST)
    public Page<Trace> list(@Context ContainerRequestContext request,
                            @QueryParam("agent_id") String agentId, @QueryParam("session_id") String sessionId,
                            @QueryParam("decision") String decision, @QueryParam("status") String status,
                            @QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        String tenantId = AuthFilter.caller(request).tenantId();
        QueryFilters filters = QueryFilters.traces(agentId, sessionId, decision, status, from, to);
        PageRequest page = PageRequest.of(cursors, tenantId, filters.cursorScope("traces"), limit, cursor);
        return queries.page(tenantId, "traces", Trace.class, filters, page);
    }

    /** Every matching trace as NDJSON, streamed while it is read: no paging, and memory flat whatever the range. */
    @GET
    @Path("/export")
    @Produces(QueryApi.NDJSON)
    @MinRole(Role.ANALYST)
    public Response export(@Context ContainerRequestContext request, @Context HttpServletRequest servletRequest,
                           @Context HttpServletResponse servletResponse,
                           @QueryParam("agent_id") String agentId, @QueryParam("session_id") String sessionId,
                           @QueryParam("decision") String decision, @QueryParam("status") String status,
                           @QueryParam("from") String from, @QueryParam("to") String to) {
        String tenantId = AuthFilter.caller(request).tenantId();
        QueryFilters filters = QueryFilters.traces(agentId, sessionId, decision, status, from, to);
        return Response.ok(NdjsonRelay.of(queries.export(tenantId, filters.params()), servletRequest, servletResponse),
                QueryApi.NDJSON).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/{trace_id}")
    @MinRole(Role.ANALYST)
    public Trace get(@Context ContainerRequestContext request, @PathParam("trace_id") String traceId) {
        if (!TypedId.isValid(IdType.TRACE, traceId)) {
            throw ApiException.notFound("trace");
        }
        return queries.lookup(AuthFilter.caller(request).tenantId(), "traces", traceId, Trace.class);
    }
}
