package io.renlayer.api.resources;

import io.renlayer.api.api.KeyCreated;
import io.renlayer.api.api.KeyInput;
import io.renlayer.api.api.Page;
import io.renlayer.api.auth.AuthFilter;
import io.renlayer.api.auth.MinRole;
import io.renlayer.api.auth.Role;
import io.renlayer.api.core.ApiException;
import io.renlayer.api.core.ApiKey;
import io.renlayer.api.core.ApiKeySecrets;
import io.renlayer.api.core.Cursors;
import io.renlayer.api.core.KeyRevocations;
import io.renlayer.api.core.PageRequest;
import io.renlayer.api.core.WriteRequest;
import io.renlayer.api.core.WriteResult;
import io.renlayer.api.core.Writes;
import io.renlayer.api.db.AgentDao;
import io.renlayer.api.db.ApiKeyDao;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;
import io.renlayer.schemas.config.KeyEntry;
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

import java.util.List;

@Path("/v1/tenants/{tenant_id}/agents/{agent_id}/keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    private final Jdbi jdbi;
    private final Writes writes;
    private final Cursors cursors;

    public ApiKeyResource(Jdbi jdbi, Writes writes, Cursors cursors) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.cursors = cursors;
    }

    @POST
    @MinRole(Role.ADMIN)
    public Response create(@Context ContainerRequestContext request, @PathParam("agent_id") String agentId,
                           KeyInput body) {
        KeyInput input = body == null ? new KeyInput(null) : body;
        input.validate();
        return writes.run(WriteRequest.from(request), input, tx -> {
            tx.dao(AgentDao.class).find(tx.tenantId(), agentId).orElseThrow(() -> ApiException.notFound("agent"));
            String id = TypedId.newId(IdType.KEY);
            String secret = ApiKeySecrets.generate();
            ApiKeyDao keys = tx.dao(ApiKeyDao.class);
            keys.insert(id, tx.tenantId(), agentId, input.name(), ApiKeySecrets.displayPrefix(secret),
                    KeyEntry.secretSha256Of(secret), tx.now());
            ApiKey created = keys.find(tx.tenantId(), agentId, id).orElseThrow();
            tx.audit("api_key.created", "api_key", id, null, created);
            tx.configChanged();
            return WriteResult.created(new KeyCreated(created, secret),
                    "/v1/tenants/" + tx.tenantId() + "/agents/" + agentId + "/keys/" + id);
        }).toResponse();
    }

    @GET
    @MinRole(Role.VIEWER)
    public Page<ApiKey> list(@Context ContainerRequestContext request, @PathParam("agent_id") String agentId,
                             @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        String tenantId = AuthFilter.caller(request).tenantId();
        PageRequest page = PageRequest.of(cursors, tenantId, "keys:" + agentId, limit, cursor);
        return jdbi.withHandle(h -> {
            h.attach(AgentDao.class).find(tenantId, agentId).orElseThrow(() -> ApiException.notFound("agent"));
            List<ApiKey> rows = h.attach(ApiKeyDao.class).list(tenantId, agentId, page.afterId(), page.fetchSize());
            return page.page(rows, k -> List.of(k.id()));
        });
    }

    @GET
    @Path("/{key_id}")
    @MinRole(Role.VIEWER)
    public ApiKey get(@Context ContainerRequestContext request, @PathParam("agent_id") String agentId,
                      @PathParam("key_id") String keyId) {
        String tenantId = AuthFilter.caller(request).tenantId();
        return jdbi.withExtension(ApiKeyDao.class, dao -> dao.find(tenantId, agentId, keyId))
                .orElseThrow(() -> ApiException.notFound("API key"));
    }

    /** Revoking twice is not an error: the key is revoked either way, and only the first revocation is announced. */
    @POST
    @Path("/{key_id}/revoke")
    @MinRole(Role.ADMIN)
    public Response revoke(@Context ContainerRequestContext request, @PathParam("agent_id") String agentId,
                           @PathParam("key_id") String keyId) {
        return writes.run(WriteRequest.from(request), null, tx -> {
            ApiKeyDao keys = tx.dao(ApiKeyDao.class);
            ApiKey before = keys.find(tx.tenantId(), agentId, keyId).orElseThrow(() -> ApiException.notFound("API key"));
            if (keys.revoke(tx.tenantId(), agentId, keyId, tx.now()) == 1) {
                ApiKey after = keys.find(tx.tenantId(), agentId, keyId).orElseThrow();
                tx.audit("api_key.revoked", "api_key", keyId, before, after);
                tx.configChanged();
                KeyRevocations.revoked(tx, after);
                return WriteResult.ok(after);
            }
            return WriteResult.ok(before);
        }).toResponse();
    }
}
