package io.renlayer.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.renlayer.api.api.TokenResponse;
import io.renlayer.api.core.ApiException;
import io.renlayer.api.core.Tenant;
import io.renlayer.api.core.UrlGuard;
import io.renlayer.api.core.User;
import io.renlayer.api.db.TenantDao;
import io.renlayer.api.db.UserDao;
import io.renlayer.schemas.config.OidcSettings;
import org.jdbi.v3.core.Jdbi;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exchanges an ID token from the tenant's own OpenID Connect issuer for a RenLayer token. The token's
 * email picks the user, the user's tenant names the one issuer (and audience) trusted for it, and the
 * signature is checked against that issuer's JWKS (fetched once, then cached and refreshed by jose4j).
 */
public final class OidcLogin {

    private static final JwtConsumer UNVERIFIED = new JwtConsumerBuilder()
            .setSkipAllValidators().setDisableRequireSignature().setSkipSignatureVerification().build();

    private final Jdbi jdbi;
    private final TokenService tokens;
    private final ObjectMapper mapper;
    private final UrlGuard urls;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, HttpsJwks> jwksByIssuer = new ConcurrentHashMap<>();

    public OidcLogin(Jdbi jdbi, TokenService tokens, ObjectMapper mapper, UrlGuard urls) {
        this.jdbi = jdbi;
        this.urls = urls;
        this.tokens = tokens;
        this.mapper = mapper;
    }

    public TokenResponse exchange(String idToken) {
        try {
            String email = UNVERIFIED.processToClaims(idToken).getStringClaimValue("email");
            User user = email == null ? null : jdbi.withExtension(UserDao.class, u -> u.findByEmail(email)).orElse(null);
            Tenant tenant = user == null ? null
                    : jdbi.withExtension(TenantDao.class, t -> t.find(user.tenantId())).orElse(null);
            OidcSettings oidc = tenant == null ? null : tenant.settings().oidc();
            if (oidc == null) {
                throw rejected();
            }
            JwtClaims claims = consumer(oidc).processToClaims(idToken);
            if (!email.equalsIgnoreCase(claims.getStringClaimValue("email"))
                    || !Boolean.TRUE.equals(claims.getClaimValue("email_verified", Boolean.class))) {
                throw rejected();
            }
            return TokenResponse.bearer(tokens.issue(user.id(), user.tenantId()), tokens.ttl().toSeconds(),
                    user.tenantId(), user.id());
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw rejected();
        }
    }

    private JwtConsumer consumer(OidcSettings oidc) {
        String cacheKey = oidc.issuer() + " " + oidc.jwksUri();
        HttpsJwks jwks = jwksByIssuer.get(cacheKey);
        if (jwks == null) {
            // Discovery runs outside the map's lock: a slow issuer must not hold up the others.
            String jwksUri = guarded(oidc.jwksUri() != null ? oidc.jwksUri() : discoverJwksUri(oidc.issuer()));
            jwks = jwksByIssuer.computeIfAbsent(cacheKey, k -> new HttpsJwks(jwksUri));
        }
        return new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(60)
                .setExpectedIssuer(oidc.issuer())
                .setExpectedAudience(oidc.audience())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                        AlgorithmIdentifiers.EDDSA)
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                .build();
    }

    private String discoverJwksUri(String issuer) {
        try {
            URI discovery = URI.create(guarded(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration"));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode jwksUri = mapper.readTree(response.body()).get("jwks_uri");
            if (response.statusCode() != 200 || jwksUri == null || !jwksUri.isTextual()) {
                throw rejected();
            }
            return jwksUri.asText();
        } catch (IOException e) {
            throw rejected();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw rejected();
        }
    }

    /** The SSRF guard at fetch time, on resolved addresses: the tenant's issuer names what the API fetches. */
    private String guarded(String url) {
        if (urls.resolvedProblem(url) != null) {
            throw rejected();
        }
        return url;
    }

    private static ApiException rejected() {
        return ApiException.unauthorized("the ID token is not valid for any tenant's configured OIDC issuer");
    }
}
