package io.renlayer.api.resources;

import io.renlayer.api.api.Page;
import io.renlayer.api.api.SessionDetail;
import io.renlayer.api.auth.AuthFilter;
import io.renlayer.api.auth.MinRole;
import io.renlayer.api.auth.Role;
import io.renlayer.api.core.ApiException;
import io.renlayer.api.core.Cursors;
import io.renlayer.api.core.PageRequest;
import io.renlayer.api.query.QueryFilters;
import io.renlayer.api.query.StreamsQueries;
import io.renlayer.schemas.sessions.SessionIds;
import io.renlayer.schemas.sessions.SessionSummary;
import io.renlayer.schemas.traces.Trace;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/** Sessions ({@code X-RenLayer-Session} within the tenant), most recently started first; read from streams-processor. */
@Path("/v1/tenants/{tenant_id}/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final StreamsQueries queries;
    private final Cursors cursors;

    public SessionResource(StreamsQueries queries, Cursors cursors) {
        this.queries = queries;
        this.cursors = cursors;
    }

    @GET
    @MinRole(Role.ANALYST)
    public Page<SessionSummary> list(@Context ContainerRequestContext request, @QueryParam("agent_id") String agentId,
                                     @QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        String tenantId = AuthFilter.caller(request).tenantId();
        QueryFilters filters = QueryFilters.sessions(agentId, from, to);
        PageRequest page = PageRequest.of(cursors, tenantId, filters.cursorScope("sessions"), limit, cursor);
        return queries.page(tenantId, "sessions", SessionSummary.class, filters, page);
    }

    /** The summary and a page of the session's traces; {@code limit} and {@code cursor} page the traces. */
    @GET
    @Path("/{session_id: .+}")
    @MinRole(Role.ANALYST)
    public SessionDetail get(@Context ContainerRequestContext request, @PathParam("session_id") String sessionId,
                             @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        if (!SessionIds.isValid(sessionId)) {
            throw ApiException.notFound("session");
        }
        String tenantId = AuthFilter.caller(request).tenantId();
        SessionSummary session = queries.lookup(tenantId, "sessions", sessionId, SessionSummary.class);
        QueryFilters filters = QueryFilters.traces(null, sessionId, null, null, null, null);
        PageRequest page = PageRequest.of(cursors, tenantId, filters.cursorScope("traces"), limit, cursor);
        return new SessionDetail(session, queries.page(tenantId, "traces", Trace.class, filters, page));
    }
}
