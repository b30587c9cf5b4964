package io.renlayer.api.resources;

import io.renlayer.api.api.Page;
import io.renlayer.api.api.SecretRotated;
import io.renlayer.api.api.WebhookCreated;
import io.renlayer.api.api.WebhookInput;
import io.renlayer.api.api.WebhookTestResult;
import io.renlayer.api.auth.AuthFilter;
import io.renlayer.api.auth.MinRole;
import io.renlayer.api.auth.Role;
import io.renlayer.api.core.ApiException;
import io.renlayer.api.core.Checks;
import io.renlayer.api.core.Cursors;
import io.renlayer.api.core.PageRequest;
import io.renlayer.api.core.Params;
import io.renlayer.api.core.SigningSecrets;
import io.renlayer.api.core.UrlGuard;
import io.renlayer.api.core.Webhook;
import io.renlayer.api.core.WebhookTester;
import io.renlayer.api.core.WriteRequest;
import io.renlayer.api.core.WriteResult;
import io.renlayer.api.core.Writes;
import io.renlayer.api.db.WebhookDao;
import io.renlayer.api.query.QueryFilters;
import io.renlayer.api.query.StreamsQueries;
import io.renlayer.schemas.events.SecurityEventTypes;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;
import io.renlayer.schemas.webhooks.DeliveryAttempt;
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

import java.time.Instant;
import java.util.List;

