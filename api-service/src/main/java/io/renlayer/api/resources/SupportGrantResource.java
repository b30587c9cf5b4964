package io.renlayer.api.resources;

import io.renlayer.api.api.Page;
import io.renlayer.api.api.SupportGrantInput;
import io.renlayer.api.auth.AuthFilter;
import io.renlayer.api.auth.MinRole;
import io.renlayer.api.auth.Role;
import io.renlayer.api.core.ApiException;
import io.renlayer.api.core.Checks;
import io.renlayer.api.core.Cursors;
import io.renlayer.api.core.PageRequest;
import io.renlayer.api.core.Params;
import io.renlayer.api.core.SupportGrant;
import io.renlayer.api.core.WriteRequest;
import io.renlayer.api.core.WriteResult;
import io.renlayer.api.core.Writes;
import io.renlayer.api.db.SupportGrantDao;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.util.List;

/** Support access is opt-in, time-boxed and owner-controlled; support staff cannot manage grants. */
@Path("/v1/tenants/{tenant_id}/support-grants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SupportGrantResource {

    static final int MAX_MINUTES = 7 * 24 * 60;

    private final Jdbi jdbi;
    private final Writes writes;
    private final Cursors cursors;

    public SupportGrantResource(Jdbi jdbi, Writes writes, Cursors cursors) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.cursors = cursors;
    }

    @POST
    @MinRole(Role.OWNER)
    public Response grant(@Context ContainerRequestContext request, SupportGrantInput body) {
        Params.body(body);
        new Checks().require(body.role() != null && body.role() != Role.OWNER, "role", "must be admin, analyst or viewer")
                .require(body.durationMinutes() != null && body.durationMinutes() >= 1
                        && body.durationMinutes() <= MAX_MINUTES, "duration_minutes", "must be 1 to " + MAX_MINUTES)
                .text(body.reason(), "reason", 500)
                .orThrow();
        WriteRequest write = WriteRequest.from(request);
        if (write.caller().isSupport()) {
            throw ApiException.forbidden("support staff cannot grant support access");
        }
        return writes.run(write, body, tx -> {
            SupportGrantDao grants = tx.dao(SupportGrantDao.class);
            String id = TypedId.newId(IdType.GRANT);
            grants.insert(id, tx.tenantId(), tx.actorId(), body.role(), body.reason(),
                    tx.now().plus(Duration.ofMinutes(body.durationMinutes())), tx.now());
            SupportGrant created = grants.find(tx.tenantId(), id).orElseThrow();
            tx.audit("support_grant.created", "support_grant", id, null, created);
            return WriteResult.created(created, "/v1/tenants/" + tx.tenantId() + "/support-grants/" + id);
        }).toResponse();
    }

    @GET
    @MinRole(Role.ADMIN)
    public Page<SupportGrant> list(@Context ContainerRequestContext request, @QueryParam("limit") String limit,
                                   @QueryParam("cursor") String cursor) {
        String tenantId = AuthFilter.caller(request).tenantId();
        PageRequest page = PageRequest.of(cursors, tenantId, "support-grants", limit, cursor);
        List<SupportGrant> rows = jdbi.withExtension(SupportGrantDao.class,
                dao -> dao.list(tenantId, page.afterId(), page.fetchSize()));
        return page.page(rows, g -> List.of(g.id()));
    }

    @GET
    @Path("/{grant_id}")
    @MinRole(Role.ADMIN)
    public SupportGrant get(@Context ContainerRequestContext request, @PathParam("grant_id") String grantId) {
        String tenantId = AuthFilter.caller(request).tenantId();
        return jdbi.withExtension(SupportGrantDao.class, dao -> dao.find(tenantId, grantId))
                .orElseThrow(() -> ApiException.notFound("support grant"));
    }

    @POST
    @Path("/{grant_id}/revoke")
    @MinRole(Role.OWNER)
    public Response revoke(@Context ContainerRequestContext request, @PathParam("grant_id") String grantId) {
        return writes.run(WriteRequest.from(request), null, tx -> {
            SupportGrantDao grants = tx.dao(SupportGrantDao.class);
            SupportGrant before = grants.find(tx.tenantId(), grantId)
                    .orElseThrow(() -> ApiException.notFound("support grant"));
            if (grants.revoke(tx.tenantId(), grantId, tx.now()) == 0) {
                return WriteResult.ok(before);
            }
            SupportGrant after = grants.find(tx.tenantId(), grantId).orElseThrow();
            tx.audit("support_grant.revoked", "support_grant", grantId, before, after);
            return WriteResult.ok(after);
        }).toResponse();
    }
}
