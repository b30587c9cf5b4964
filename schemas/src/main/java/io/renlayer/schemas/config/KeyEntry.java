package io.renlayer.schemas.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An active API key. Only the SHA-256 of the secret travels: the proxy hashes the presented key and
 * looks the hash up, so no key secret is ever on the topic.
 */
public record KeyEntry(String id, String agentId, String secretSha256, String prefix) {

    /** The hash both sides compute: lower-case hex SHA-256 of the secret's UTF-8 bytes. */
    public static String secretSha256Of(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
