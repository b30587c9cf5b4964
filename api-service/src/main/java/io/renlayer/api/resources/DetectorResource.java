package io.renlayer.api.resources;

import io.renlayer.api.api.DetectorPatch;
import io.renlayer.api.api.Page;
import io.renlayer.api.auth.AuthFilter;
import io.renlayer.api.auth.MinRole;
import io.renlayer.api.auth.Role;
import io.renlayer.api.core.ApiException;
import io.renlayer.api.core.Checks;
import io.renlayer.api.core.EffectiveDetectors;
import io.renlayer.api.core.Params;
import io.renlayer.api.core.WriteRequest;
import io.renlayer.api.core.WriteResult;
import io.renlayer.api.core.Writes;
import io.renlayer.api.db.DetectorSettingDao;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jdbi.v3.core.Jdbi;

import java.util.List;

/** The built-in detector catalogue, with this tenant's enable flag and action; one page holds it all. */
@Path("/v1/tenants/{tenant_id}/dlp/detectors")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DetectorResource {

    private final Jdbi jdbi;
    private final Writes writes;

    public DetectorResource(Jdbi jdbi, Writes writes) {
        this.jdbi = jdbi;
        this.writes = writes;
    }

    @GET
    @MinRole(Role.VIEWER)
    public Page<EffectiveDetectors.View> list(@Context ContainerRequestContext request) {
        String tenantId = AuthFilter.caller(request).tenantId();
        return new Page<>(jdbi.withExtension(DetectorSettingDao.class, dao -> effective(dao, tenantId)), null);
    }

    @GET
    @Path("/{detector_id}")
    @MinRole(Role.VIEWER)
    public EffectiveDetectors.View get(@Context ContainerRequestContext request,
                                       @PathParam("detector_id") String detectorId) {
        String tenantId = AuthFilter.caller(request).tenantId();
        return find(jdbi.withExtension(DetectorSettingDao.class, dao -> effective(dao, tenantId)), detectorId);
    }

    @PATCH
    @Path("/{detector_id}")
    @MinRole(Role.ADMIN)
    public Response update(@Context ContainerRequestContext request, @PathParam("detector_id") String detectorId,
                           DetectorPatch body) {
        Params.body(body);
        new Checks().require(body.enabled() != null || body.action() != null, "body", "set enabled, action or both")
                .orThrow();
        return writes.run(WriteRequest.from(request), body, tx -> {
            EffectiveDetectors.View before = find(effective(tx.dao(DetectorSettingDao.class), tx.tenantId()), detectorId);
            tx.dao(DetectorSettingDao.class).upsert(tx.tenantId(), detectorId,
                    body.enabled() == null ? before.enabled() : body.enabled(),
                    body.action() == null ? before.action() : body.action(), tx.now());
            EffectiveDetectors.View after = find(effective(tx.dao(DetectorSettingDao.class), tx.tenantId()), detectorId);
            tx.audit("dlp_detector.updated", "dlp_detector", detectorId, before, after);
            tx.configChanged();
            return WriteResult.ok(after);
        }).toResponse();
    }

    private static List<EffectiveDetectors.View> effective(DetectorSettingDao dao, String tenantId) {
        return EffectiveDetectors.of(dao.all(tenantId));
    }

    private static EffectiveDetectors.View find(List<EffectiveDetectors.View> views, String detectorId) {
        return views.stream().filter(v -> v.id().equals(detectorId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("detector"));
    }
}
