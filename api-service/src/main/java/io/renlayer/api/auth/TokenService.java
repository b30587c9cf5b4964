package io.renlayer.api.auth;

import io.renlayer.api.core.ApiException;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

import java.time.Clock;
import java.time.Duration;

/**
 * Issues and verifies RenLayer access tokens: ES256 JWTs with a {@code kid}, short-lived, bound to one
 * issuer and audience. A token carries the tenant ({@code tid}); a support token also its grant.
 */
public final class TokenService {

    static final String TENANT_CLAIM = "tid";
    static final String GRANT_CLAIM = "grant";

    private final SigningKeys keys;
    private final String issuer;
    private final String audience;
    private final Duration ttl;
    // Only for issuing: tests issue already-expired tokens with a clock in the past.
    private final Clock clock;
    private final JwtConsumer consumer;

    public TokenService(SigningKeys keys, String issuer, String audience, Duration ttl, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.ttl = ttl;
        this.clock = clock;
        this.consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireSubject()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds(30)
                .setExpectedIssuer(issuer)
                .setExpectedAudience(audience)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys.publicJwks().getJsonWebKeys()))
                .build();
    }

    public Duration ttl() {
        return ttl;
    }

    /** A user's token: {@code sub} is the user id. */
    public String issue(String userId, String tenantId) {
        return sign(userId, tenantId, null, ttl);
    }

    /** A support token: {@code sub} names the staff member; valid only while {@code grantId} is active. */
    public String issueSupport(String staff, String tenantId, String grantId, Duration validity) {
        return sign(staff, tenantId, grantId, validity);
    }

    private String sign(String subject, String tenantId, String grantId, Duration validity) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(subject);
        claims.setGeneratedJwtId();
        claims.setIssuedAt(NumericDate.fromMilliseconds(clock.millis()));
        claims.setExpirationTime(NumericDate.fromMilliseconds(clock.millis() + validity.toMillis()));
        claims.setClaim(TENANT_CLAIM, tenantId);
        if (grantId != null) {
            claims.setClaim(GRANT_CLAIM, grantId);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.current().getPrivateKey());
        jws.setKeyIdHeaderValue(keys.current().getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    /** The verified claims, or 401: any failure (signature, kid, alg, expiry, issuer, audience) looks the same. */
    public VerifiedToken verify(String token) {
        try {
            JwtClaims claims = consumer.process(token).getJwtClaims();
            String tenantId = claims.getStringClaimValue(TENANT_CLAIM);
            if (tenantId == null) {
                throw ApiException.unauthorized("invalid access token");
            }
            return new VerifiedToken(claims.getSubject(), tenantId, claims.getStringClaimValue(GRANT_CLAIM));
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw ApiException.unauthorized("invalid or expired access token");
        }
    }

    /** What a valid token asserts; the caller's role is looked up fresh, not trusted from the token. */
    public record VerifiedToken(String subject, String tenantId, String grantId) {
    }

}
