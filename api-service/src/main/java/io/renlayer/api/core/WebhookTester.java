package io.renlayer.api.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.renlayer.api.api.WebhookTestResult;
import io.renlayer.kit.webhooks.WebhookSender;
import io.renlayer.schemas.events.SecurityEventTypes;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a {@value SecurityEventTypes#TEST} event to a webhook the way the dispatcher sends real ones (same sender,
 * headers, signatures and SSRF guard), and waits for the answer: an admin sees at once whether the endpoint works.
 * The caller waits inside its write's transaction (so an Idempotency-Key sends once, even for concurrent retries),
 * which holds a database connection for up to the timeout: so few tests may run at once.
 */
public final class WebhookTester {

    private static final int MAX_CONCURRENT = 4;

    private final WebhookSender sender;
    private final Duration timeout;
    private final ObjectMapper mapper;
    private final Semaphore running = new Semaphore(MAX_CONCURRENT);

    public WebhookTester(WebhookSender sender, Duration timeout, ObjectMapper mapper) {
        this.sender = sender;
        this.timeout = timeout;
        this.mapper = mapper;
    }

    public WebhookTestResult send(Webhook webhook, List<String> secrets, Instant now) {
        if (!running.tryAcquire()) {
            throw ApiException.rateLimited("other webhook tests are under way; try again in a few seconds");
        }
        try {
            return sendNow(webhook, secrets, now);
        } finally {
            running.release();
        }
    }

    private WebhookTestResult sendNow(Webhook webhook, List<String> secrets, Instant now) {
        String eventId = TypedId.newId(IdType.EVENT);
        CompletableFuture<WebhookSender.Response> answer = new CompletableFuture<>();
        sender.send(WebhookSender.Request.signed(webhook.url(), eventId, SecurityEventTypes.TEST,
                body(webhook, eventId, now), secrets, now), answer::complete);
        try {
            // The sender times the attempt out itself; the margin only covers its bookkeeping.
            WebhookSender.Response response = answer.get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            return new WebhookTestResult(eventId, response.delivered(), response.status(), response.latencyMs(),
                    response.error());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WebhookTestResult(eventId, false, null, 0, "interrupted");
        } catch (ExecutionException | TimeoutException e) {
            return new WebhookTestResult(eventId, false, null, timeout.toMillis(), "no answer");
        }
    }

    /** Shaped like the real events' envelope (docs/siem.md), so a receiver's parsing is exercised too. */
    private byte[] body(Webhook webhook, String eventId, Instant now) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("time", now.toEpochMilli());
        event.put("message", "RenLayer webhook test");
        event.put("metadata", Map.of("uid", eventId, "version", "1.8.0",
                "product", Map.of("name", "RenLayer", "vendor_name", "RenLayer")));
        event.put("unmapped", Map.of("event_type", SecurityEventTypes.TEST, "tenant_id", webhook.tenantId(),
                "webhook_id", webhook.id()));
        try {
            return mapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a test event", e);
        }
    }
}
