package io.renlayer.api.resources;

import io.renlayer.api.api.TenantPatch;
import io.renlayer.api.auth.AuthFilter;
import io.renlayer.api.auth.MinRole;
import io.renlayer.api.auth.Role;
import io.renlayer.api.core.Params;
import io.renlayer.api.core.Tenant;
import io.renlayer.api.core.UrlGuard;
import io.renlayer.api.core.WriteRequest;
import io.renlayer.api.core.WriteResult;
import io.renlayer.api.core.Writes;
import io.renlayer.api.db.TenantDao;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jdbi.v3.core.Jdbi;

@Path("/v1/tenants/{tenant_id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TenantResource {

    private final Jdbi jdbi;
    private final Writes writes;
    private final UrlGuard urls;

    public TenantResource(Jdbi jdbi, Writes writes, UrlGuard urls) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.urls = urls;
    }

    @GET
    @MinRole(Role.VIEWER)
    public Tenant get(@Context ContainerRequestContext request) {
        String tenantId = AuthFilter.caller(request).tenantId();
        return jdbi.withExtension(TenantDao.class, dao -> dao.find(tenantId)).orElseThrow();
    }

    @PATCH
    @MinRole(Role.OWNER)
    public Response update(@Context ContainerRequestContext request, TenantPatch body) {
        Params.body(body).validate(urls);
        return writes.run(WriteRequest.from(request), body, tx -> {
            TenantDao tenants = tx.dao(TenantDao.class);
            Tenant before = tenants.find(tx.tenantId()).orElseThrow();
            tenants.update(tx.tenantId(), body.name() == null ? before.name() : body.name().strip(),
                    body.applyTo(before.settings()), tx.now());
            Tenant after = tenants.find(tx.tenantId()).orElseThrow();
            tx.audit("tenant.updated", "tenant", tx.tenantId(), before, after);
            tx.configChanged();
            return WriteResult.ok(after);
        }).toResponse();
    }
}
