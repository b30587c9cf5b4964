package io.renlayer.proxy.forward;

import io.renlayer.proxy.core.ConfigStore;
import io.renlayer.proxy.core.ResolvedKey;
import io.renlayer.schemas.sessions.SessionIds;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a servlet request into a {@link ProxyRequest}, refusing in the order a client can act on: not ready
 * (503), no valid key (401), unknown upstream (404), bad path or session (400), body too large (413).
 * Only the key lookup comes before anything tenant-specific: nothing is revealed to an unknown caller.
 */
public final class RequestReader {

    static final String KEY_HEADER = "X-RenLayer-Key";
    static final String SESSION_HEADER = SessionIds.HEADER;
    private static final String BEARER_KEY_PREFIX = "bearer rl_";
    private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)(\\.|%2e){1,2}(/|$)", Pattern.CASE_INSENSITIVE);

    private final ConfigStore config;
    private final long maxBodyBytes;

    public RequestReader(ConfigStore config, long maxBodyBytes) {
        this.config = config;
        this.maxBodyBytes = maxBodyBytes;
    }

    public ProxyRequest read(HttpServletRequest request, String traceId, Instant receivedAt, long receivedNanos)
            throws IOException {
        if (!config.loaded()) {
            throw Refusal.notReady();
        }
        String presented = request.getHeader(KEY_HEADER);
        String authorization = request.getHeader("Authorization");
        boolean keyInAuthorization = presented == null && authorization != null
                && authorization.regionMatches(true, 0, BEARER_KEY_PREFIX, 0, BEARER_KEY_PREFIX.length());
        if (keyInAuthorization) {
            presented = authorization.substring("bearer ".length()).strip();
        }
        ResolvedKey key = presented == null ? null : config.resolve(presented).orElse(null);
        if (key == null) {
            throw Refusal.unauthorized();
        }
        URI target = target(request, key);
        String session = request.getHeader(SESSION_HEADER);
        if (session != null && !SessionIds.isValid(session)) {
            throw Refusal.invalid(SESSION_HEADER + " must be " + SessionIds.RULE);
        }
        return new ProxyRequest(traceId, key, session, request.getMethod().toUpperCase(Locale.ROOT), target,
                ForwardedHeaders.fromAgent(request, keyInAuthorization), body(request), receivedAt, receivedNanos);
    }

    /** {@code /<upstream>/<rest>?<query>} → the named upstream's base URL + {@code /<rest>?<query>}. */
    private static URI target(HttpServletRequest request, ResolvedKey key) {
        String raw = request.getRequestURI();
        int slash = raw.indexOf('/', 1);
        String name = slash < 0 ? raw.substring(1) : raw.substring(1, slash);
        String rest = slash < 0 ? "" : raw.substring(slash);
        String base = key.tenant().snapshot().settings().upstreams().get(name);
        if (base == null) {
            throw Refusal.unknownUpstream(name);
        }
        if (DOT_SEGMENT.matcher(rest).find()) {
            throw Refusal.invalid("the path must not contain . or .. segments");
        }
        String query = request.getQueryString();
        String joined = (base.endsWith("/") && rest.startsWith("/") ? base.substring(0, base.length() - 1) : base)
                + rest + (query == null ? "" : "?" + query);
        try {
            return URI.create(joined);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("the path is not a valid URL path");
        }
    }

    private byte[] body(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBodyBytes) {
            throw Refusal.tooLarge(maxBodyBytes);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = declared >= 0 ? in.readNBytes((int) declared) : in.readNBytes((int) maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw Refusal.tooLarge(maxBodyBytes);
            }
            return body;
        }
    }
}
