package io.renlayer.api.resources;

import io.renlayer.api.api.EvaluateRequest;
import io.renlayer.api.api.EvaluateResponse;
import io.renlayer.api.api.Page;
import io.renlayer.api.api.PolicyInput;
import io.renlayer.api.auth.AuthFilter;
import io.renlayer.api.auth.MinRole;
import io.renlayer.api.auth.Role;
import io.renlayer.api.core.ApiException;
import io.renlayer.api.core.Checks;
import io.renlayer.api.core.ConfigSnapshots;
import io.renlayer.api.core.Cursors;
import io.renlayer.api.core.PageRequest;
import io.renlayer.api.core.Params;
import io.renlayer.api.core.Policy;
import io.renlayer.api.core.WriteRequest;
import io.renlayer.api.core.WriteResult;
import io.renlayer.api.core.Writes;
import io.renlayer.api.db.PolicyDao;
import io.renlayer.engine.Engine;
import io.renlayer.engine.Evaluation;
import io.renlayer.engine.policy.EvaluationRequest;
import io.renlayer.engine.validation.PolicyValidator;
import io.renlayer.schemas.config.PolicyMatch;
import io.renlayer.schemas.config.PolicyRule;
import io.renlayer.schemas.config.TenantConfigSnapshot;
import io.renlayer.schemas.events.Decision;
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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Policies, listed in evaluation order (priority, then id): the first enabled match decides. */
@Path("/v1/tenants/{tenant_id}/policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final Jdbi jdbi;
    private final Writes writes;
    private final Cursors cursors;
    private final ConfigSnapshots snapshots;

    public PolicyResource(Jdbi jdbi, Writes writes, Cursors cursors, ConfigSnapshots snapshots) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.cursors = cursors;
        this.snapshots = snapshots;
    }

    @POST
    @MinRole(Role.ADMIN)
    public Response create(@Context ContainerRequestContext request, PolicyInput body) {
        Params.body(body);
        new Checks().present(body.priority(), "priority").present(body.action(), "action").orThrow();
        String id = TypedId.newId(IdType.POLICY);
        PolicyRule rule = new PolicyRule(id, strip(body.name()), body.priority(),
                body.enabled() == null || body.enabled(), body.match() == null ? PolicyMatch.any() : body.match(),
                body.action(), body.reason());
        new Checks().engine(PolicyValidator.validate(rule)).optionalText(body.description(), "description", 2000)
                .orThrow();
        return writes.run(WriteRequest.from(request), body, tx -> {
            PolicyDao policies = tx.dao(PolicyDao.class);
            policies.insert(id, tx.tenantId(), rule.name(), body.description(), rule.priority(), rule.enabled(),
                    rule.match(), rule.action(), rule.reason(), tx.now());
            Policy created = policies.find(tx.tenantId(), id).orElseThrow();
            tx.audit("policy.created", "policy", id, null, created);
            tx.configChanged();
            return WriteResult.created(created, "/v1/tenants/" + tx.tenantId() + "/policies/" + id);
        }).toResponse();
    }

    @GET
    @MinRole(Role.VIEWER)
    public Page<Policy> list(@Context ContainerRequestContext request, @QueryParam("enabled") String enabled,
                             @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        String tenantId = AuthFilter.caller(request).tenantId();
        Boolean enabledFilter = Params.bool("enabled", enabled);
        PageRequest page = PageRequest.of(cursors, tenantId, "policies", limit, cursor);
        Integer afterPriority = page.after() == null ? null : Integer.valueOf(page.after().get(0));
        String afterId = page.after() == null ? null : page.after().get(1);
        List<Policy> rows = jdbi.withExtension(PolicyDao.class,
                dao -> dao.list(tenantId, enabledFilter, afterPriority, afterId, page.fetchSize()));
        return page.page(rows, p -> List.of(String.valueOf(p.priority()), p.id()));
    }

    @GET
    @Path("/{policy_id}")
    @MinRole(Role.VIEWER)
    public Policy get(@Context ContainerRequestContext request, @PathParam("policy_id") String policyId) {
        String tenantId = AuthFilter.caller(request).tenantId();
        return jdbi.withExtension(PolicyDao.class, dao -> dao.find(tenantId, policyId))
                .orElseThrow(() -> ApiException.notFound("policy"));
    }

    @PATCH
    @Path("/{policy_id}")
    @MinRole(Role.ADMIN)
    public Response update(@Context ContainerRequestContext request, @PathParam("policy_id") String policyId,
                           PolicyInput body) {
        Params.body(body);
        return writes.run(WriteRequest.from(request), body, tx -> {
            PolicyDao policies = tx.dao(PolicyDao.class);
            Policy before = policies.find(tx.tenantId(), policyId).orElseThrow(() -> ApiException.notFound("policy"));
            PolicyRule rule = new PolicyRule(policyId,
                    body.name() == null ? before.name() : strip(body.name()),
                    body.priority() == null ? before.priority() : body.priority(),
                    body.enabled() == null ? before.enabled() : body.enabled(),
                    body.match() == null ? before.match() : body.match(),
                    body.action() == null ? before.action() : body.action(),
                    body.reason() == null ? before.reason() : body.reason());
            String description = body.description() == null ? before.description() : body.description();
            new Checks().engine(PolicyValidator.validate(rule)).optionalText(description, "description", 2000)
                    .orThrow();
            policies.update(tx.tenantId(), policyId, rule.name(), description, rule.priority(), rule.enabled(),
                    rule.match(), rule.action(), rule.reason(), tx.now());
            Policy after = policies.find(tx.tenantId(), policyId).orElseThrow();
            tx.audit("policy.updated", "policy", policyId, before, after);
            tx.configChanged();
            return WriteResult.ok(after);
        }).toResponse();
    }

    @DELETE
    @Path("/{policy_id}")
    @MinRole(Role.ADMIN)
    public Response delete(@Context ContainerRequestContext request, @PathParam("policy_id") String policyId) {
        return writes.run(WriteRequest.from(request), null, tx -> {
            PolicyDao policies = tx.dao(PolicyDao.class);
            Policy before = policies.find(tx.tenantId(), policyId).orElseThrow(() -> ApiException.notFound("policy"));
            policies.delete(tx.tenantId(), policyId);
            tx.audit("policy.deleted", "policy", policyId, before, null);
            tx.configChanged();
            return WriteResult.noContent();
        }).toResponse();
    }

    /**
     * The dry run: the same engine the proxy runs, compiled from this tenant's current configuration.
     * Nothing is stored and no trace is written.
     */
    @POST
    @Path("/evaluate")
    @MinRole(Role.VIEWER)
    public EvaluateResponse evaluate(@Context ContainerRequestContext request, EvaluateRequest body) {
        Params.body(body).validate();
        String tenantId = AuthFilter.caller(request).tenantId();
        TenantConfigSnapshot snapshot = jdbi.withHandle(h -> snapshots.build(h, tenantId, 0, Instant.now()));
        byte[] bytes = body.body() == null ? new byte[0] : body.body().getBytes(StandardCharsets.UTF_8);
        Evaluation result = Engine.compile(snapshot).evaluate(new EvaluationRequest(body.agentId(), body.method(),
                body.host(), body.path(), body.headers(), bytes));
        String forwarded = result.decision() == Decision.ALLOW ? new String(result.body(), StandardCharsets.UTF_8) : null;
        return new EvaluateResponse(result.decision(), result.policyId(), result.reason(), result.findings(), forwarded);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
