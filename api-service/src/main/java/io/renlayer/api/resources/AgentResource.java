package io.renlayer.api.resources;

import io.renlayer.api.api.AgentInput;
import io.renlayer.api.api.Page;
import io.renlayer.api.auth.AuthFilter;
import io.renlayer.api.auth.MinRole;
import io.renlayer.api.auth.Role;
import io.renlayer.api.core.Agent;
import io.renlayer.api.core.ApiException;
import io.renlayer.api.core.ApiKey;
import io.renlayer.api.core.KeyRevocations;
import io.renlayer.api.core.Cursors;
import io.renlayer.api.core.PageRequest;
import io.renlayer.api.core.Params;
import io.renlayer.api.core.WriteRequest;
import io.renlayer.api.core.WriteResult;
import io.renlayer.api.core.Writes;
import io.renlayer.api.db.AgentDao;
import io.renlayer.api.db.ApiKeyDao;
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

@Path("/v1/tenants/{tenant_id}/agents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgentResource {

    private final Jdbi jdbi;
    private final Writes writes;
    private final Cursors cursors;

    public AgentResource(Jdbi jdbi, Writes writes, Cursors cursors) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.cursors = cursors;
    }

    @POST
    @MinRole(Role.ADMIN)
    public Response create(@Context ContainerRequestContext request, AgentInput body) {
        Params.body(body).validate(true);
        return writes.run(WriteRequest.from(request), body, tx -> {
            AgentDao agents = tx.dao(AgentDao.class);
            String id = TypedId.newId(IdType.AGENT);
            agents.insert(id, tx.tenantId(), body.name().strip(), body.description(),
                    body.enabled() == null || body.enabled(), tx.now());
            Agent created = agents.find(tx.tenantId(), id).orElseThrow();
            tx.audit("agent.created", "agent", id, null, created);
            tx.configChanged();
            return WriteResult.created(created, "/v1/tenants/" + tx.tenantId() + "/agents/" + id);
        }).toResponse();
    }

    @GET
    @MinRole(Role.VIEWER)
    public Page<Agent> list(@Context ContainerRequestContext request, @QueryParam("enabled") String enabled,
                            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        String tenantId = AuthFilter.caller(request).tenantId();
        Boolean enabledFilter = Params.bool("enabled", enabled);
        PageRequest page = PageRequest.of(cursors, tenantId, "agents", limit, cursor);
        List<Agent> rows = jdbi.withExtension(AgentDao.class,
                dao -> dao.list(tenantId, enabledFilter, page.afterId(), page.fetchSize()));
        return page.page(rows, a -> List.of(a.id()));
    }

    @GET
    @Path("/{agent_id}")
    @MinRole(Role.VIEWER)
    public Agent get(@Context ContainerRequestContext request, @PathParam("agent_id") String agentId) {
        String tenantId = AuthFilter.caller(request).tenantId();
        return jdbi.withExtension(AgentDao.class, dao -> dao.find(tenantId, agentId))
                .orElseThrow(() -> ApiException.notFound("agent"));
    }

    @PATCH
    @Path("/{agent_id}")
    @MinRole(Role.ADMIN)
    public Response update(@Context ContainerRequestContext request, @PathParam("agent_id") String agentId,
                           AgentInput body) {
        Params.body(body).validate(false);
        return writes.run(WriteRequest.from(request), body, tx -> {
            AgentDao agents = tx.dao(AgentDao.class);
            Agent before = agents.find(tx.tenantId(), agentId).orElseThrow(() -> ApiException.notFound("agent"));
            agents.update(tx.tenantId(), agentId,
                    body.name() == null ? before.name() : body.name().strip(),
                    body.description() == null ? before.description() : body.description(),
                    body.enabled() == null ? before.enabled() : body.enabled(), tx.now());
            Agent after = agents.find(tx.tenantId(), agentId).orElseThrow();
            tx.audit("agent.updated", "agent", agentId, before, after);
            tx.configChanged();
            return WriteResult.ok(after);
        }).toResponse();
    }

    /** Deleting an agent deletes its keys: they stop working with the same config change. */
    @DELETE
    @Path("/{agent_id}")
    @MinRole(Role.ADMIN)
    public Response delete(@Context ContainerRequestContext request, @PathParam("agent_id") String agentId) {
        return writes.run(WriteRequest.from(request), null, tx -> {
            AgentDao agents = tx.dao(AgentDao.class);
            Agent before = agents.find(tx.tenantId(), agentId).orElseThrow(() -> ApiException.notFound("agent"));
            ApiKeyDao keys = tx.dao(ApiKeyDao.class);
            for (ApiKey key : keys.activeForAgent(tx.tenantId(), agentId)) {
                KeyRevocations.revoked(tx, key);
            }
            keys.deleteForAgent(tx.tenantId(), agentId);
            agents.delete(tx.tenantId(), agentId);
            tx.audit("agent.deleted", "agent", agentId, before, null);
            tx.configChanged();
            return WriteResult.noContent();
        }).toResponse();
    }
}
