package io.renlayer.api.errors;

import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;

import java.util.regex.Pattern;

/**
 * What every request carries into the audit log, problems and rate limits: an id (the caller's
 * {@code X-Request-Id} when it is sane, else a new one, echoed on the response so a support case can be
 * traced) and the client's address (never null: a null one would slip past per-address limits).
 */
@PreMatching
@Priority(1)
public class RequestContextFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-Request-Id";
    private static final String PROPERTY = "renlayer.request-id";
    private static final String CLIENT_IP = "renlayer.client-ip";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Context
    private HttpServletRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(CLIENT_IP, http == null || http.getRemoteAddr() == null ? "unknown" : http.getRemoteAddr());
        String given = request.getHeaderString(HEADER);
        request.setProperty(PROPERTY, given != null && SANE.matcher(given).matches()
                ? given : "req_" + TypedId.generate(IdType.EVENT).ulid());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }

    public static String requestId(ContainerRequestContext request) {
        return (String) request.getProperty(PROPERTY);
    }

    public static String clientIp(ContainerRequestContext request) {
        return (String) request.getProperty(CLIENT_IP);
    }
}
