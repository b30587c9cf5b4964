package io.renlayer.api.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.renlayer.api.core.ApiException;
import io.renlayer.api.core.AuditEntry;
import io.renlayer.api.core.SupportGrant;
import io.renlayer.api.db.AuditDao;
import io.renlayer.api.db.SupportGrantDao;
import io.renlayer.api.db.UserDao;
import io.renlayer.api.errors.RequestContextFilter;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;

/**
 * Authenticates every route under {@code /v1/tenants/{tenant_id}}: a valid access token for that very
 * tenant, whose user still exists (roles are read fresh, so a demotion or removal takes effect at once)
 * or whose support grant is still active. A token of another tenant gets 404, like a missing tenant.
 * (Client address and request id come from {@link RequestContextFilter}, which runs first.)
 */
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter {

    public static final String TENANT_PARAM = "tenant_id";
    private static final String CALLER = "renlayer.caller";

    private final TokenService tokens;
    private final Jdbi jdbi;
    private final ObjectMapper mapper;
    private final Clock clock;

    public AuthFilter(TokenService tokens, Jdbi jdbi, ObjectMapper mapper, Clock clock) {
        this.tokens = tokens;
        this.jdbi = jdbi;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String pathTenant = request.getUriInfo().getPathParameters().getFirst(TENANT_PARAM);
        if (pathTenant == null) {
            return;
        }
        TokenService.VerifiedToken token = tokens.verify(bearer(request));
        if (!token.tenantId().equals(pathTenant)) {
            throw ApiException.notFound("tenant");
        }
        Caller caller = token.grantId() == null ? userCaller(token) : supportCaller(token, request);
        request.setProperty(CALLER, caller);
    }

    private Caller userCaller(TokenService.VerifiedToken token) {
        return jdbi.withExtension(UserDao.class, users -> users.find(token.tenantId(), token.subject()))
                .map(user -> new Caller(user.id(), user.tenantId(), user.role(), null))
                .orElseThrow(() -> ApiException.unauthorized("the account behind this token no longer exists"));
    }

    private Caller supportCaller(TokenService.VerifiedToken token, ContainerRequestContext request) {
        Instant now = clock.instant();
        SupportGrant grant = jdbi.withExtension(SupportGrantDao.class, g -> g.find(token.tenantId(), token.grantId()))
                .filter(g -> g.activeAt(now))
                .orElseThrow(() -> ApiException.unauthorized("no active support grant for this tenant"));
        var summary = mapper.createObjectNode()
                .put("staff", token.subject())
                .put("method", request.getMethod())
                .put("path", "/" + request.getUriInfo().getPath());
        AuditEntry entry = new AuditEntry(TypedId.newId(IdType.AUDIT), grant.tenantId(), AuditEntry.ActorType.SUPPORT,
                grant.id(), "support.request", "support_grant", grant.id(), summary, RequestContextFilter.requestId(request),
                RequestContextFilter.clientIp(request), now);
        jdbi.useExtension(AuditDao.class, audit -> audit.insert(entry, summary.toString()));
        return new Caller(token.subject(), grant.tenantId(), grant.role(), grant.id());
    }

    private static String bearer(ContainerRequestContext request) {
        String header = request.getHeaderString("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() < 8) {
            throw ApiException.unauthorized("send an access token: Authorization: Bearer <token>");
        }
        return header.substring(7).trim();
    }

    /** The authenticated caller of a tenant route (set before any resource method runs). */
    public static Caller caller(ContainerRequestContext request) {
        Caller caller = (Caller) request.getProperty(CALLER);
        if (caller == null) {
            throw new IllegalStateException("no caller: the route is not under /v1/tenants/{tenant_id}");
        }
        return caller;
    }
}
