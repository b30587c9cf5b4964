package io.renlayer.api.resources;

import io.renlayer.api.api.AllowListInput;
import io.renlayer.api.api.Page;
import io.renlayer.api.auth.AuthFilter;
import io.renlayer.api.auth.MinRole;
import io.renlayer.api.auth.Role;
import io.renlayer.api.core.ApiException;
import io.renlayer.api.core.Checks;
import io.renlayer.api.core.Cursors;
import io.renlayer.api.core.DlpAllowList;
import io.renlayer.api.core.PageRequest;
import io.renlayer.api.core.Params;
import io.renlayer.api.core.WriteRequest;
import io.renlayer.api.core.WriteResult;
import io.renlayer.api.core.Writes;
import io.renlayer.api.db.DlpAllowListDao;
import io.renlayer.engine.validation.AllowListValidator;
import io.renlayer.schemas.config.AllowList;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

import java.util.List;

/** Values the DLP engine never reports (a public support address, a test card number …). */
@Path("/v1/tenants/{tenant_id}/dlp/allow-lists")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AllowListResource {

    private final Jdbi jdbi;
    private final Writes writes;
    private final Cursors cursors;

    public AllowListResource(Jdbi jdbi, Writes writes, Cursors cursors) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.cursors = cursors;
    }

    @POST
    @MinRole(Role.ADMIN)
    public Response create(@Context ContainerRequestContext request, AllowListInput body) {
        Params.body(body);
        String id = TypedId.newId(IdType.ALLOW_LIST);
        AllowList list = new AllowList(id, body.name(), body.values(), body.detectorIds());
        new Checks().engine(AllowListValidator.validate(list)).orThrow();
        return writes.run(WriteRequest.from(request), body, tx -> {
            DlpAllowListDao lists = tx.dao(DlpAllowListDao.class);
            lists.insert(id, tx.tenantId(), list.name(), list.values(), list.detectorIds(), tx.now());
            DlpAllowList created = lists.find(tx.tenantId(), id).orElseThrow();
            tx.audit("dlp_allow_list.created", "dlp_allow_list", id, null, created);
            tx.configChanged();
            return WriteResult.created(created, "/v1/tenants/" + tx.tenantId() + "/dlp/allow-lists/" + id);
        }).toResponse();
    }

    @GET
    @MinRole(Role.VIEWER)
    public Page<DlpAllowList> list(@Context ContainerRequestContext request, @QueryParam("limit") String limit,
                                   @QueryParam("cursor") String cursor) {
        String tenantId = AuthFilter.caller(request).tenantId();
        PageRequest page = PageRequest.of(cursors, tenantId, "dlp-allow-lists", limit, cursor);
        List<DlpAllowList> rows = jdbi.withExtension(DlpAllowListDao.class,
                dao -> dao.list(tenantId, page.afterId(), page.fetchSize()));
        return page.page(rows, a -> List.of(a.id()));
    }

    @GET
    @Path("/{allow_list_id}")
    @MinRole(Role.VIEWER)
    public DlpAllowList get(@Context ContainerRequestContext request, @PathParam("allow_list_id") String listId) {
        String tenantId = AuthFilter.caller(request).tenantId();
        return jdbi.withExtension(DlpAllowListDao.class, dao -> dao.find(tenantId, listId))
                .orElseThrow(() -> ApiException.notFound("allow list"));
    }

    @PATCH
    @Path("/{allow_list_id}")
    @MinRole(Role.ADMIN)
    public Response update(@Context ContainerRequestContext request, @PathParam("allow_list_id") String listId,
                           AllowListInput body) {
        Params.body(body);
        return writes.run(WriteRequest.from(request), body, tx -> {
            DlpAllowListDao lists = tx.dao(DlpAllowListDao.class);
            DlpAllowList before = lists.find(tx.tenantId(), listId)
                    .orElseThrow(() -> ApiException.notFound("allow list"));
            AllowList list = new AllowList(listId,
                    body.name() == null ? before.name() : body.name(),
                    body.values() == null ? before.values() : body.values(),
                    body.detectorIds() == null ? before.detectorIds() : body.detectorIds());
            new Checks().engine(AllowListValidator.validate(list)).orThrow();
            lists.update(tx.tenantId(), listId, list.name(), list.values(), list.detectorIds(), tx.now());
            DlpAllowList after = lists.find(tx.tenantId(), listId).orElseThrow();
            tx.audit("dlp_allow_list.updated", "dlp_allow_list", listId, before, after);
            tx.configChanged();
            return WriteResult.ok(after);
        }).toResponse();
    }

    @DELETE
    @Path("/{allow_list_id}")
    @MinRole(Role.ADMIN)
    public Response delete(@Context ContainerRequestContext request, @PathParam("allow_list_id") String listId) {
        return writes.run(WriteRequest.from(request), null, tx -> {
            DlpAllowListDao lists = tx.dao(DlpAllowListDao.class);
            DlpAllowList before = lists.find(tx.tenantId(), listId)
                    .orElseThrow(() -> ApiException.notFound("allow list"));
            lists.delete(tx.tenantId(), listId);
            tx.audit("dlp_allow_list.deleted", "dlp_allow_list", listId, before, null);
            tx.configChanged();
            return WriteResult.noContent();
        }).toResponse();
    }
}
