package io.renlayer.api.resources;

import io.renlayer.api.api.Page;
import io.renlayer.api.api.PatternInput;
import io.renlayer.api.auth.AuthFilter;
import io.renlayer.api.auth.MinRole;
import io.renlayer.api.auth.Role;
import io.renlayer.api.core.ApiException;
import io.renlayer.api.core.Checks;
import io.renlayer.api.core.Cursors;
import io.renlayer.api.core.DlpPattern;
import io.renlayer.api.core.PageRequest;
import io.renlayer.api.core.Params;
import io.renlayer.api.core.WriteRequest;
import io.renlayer.api.core.WriteResult;
import io.renlayer.api.core.Writes;
import io.renlayer.api.db.DlpPatternDao;
import io.renlayer.engine.validation.PatternValidator;
import io.renlayer.schemas.config.CustomPattern;
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

/** Custom DLP patterns in RE2 syntax: compiled on write, so an invalid one never reaches a proxy. */
@Path("/v1/tenants/{tenant_id}/dlp/patterns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PatternResource {

    private final Jdbi jdbi;
    private final Writes writes;
    private final Cursors cursors;

    public PatternResource(Jdbi jdbi, Writes writes, Cursors cursors) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.cursors = cursors;
    }

    @POST
    @MinRole(Role.ADMIN)
    public Response create(@Context ContainerRequestContext request, PatternInput body) {
        Params.body(body);
        String id = TypedId.newId(IdType.PATTERN);
        CustomPattern pattern = new CustomPattern(id, body.name(), body.regex(), body.action(),
                body.enabled() == null || body.enabled());
        new Checks().engine(PatternValidator.validate(pattern)).orThrow();
        return writes.run(WriteRequest.from(request), body, tx -> {
            DlpPatternDao patterns = tx.dao(DlpPatternDao.class);
            patterns.insert(id, tx.tenantId(), pattern.name(), pattern.regex(), pattern.action(), pattern.enabled(),
                    tx.now());
            DlpPattern created = patterns.find(tx.tenantId(), id).orElseThrow();
            tx.audit("dlp_pattern.created", "dlp_pattern", id, null, created);
            tx.configChanged();
            return WriteResult.created(created, "/v1/tenants/" + tx.tenantId() + "/dlp/patterns/" + id);
        }).toResponse();
    }

    @GET
    @MinRole(Role.VIEWER)
    public Page<DlpPattern> list(@Context ContainerRequestContext request, @QueryParam("limit") String limit,
                                 @QueryParam("cursor") String cursor) {
        String tenantId = AuthFilter.caller(request).tenantId();
        PageRequest page = PageRequest.of(cursors, tenantId, "dlp-patterns", limit, cursor);
        List<DlpPattern> rows = jdbi.withExtension(DlpPatternDao.class,
                dao -> dao.list(tenantId, page.afterId(), page.fetchSize()));
        return page.page(rows, p -> List.of(p.id()));
    }

    @GET
    @Path("/{pattern_id}")
    @MinRole(Role.VIEWER)
    public DlpPattern get(@Context ContainerRequestContext request, @PathParam("pattern_id") String patternId) {
        String tenantId = AuthFilter.caller(request).tenantId();
        return jdbi.withExtension(DlpPatternDao.class, dao -> dao.find(tenantId, patternId))
                .orElseThrow(() -> ApiException.notFound("pattern"));
    }

    @PATCH
    @Path("/{pattern_id}")
    @MinRole(Role.ADMIN)
    public Response update(@Context ContainerRequestContext request, @PathParam("pattern_id") String patternId,
                           PatternInput body) {
        Params.body(body);
        return writes.run(WriteRequest.from(request), body, tx -> {
            DlpPatternDao patterns = tx.dao(DlpPatternDao.class);
            DlpPattern before = patterns.find(tx.tenantId(), patternId)
                    .orElseThrow(() -> ApiException.notFound("pattern"));
            CustomPattern pattern = new CustomPattern(patternId,
                    body.name() == null ? before.name() : body.name(),
                    body.regex() == null ? before.regex() : body.regex(),
                    body.action() == null ? before.action() : body.action(),
                    body.enabled() == null ? before.enabled() : body.enabled());
            new Checks().engine(PatternValidator.validate(pattern)).orThrow();
            patterns.update(tx.tenantId(), patternId, pattern.name(), pattern.regex(), pattern.action(),
                    pattern.enabled(), tx.now());
            DlpPattern after = patterns.find(tx.tenantId(), patternId).orElseThrow();
            tx.audit("dlp_pattern.updated", "dlp_pattern", patternId, before, after);
            tx.configChanged();
            return WriteResult.ok(after);
        }).toResponse();
    }

    @DELETE
    @Path("/{pattern_id}")
    @MinRole(Role.ADMIN)
    public Response delete(@Context ContainerRequestContext request, @PathParam("pattern_id") String patternId) {
        return writes.run(WriteRequest.from(request), null, tx -> {
            DlpPatternDao patterns = tx.dao(DlpPatternDao.class);
            DlpPattern before = patterns.find(tx.tenantId(), patternId)
                    .orElseThrow(() -> ApiException.notFound("pattern"));
            patterns.delete(tx.tenantId(), patternId);
            tx.audit("dlp_pattern.deleted", "dlp_pattern", patternId, before, null);
            tx.configChanged();
            return WriteResult.noContent();
        }).toResponse();
    }
}
