package io.renlayer.api.resources;

import io.renlayer.api.api.Page;
import io.renlayer.api.auth.AuthFilter;
import io.renlayer.api.auth.MinRole;
import io.renlayer.api.auth.Role;
import io.renlayer.api.core.AuditEntry;
import io.renlayer.api.core.Cursors;
import io.renlayer.api.core.PageRequest;
import io.renlayer.api.core.Params;
import io.renlayer.api.db.AuditDao;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;

/** Newest first; {@code from} inclusive, {@code to} exclusive. */
@Path("/v1/tenants/{tenant_id}/audit-log")
@Produces(MediaType.APPLICATION_JSON)
public class AuditLogResource {

    private final Jdbi jdbi;
    private final Cursors cursors;

    public AuditLogResource(Jdbi jdbi, Cursors cursors) {
        this.jdbi = jdbi;
        this.cursors = cursors;
    }

    @GET
    @MinRole(Role.ANALYST)
    public Page<AuditEntry> list(@Context ContainerRequestContext request,
                                 @QueryParam("actor_id") String actorId, @QueryParam("action") String action,
                                 @QueryParam("resource_type") String resourceType,
                                 @QueryParam("from") String from, @QueryParam("to") String to,
                                 @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        String tenantId = AuthFilter.caller(request).tenantId();
        Instant fromTime = Params.instant("from", from);
        Instant toTime = Params.instant("to", to);
        PageRequest page = PageRequest.of(cursors, tenantId, "audit-log", limit, cursor);
        List<AuditEntry> rows = jdbi.withExtension(AuditDao.class, dao -> dao.list(tenantId, actorId, action,
                resourceType, fromTime, toTime, page.afterId(), page.fetchSize()));
        return page.page(rows, e -> List.of(e.id()));
    }
}
