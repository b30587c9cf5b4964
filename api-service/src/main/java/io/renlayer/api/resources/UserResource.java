package io.renlayer.api.resources;

import io.renlayer.api.api.Page;
import io.renlayer.api.api.UserInput;
import io.renlayer.api.auth.AuthFilter;
import io.renlayer.api.auth.MinRole;
import io.renlayer.api.auth.Role;
import io.renlayer.api.core.ApiException;
import io.renlayer.api.core.Cursors;
import io.renlayer.api.core.PageRequest;
import io.renlayer.api.core.Params;
import io.renlayer.api.core.Tx;
import io.renlayer.api.core.User;
import io.renlayer.api.core.WriteRequest;
import io.renlayer.api.core.WriteResult;
import io.renlayer.api.core.Writes;
import io.renlayer.api.db.UserDao;
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
import java.util.Locale;

@Path("/v1/tenants/{tenant_id}/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    private final Jdbi jdbi;
    private final Writes writes;
    private final Cursors cursors;

    public UserResource(Jdbi jdbi, Writes writes, Cursors cursors) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.cursors = cursors;
    }

    @POST
    @MinRole(Role.OWNER)
    public Response invite(@Context ContainerRequestContext request, UserInput body) {
        Params.body(body).validateInvite();
        return writes.run(WriteRequest.from(request), body, tx -> {
            UserDao users = tx.dao(UserDao.class);
            String email = body.email().strip().toLowerCase(Locale.ROOT);
            if (users.findByEmail(email).isPresent()) {
                throw ApiException.conflict("a RenLayer account with this email already exists");
            }
            String id = TypedId.newId(IdType.USER);
            users.insert(id, tx.tenantId(), email, body.role(), tx.now());
            User created = users.find(tx.tenantId(), id).orElseThrow();
            tx.audit("user.invited", "user", id, null, created);
            return WriteResult.created(created, "/v1/tenants/" + tx.tenantId() + "/users/" + id);
        }).toResponse();
    }

    @GET
    @MinRole(Role.VIEWER)
    public Page<User> list(@Context ContainerRequestContext request, @QueryParam("role") String role,
                           @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        String tenantId = AuthFilter.caller(request).tenantId();
        Role roleFilter = Params.choice("role", role, r -> Role.valueOf(r.toUpperCase(Locale.ROOT)),
                "owner, admin, analyst, viewer");
        PageRequest page = PageRequest.of(cursors, tenantId, "users", limit, cursor);
        List<User> rows = jdbi.withExtension(UserDao.class,
                dao -> dao.list(tenantId, roleFilter, page.afterId(), page.fetchSize()));
        return page.page(rows, u -> List.of(u.id()));
    }

    @GET
    @Path("/{user_id}")
    @MinRole(Role.VIEWER)
    public User get(@Context ContainerRequestContext request, @PathParam("user_id") String userId) {
        String tenantId = AuthFilter.caller(request).tenantId();
        return jdbi.withExtension(UserDao.class, dao -> dao.find(tenantId, userId))
                .orElseThrow(() -> ApiException.notFound("user"));
    }

    @PATCH
    @Path("/{user_id}")
    @MinRole(Role.OWNER)
    public Response changeRole(@Context ContainerRequestContext request, @PathParam("user_id") String userId,
                               UserInput body) {
        Params.body(body).validateRoleChange();
        return writes.run(WriteRequest.from(request), body, tx -> {
            UserDao users = tx.dao(UserDao.class);
            User before = users.find(tx.tenantId(), userId).orElseThrow(() -> ApiException.notFound("user"));
            if (before.role() == Role.OWNER && body.role() != Role.OWNER) {
                requireAnotherOwner(tx);
            }
            users.updateRole(tx.tenantId(), userId, body.role(), tx.now());
            User after = users.find(tx.tenantId(), userId).orElseThrow();
            tx.audit("user.role_changed", "user", userId, before, after);
            return WriteResult.ok(after);
        }).toResponse();
    }

    @DELETE
    @Path("/{user_id}")
    @MinRole(Role.OWNER)
    public Response remove(@Context ContainerRequestContext request, @PathParam("user_id") String userId) {
        return writes.run(WriteRequest.from(request), null, tx -> {
            UserDao users = tx.dao(UserDao.class);
            User before = users.find(tx.tenantId(), userId).orElseThrow(() -> ApiException.notFound("user"));
            if (before.role() == Role.OWNER) {
                requireAnotherOwner(tx);
            }
            users.delete(tx.tenantId(), userId);
            tx.audit("user.removed", "user", userId, before, null);
            return WriteResult.noContent();
        }).toResponse();
    }

    /** A tenant always keeps an owner: nobody could manage users or grant support otherwise. */
    private static void requireAnotherOwner(Tx tx) {
        if (tx.dao(UserDao.class).countOwners(tx.tenantId()) <= 1) {
            throw ApiException.conflict("the tenant's last owner cannot be demoted or removed");
        }
    }

}
