package io.renlayer.api.core;

import io.renlayer.api.auth.AuthFilter;
import io.renlayer.api.auth.Caller;
import io.renlayer.api.errors.RequestContextFilter;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Who asked for a write and how: what the audit log records and what scopes an {@code Idempotency-Key}.
 *
 * @param caller null for a system action (the bootstrap command); then {@code tenantId} names the tenant
 */
public record WriteRequest(
        Caller caller,
        String tenantId,
        String requestId,
        String clientIp,
        String idempotencyKey,
        String method,
        String path) {

    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    public static WriteRequest from(ContainerRequestContext request) {
        Caller caller = AuthFilter.caller(request);
        String key = request.getHeaderString(IDEMPOTENCY_HEADER);
        if (key != null && (key.isBlank() || key.length() > 255)) {
            throw ApiException.invalid(IDEMPOTENCY_HEADER, "must be 1 to 255 characters");
        }
        return new WriteRequest(caller, caller.tenantId(), RequestContextFilter.requestId(request),
                RequestContextFilter.clientIp(request), key, request.getMethod(), "/" + request.getUriInfo().getPath());
    }

    public static WriteRequest system(String tenantId, String action) {
        return new WriteRequest(null, tenantId, action, null, null, "SYSTEM", action);
    }

    /** Keys of one caller never collide with another's. */
    public String idempotencyScope() {
        return tenantId + ":" + (caller == null ? "system" : caller.subject());
    }
}
