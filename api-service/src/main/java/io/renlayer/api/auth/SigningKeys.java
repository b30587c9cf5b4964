package io.renlayer.api.auth;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;

/**
 * The ES256 key that signs access tokens. Production supplies it (a private JWK) through configuration;
 * local mode generates one on first start and keeps it in the data directory, so tokens survive restarts.
 */
public final class SigningKeys {

    private final EllipticCurveJsonWebKey current;
    private final List<EllipticCurveJsonWebKey> verifying;

    private SigningKeys(EllipticCurveJsonWebKey current, List<EllipticCurveJsonWebKey> verifying) {
        this.current = current;
        this.verifying = verifying;
    }

    /** @param configuredJwk a private EC P-256 JWK (JSON), or blank to use/generate {@code localKeyFile} */
    public static SigningKeys load(String configuredJwk, Path localKeyFile, boolean localMode) {
        try {
            if (configuredJwk != null && !configuredJwk.isBlank()) {
                return of(parse(configuredJwk));
            }
            if (!localMode) {
                throw new IllegalStateException("auth.signingKey is required outside local mode: "
                        + "supply a private EC P-256 JWK (JWT_SIGNING_KEY)");
            }
            if (Files.exists(localKeyFile)) {
                return of(parse(Files.readString(localKeyFile)));
            }
            EllipticCurveJsonWebKey generated = generate();
            Files.createDirectories(localKeyFile.getParent());
            Files.writeString(localKeyFile, generated.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE),
                    StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(localKeyFile, PosixFilePermissions.fromString("rw-------"));
            return of(generated);
        } catch (IOException | JoseException e) {
            throw new IllegalStateException("cannot load the JWT signing key", e);
        }
    }

    public static EllipticCurveJsonWebKey generate() throws JoseException {
        EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        key.setKeyId(UUID.randomUUID().toString());
        key.setUse("sig");
        key.setAlgorithm("ES256");
        return key;
    }

    private static SigningKeys of(EllipticCurveJsonWebKey key) {
        return new SigningKeys(key, List.of(key));
    }

    private static EllipticCurveJsonWebKey parse(String json) throws JoseException {
        JsonWebKey key = JsonWebKey.Factory.newJwk(json);
        if (!(key instanceof EllipticCurveJsonWebKey ec) || ec.getPrivateKey() == null || ec.getKeyId() == null) {
            throw new IllegalStateException("the JWT signing key must be a private EC P-256 JWK with a kid");
        }
        return ec;
    }

    public EllipticCurveJsonWebKey current() {
        return current;
    }

    /** The public halves, as served at {@code /.well-known/jwks.json}. */
    public JsonWebKeySet publicJwks() {
        return new JsonWebKeySet(verifying.stream().map(k -> (JsonWebKey) k).toList());
    }

    public String publicJwksJson() {
        return publicJwks().toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }
}
