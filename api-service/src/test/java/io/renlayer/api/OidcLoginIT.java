package io.renlayer.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.renlayer.api.auth.Role;
import io.renlayer.api.testing.ApiClient;
import io.renlayer.api.testing.TestStack;
import io.renlayer.api.testing.TestTenant;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** OIDC exchange against a real (local) issuer: discovery document, JWKS over HTTP, RS256 ID tokens. */
@Tag("integration")
class OidcLoginIT {

    private static final String AUDIENCE = "renlayer-console";
    private static HttpServer issuerServer;
    private static RsaJsonWebKey issuerKey;
    private static String issuer;
    private static final AtomicInteger jwksFetches = new AtomicInteger();

    private final TestStack.App app = TestStack.get().app();

    @BeforeAll
    static void startIssuer() throws Exception {
        issuerKey = RsaJwkGenerator.generateJwk(2048);
        issuerKey.setKeyId("issuer-key-1");
        issuerServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + issuerServer.getAddress().getPort();
        serve("/.well-known/openid-configuration", "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\"}");
        issuerServer.createContext("/jwks", exchange -> {
            jwksFetches.incrementAndGet();
            byte[] body = new JsonWebKeySet(issuerKey).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        issuerServer.start();
    }

    @AfterAll
    static void stopIssuer() {
        issuerServer.stop(0);
    }

    @Test
    void idTokenFromTheTenantsIssuerBecomesARenLayerToken() throws Exception {
        TestTenant tenant = tenantTrustingIssuer();
        String email = ownerEmail(tenant);

        JsonNode token = exchange(idToken(issuerKey, issuer, AUDIENCE, email, true)).expect(200).json();
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.get("tenant_id").asText()).isEqualTo(tenant.id);
        assertThat(token.get("user_id").asText()).isEqualTo(tenant.userId(Role.OWNER));
        app.client().withToken(token.get("access_token").asText()).get(tenant.path("")).expect(200);

        int fetches = jwksFetches.get();
        exchange(idToken(issuerKey, issuer, AUDIENCE, email, true)).expect(200);
        assertThat(jwksFetches.get()).as("the issuer's JWKS is cached").isEqualTo(fetches);
    }

    @Test
    void rejectsTokensTheTenantDoesNotTrust() throws Exception {
        TestTenant tenant = tenantTrustingIssuer();
        String email = ownerEmail(tenant);
        RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
        stranger.setKeyId(issuerKey.getKeyId());

        assertUnauthorized(exchange(idToken(issuerKey, issuer, "someone-else", email, true)));
        assertUnauthorized(exchange(idToken(issuerKey, "https://evil.example.com", AUDIENCE, email, true)));
        assertUnauthorized(exchange(idToken(stranger, issuer, AUDIENCE, email, true)));
        assertUnauthorized(exchange(idToken(issuerKey, issuer, AUDIENCE, email, false)));
        assertUnauthorized(exchange(idToken(issuerKey, issuer, AUDIENCE, email, null)));
        assertUnauthorized(exchange(idToken(issuerKey, issuer, AUDIENCE, "nobody@example.com", true)));

        TestTenant withoutOidc = app.newTenant();
        assertUnauthorized(exchange(idToken(issuerKey, issuer, AUDIENCE, ownerEmail(withoutOidc), true)));
    }

    @Test
    void malformedInputIsAProblemNotAnError() {
        ApiClient.Reply reply = exchange("not-a-jwt");
        assertUnauthorized(reply);
        ApiClient.Reply missing = app.client().post("/v1/auth/oidc/exchange", Map.of());
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("code").asText()).isEqualTo("validation_failed");
    }

    private TestTenant tenantTrustingIssuer() {
        TestTenant tenant = app.newTenant();
        tenant.owner().patch(tenant.path(""), Map.of("settings", Map.of("oidc",
                Map.of("issuer", issuer, "audience", AUDIENCE)))).expect(200);
        return tenant;
    }

    private String ownerEmail(TestTenant tenant) {
        return tenant.owner().get(tenant.path("/users/" + tenant.userId(Role.OWNER))).expect(200).json()
                .get("email").asText();
    }

    private ApiClient.Reply exchange(String idToken) {
        return app.client().post("/v1/auth/oidc/exchange", Map.of("id_token", idToken));
    }

    private static void assertUnauthorized(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("code").asText()).isEqualTo("unauthorized");
    }

    private static String idToken(RsaJsonWebKey key, String iss, String aud, String email, Boolean verified)
            throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(iss);
        claims.setAudience(aud);
        claims.setSubject("idp-user-" + email.hashCode());
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setIssuedAtToNow();
        claims.setClaim("email", email);
        if (verified != null) {
            claims.setClaim("email_verified", verified);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static void serve(String path, String json) {
        issuerServer.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }
}
