package io.renlayer.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.renlayer.api.auth.Role;
import io.renlayer.api.auth.SigningKeys;
import io.renlayer.api.auth.TokenService;
import io.renlayer.api.testing.ApiClient;
import io.renlayer.api.testing.Problems;
import io.renlayer.api.testing.TestStack;
import io.renlayer.api.testing.TestTenant;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access tokens on a tenant route: every way a token can be missing, malformed, forged or out of date is a
 * 401 {@code unauthorized} with {@code WWW-Authenticate: Bearer}; a valid token of another tenant is a 404.
 */
@Tag("integration")
class JwtIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TestStack.App app = TestStack.get().app();
    private final TestTenant tenant = app.newTenant();
    private final SigningKeys keys = app.services().signingKeys();
    private final String issuer = app.support().getConfiguration().auth.issuer;
    private final String audience = app.support().getConfiguration().auth.audience;
    private final String path = tenant.path("");

    // ---- positive controls: the crafting below produces accepted tokens when nothing is wrong

    @Test
    void validTokenIsAccepted() {
        JsonNode body = tenant.as(Role.VIEWER).get(path).expect(200).json();
        assertThat(body.path("id").asText()).isEqualTo(tenant.id);
    }

    @Test
    void handCraftedTokenWithTheRealKeyIsAccepted() {
        // The negative cases below change exactly one thing of this token.
        String token = es256(validClaims(), keys.current().getPrivateKey(), keys.current().getKeyId());
        app.client().withToken(token).get(path).expect(200);
    }

    // ---- no usable credentials

    @Test
    void noAuthorizationHeader() {
        assertUnauthorized(app.client().get(path));
    }

    @Test
    void notABearerCredential() {
        String valid = tenant.token(Role.OWNER);
        assertUnauthorized(app.client().withHeader("Authorization", "Basic b3duZXI6c2VjcmV0").get(path));
        assertUnauthorized(app.client().withHeader("Authorization", "Token " + valid).get(path));
        assertUnauthorized(app.client().withHeader("Authorization", valid).get(path));
        assertUnauthorized(app.client().withHeader("Authorization", "Bearer").get(path));
    }

    @Test
    void garbageToken() {
        assertUnauthorized(app.client().withToken("not-a-jwt").get(path));
        assertUnauthorized(app.client().withToken("a.b.c").get(path));
        assertUnauthorized(app.client().withToken(b64("{\"alg\":\"ES256\"}") + "." + b64("{}") + ".").get(path));
    }

    // ---- forged tokens

    @Test
    void algNoneIsRejected() {
        String claims = b64(validClaims().toJson());
        assertUnauthorized(bearer(b64("{\"alg\":\"none\"}") + "." + claims + "."));
        assertUnauthorized(bearer(b64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + keys.current().getKeyId()
                + "\"}") + "." + claims + "."));
        assertUnauthorized(bearer(b64("{\"alg\":\"NONE\"}") + "." + claims + "."));
    }

    @Test
    void unknownKidIsRejected() throws JoseException {
        EllipticCurveJsonWebKey stranger = SigningKeys.generate();
        assertThat(stranger.getKeyId()).isNotEqualTo(keys.current().getKeyId());
        assertUnauthorized(bearer(es256(validClaims(), stranger.getPrivateKey(), stranger.getKeyId())));
    }

    @Test
    void rightKidWrongSignatureIsRejected() throws JoseException {
        EllipticCurveJsonWebKey stranger = SigningKeys.generate();
        assertUnauthorized(bearer(es256(validClaims(), stranger.getPrivateKey(), keys.current().getKeyId())));
        // and a real token with its payload swapped for another keeps a signature that no longer matches
        String real = tenant.token(Role.VIEWER);
        String[] parts = real.split("\\.");
        JwtClaims other = validClaims();
        other.setSubject(tenant.userId(Role.OWNER));
        assertUnauthorized(bearer(parts[0] + "." + b64(other.toJson()) + "." + parts[2]));
    }

    @Test
    void hs256SignedWithThePublicKeyIsRejected() throws JoseException {
        String kid = keys.current().getKeyId();
        byte[] der = keys.current().getPublicKey().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
        String jwk = keys.current().toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        for (byte[] secret : new byte[][]{der, pem.getBytes(StandardCharsets.US_ASCII), jwk.getBytes(StandardCharsets.UTF_8)}) {
            assertUnauthorized(bearer(hs256(validClaims(), secret, kid)));
        }
    }

    // ---- well signed, but not valid for this API now

    @Test
    void expiredTokenIsRejected() {
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        TokenService stale = new TokenService(keys, issuer, audience, Duration.ofMinutes(15), past);
        assertUnauthorized(bearer(stale.issue(tenant.userId(Role.OWNER), tenant.id)));
        // the same service with the right clock issues an accepted token: only the time differs
        TokenService fresh = new TokenService(keys, issuer, audience, Duration.ofMinutes(15), Clock.systemUTC());
        bearer(fresh.issue(tenant.userId(Role.OWNER), tenant.id)).expect(200);
    }

    @Test
    void notYetValidTokenIsRejected() {
        JwtClaims claims = validClaims();
        claims.setNotBefore(NumericDate.fromSeconds(Instant.now().plus(Duration.ofHours(1)).getEpochSecond()));
        assertUnauthorized(bearer(signed(claims)));
    }

    @Test
    void wrongIssuerIsRejected() {
        TokenService foreign = new TokenService(keys, "https://evil.example.com", audience, Duration.ofMinutes(15),
                Clock.systemUTC());
        assertUnauthorized(bearer(foreign.issue(tenant.userId(Role.OWNER), tenant.id)));
        assertUnauthorized(bearer(signed(with(c -> c.setIssuer(issuer + "/")))));
    }

    @Test
    void wrongAudienceIsRejected() {
        TokenService foreign = new TokenService(keys, issuer, "some-other-api", Duration.ofMinutes(15), Clock.systemUTC());
        assertUnauthorized(bearer(foreign.issue(tenant.userId(Role.OWNER), tenant.id)));
    }

    @Test
    void missingRequiredClaimsAreRejected() {
        assertUnauthorized(bearer(signed(with(c -> c.unsetClaim("exp")))));
        assertUnauthorized(bearer(signed(with(c -> c.unsetClaim("tid")))));
        assertUnauthorized(bearer(signed(with(c -> c.unsetClaim("sub")))));
        assertUnauthorized(bearer(signed(with(c -> c.setClaim("tid", 42)))));
    }

    @Test
    void tokenOfAUserThatNoLongerExistsIsRejected() {
        String viewer = tenant.userId(Role.VIEWER);
        String token = tenant.token(Role.VIEWER);
        app.client().withToken(token).get(path).expect(200);
        tenant.owner().delete(tenant.path("/users/" + viewer)).expect(204);
        assertUnauthorized(app.client().withToken(token).get(path));
    }

    // ---- the tenant boundary

    @Test
    void tokenOfAnotherTenantGets404() {
        TestTenant other = app.newTenant();
        for (Role role : Role.values()) {
            Problems.assertProblem(other.as(role).get(path), 404, "not_found");
            Problems.assertProblem(other.as(role).get(tenant.path("/agents")), 404, "not_found");
        }
    }

    @Test
    void userOfOneTenantWithAnotherTenantsTidIsRejected() {
        // Even a correctly signed token cannot pair a user with a tenant that is not theirs: users are looked up
        // within the token's tenant.
        TestTenant other = app.newTenant();
        JwtClaims claims = validClaims();
        claims.setClaim("tid", other.id);
        assertUnauthorized(app.client().withToken(signed(claims)).get(other.path("")));
    }

    // ---- the published keys

    @Test
    void jwksPublishesTheCurrentPublicKeyOnly() throws Exception {
        ApiClient.Reply reply = app.client().get("/.well-known/jwks.json").expect(200);
        assertThat(reply.contentType()).startsWith("application/json");
        JsonNode set = reply.json();
        assertThat(set.path("keys").isArray()).isTrue();
        assertThat(set.path("keys")).isNotEmpty();
        boolean current = false;
        for (JsonNode key : set.path("keys")) {
            for (String privatePart : new String[]{"d", "p", "q", "dp", "dq", "qi", "k"}) {
                assertThat(key.has(privatePart)).as("private member %s in %s", privatePart, key).isFalse();
            }
            assertThat(key.path("kty").asText()).isEqualTo("EC");
            if (keys.current().getKeyId().equals(key.path("kid").asText())) {
                current = true;
                assertThat(key.path("crv").asText()).isEqualTo("P-256");
                JsonNode expected = MAPPER.readTree(keys.current().toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
                assertThat(key.path("x")).isEqualTo(expected.path("x"));
                assertThat(key.path("y")).isEqualTo(expected.path("y"));
            }
        }
        assertThat(current).as("the current kid %s is published", keys.current().getKeyId()).isTrue();
        String d = MAPPER.readTree(keys.current().toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE)).path("d").asText();
        assertThat(d).as("the private scalar of the signing key").isNotBlank();
        assertThat(reply.body()).doesNotContain(d);

        // and a client can verify a real access token with nothing but the published set
        JsonWebKeySet published = new JsonWebKeySet(reply.body());
        JwtClaims verified = new JwtConsumerBuilder()
                .setExpectedIssuer(issuer).setExpectedAudience(audience)
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(published.getJsonWebKeys()))
                .build().processToClaims(tenant.token(Role.VIEWER));
        assertThat(verified.getSubject()).isEqualTo(tenant.userId(Role.VIEWER));
    }

    // ---- helpers

    private ApiClient.Reply bearer(String token) {
        return app.client().withToken(token).get(path);
    }

    private static void assertUnauthorized(ApiClient.Reply reply) {
        Problems.assertProblem(reply, 401, "unauthorized");
        assertThat(reply.header("WWW-Authenticate")).as("WWW-Authenticate of %s", reply).isNotNull().startsWith("Bearer");
    }

    /** The claims TokenService would issue for this tenant's owner, valid for five minutes from now. */
    private JwtClaims validClaims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(tenant.userId(Role.OWNER));
        claims.setGeneratedJwtId();
        long now = System.currentTimeMillis();
        claims.setIssuedAt(NumericDate.fromMilliseconds(now));
        claims.setExpirationTime(NumericDate.fromMilliseconds(now + Duration.ofMinutes(5).toMillis()));
        claims.setClaim("tid", tenant.id);
        return claims;
    }

    private JwtClaims with(Consumer<JwtClaims> change) {
        JwtClaims claims = validClaims();
        change.accept(claims);
        return claims;
    }

    /** Signed with the API's real key: only the claims can be wrong. */
    private String signed(JwtClaims claims) {
        return es256(claims, keys.current().getPrivateKey(), keys.current().getKeyId());
    }

    private static String es256(JwtClaims claims, Key key, String kid) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setKeyIdHeaderValue(kid);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hs256(JwtClaims claims, byte[] secret, String kid) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(new HmacKey(secret));
        jws.setDoKeyValidation(false);
        jws.setKeyIdHeaderValue(kid);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        return jws.getCompactSerialization();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
