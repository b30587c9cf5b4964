package io.renlayer.api.config;

import io.renlayer.api.core.Digests;
import io.renlayer.schemas.config.SecretSealer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * The deployment's one master secret (32 random bytes, base64): it seals webhook signing secrets (the
 * streams processor holds the same key to open them) and derives the keys of cursors and OTP codes.
 */
public final class SecretsConfig {

    private final String masterKey;

    private SecretsConfig(String masterKey) {
        this.masterKey = masterKey;
    }

    /** Local mode without a configured key: generate one on first start and keep it in the data directory. */
    public static SecretsConfig load(String configured, boolean localMode, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return new SecretsConfig(configured.strip());
        }
        if (!localMode) {
            throw new IllegalStateException("secretsKey is required outside local mode (RENLAYER_SECRETS_KEY: "
                    + "32 random bytes, base64)");
        }
        Path file = dataDir.resolve("secrets.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                Files.writeString(file, SecretSealer.generateKey());
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return new SecretsConfig(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the secrets key in " + file, e);
        }
    }

    public SecretSealer sealer() {
        return new SecretSealer(masterKey);
    }

    /** A key for one purpose, so a leak of one derived key exposes nothing else. */
    public byte[] derive(String purpose) {
        return Digests.hmacSha256(Base64.getDecoder().decode(masterKey), Digests.utf8("renlayer:" + purpose));
    }
}