@Path("/v1/tenants/{tenant_id}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private final Jdbi jdbi;
    private final Writes writes;
    private final Cursors cursors;
    private final SigningSecrets secrets;
    private final UrlGuard urls;
    private final StreamsQueries queries;
    private final WebhookTester tester;

    public WebhookResource(Jdbi jdbi, Writes writes, Cursors cursors, SigningSecrets secrets, UrlGuard urls,
                           StreamsQueries queries, WebhookTester tester) {
        this.jdbi = jdbi;
        this.writes = writes;
        this.cursors = cursors;
        this.secrets = secrets;
        this.urls = urls;
        this.queries = queries;
        this.tester = tester;
    }

    @POST
    @MinRole(Role.ADMIN)
    public Response create(@Context ContainerRequestContext request, WebhookInput body) {
        validate(Params.body(body), true);
        return writes.run(WriteRequest.from(request), body, tx -> {
            WebhookDao webhooks = tx.dao(WebhookDao.class);
            String id = TypedId.newId(IdType.WEBHOOK);
            webhooks.insert(id, tx.tenantId(), body.url(), body.description(), List.copyOf(body.eventTypes()),
                    body.enabled() == null || body.enabled(), tx.now());
            Webhook created = webhooks.find(tx.tenantId(), id).orElseThrow();
            tx.audit("webhook.created", "webhook", id, null, created);
            tx.configChanged();
            return WriteResult.created(new WebhookCreated(created, secrets.ensure(tx)),
                    "/v1/tenants/" + tx.tenantId() + "/webhooks/" + id);
        }).toResponse();
    }

    @GET
    @MinRole(Role.VIEWER)
    public Page<Webhook> list(@Context ContainerRequestContext request, @QueryParam("limit") String limit,
                              @QueryParam("cursor") String cursor) {
        String tenantId = AuthFilter.caller(request).tenantId();
        PageRequest page = PageRequest.of(cursors, tenantId, "webhooks", limit, cursor);
        List<Webhook> rows = jdbi.withExtension(WebhookDao.class,
                dao -> dao.list(tenantId, page.afterId(), page.fetchSize()));
        return page.page(rows, w -> List.of(w.id()));
    }

    @GET
    @Path("/{webhook_id}")
    @MinRole(Role.VIEWER)
    public Webhook get(@Context ContainerRequestContext request, @PathParam("webhook_id") String webhookId) {
        String tenantId = AuthFilter.caller(request).tenantId();
        return jdbi.withExtension(WebhookDao.class, dao -> dao.find(tenantId, webhookId))
                .orElseThrow(() -> ApiException.notFound("webhook"));
    }

    /**
     * Every attempt to deliver to the webhook, newest first, as the dispatcher recorded it (kept 7 days): read from
     * streams-processor's deliveries store.
     */
    @GET
    @Path("/{webhook_id}/deliveries")
    @MinRole(Role.ANALYST)
    public Page<DeliveryAttempt> deliveries(@Context ContainerRequestContext request,
                                            @PathParam("webhook_id") String webhookId,
                                            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        String tenantId = get(request, webhookId).tenantId();
        PageRequest page = PageRequest.of(cursors, tenantId, "webhook-deliveries?" + webhookId, limit, cursor);
        return queries.page(tenantId, "webhooks/" + webhookId + "/deliveries", DeliveryAttempt.class,
                QueryFilters.none(), page);
    }

    /**
     * Sends a {@code webhook.test} event now, signed like real deliveries, and answers how it went. Audited; with an
     * {@code Idempotency-Key}, a retry answers the first result without sending again.
     */
    @POST
    @Path("/{webhook_id}/test")
    @MinRole(Role.ADMIN)
    public Response test(@Context ContainerRequestContext request, @PathParam("webhook_id") String webhookId) {
        return writes.run(WriteRequest.from(request), null, tx -> {
            Webhook webhook = tx.dao(WebhookDao.class).find(tx.tenantId(), webhookId)
                    .orElseThrow(() -> ApiException.notFound("webhook"));
            WebhookTestResult result = tester.send(webhook, secrets.active(tx), tx.now());
            tx.audit("webhook.tested", "webhook", webhookId, null, result);
            return WriteResult.ok(result);
        }).toResponse();
    }

    @PATCH
    @Path("/{webhook_id}")
    @MinRole(Role.ADMIN)
    public Response update(@Context ContainerRequestContext request, @PathParam("webhook_id") String webhookId,
                           WebhookInput body) {
        validate(Params.body(body), false);
        return writes.run(WriteRequest.from(request), body, tx -> {
            WebhookDao webhooks = tx.dao(WebhookDao.class);
            Webhook before = webhooks.find(tx.tenantId(), webhookId).orElseThrow(() -> ApiException.notFound("webhook"));
            webhooks.update(tx.tenantId(), webhookId,
                    body.url() == null ? before.url() : body.url(),
                    body.description() == null ? before.description() : body.description(),
                    body.eventTypes() == null ? before.eventTypes() : List.copyOf(body.eventTypes()),
                    body.enabled() == null ? before.enabled() : body.enabled(), tx.now());
            Webhook after = webhooks.find(tx.tenantId(), webhookId).orElseThrow();
            tx.audit("webhook.updated", "webhook", webhookId, before, after);
            tx.configChanged();
            return WriteResult.ok(after);
        }).toResponse();
    }

    @DELETE
    @Path("/{webhook_id}")
    @MinRole(Role.ADMIN)
    public Response delete(@Context ContainerRequestContext request, @PathParam("webhook_id") String webhookId) {
        return writes.run(WriteRequest.from(request), null, tx -> {
            WebhookDao webhooks = tx.dao(WebhookDao.class);
            Webhook before = webhooks.find(tx.tenantId(), webhookId).orElseThrow(() -> ApiException.notFound("webhook"));
            webhooks.delete(tx.tenantId(), webhookId);
            tx.audit("webhook.deleted", "webhook", webhookId, before, null);
            tx.configChanged();
            return WriteResult.noContent();
        }).toResponse();
    }

    @POST
    @Path("/secret/rotate")
    @MinRole(Role.ADMIN)
    public Response rotateSecret(@Context ContainerRequestContext request) {
        return writes.run(WriteRequest.from(request), null, tx -> {
            Instant previousExpiresAt = tx.now().plus(SigningSecrets.ROTATION_OVERLAP);
            String secret = secrets.rotate(tx, previousExpiresAt);
            tx.audit("webhook_secret.rotated", "webhook_secret", null, null, null);
            return WriteResult.ok(new SecretRotated(secret, previousExpiresAt));
        }).toResponse();
    }

    private void validate(WebhookInput body, boolean create) {
        Checks checks = new Checks();
        if (create || body.url() != null) {
            String problem = body.url() == null ? "is required" : body.url().length() > 2048 ? "is too long"
                    : urls.problem(body.url());
            checks.require(problem == null, "url", problem);
        }
        if (create || body.eventTypes() != null) {
            checks.require(body.eventTypes() != null && !body.eventTypes().isEmpty(), "event_types",
                    "must list at least one of " + SecurityEventTypes.SUBSCRIBABLE);
            checks.each(body.eventTypes(), "event_types", SecurityEventTypes.SUBSCRIBABLE::contains,
                    "must be one of " + SecurityEventTypes.SUBSCRIBABLE);
        }
        checks.optionalText(body.description(), "description", 2000).orThrow();
    }
}
