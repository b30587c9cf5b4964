package io.renlayer.api.core;

import java.security.SecureRandom;

/**
 * API key secrets: {@code rl_} and 40 base62 characters (~238 random bits). Stored and published only as
 * {@link io.renlayer.schemas.config.KeyEntry#secretSha256Of} — a fast hash is right for secrets this random,
 * and lets the proxy check a key in O(1).
 */
public final class ApiKeySecrets {

    public static final String PREFIX = "rl_";
    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int RANDOM_CHARS = 40;
    private static final int DISPLAY_CHARS = PREFIX.length() + 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static String generate() {
        StringBuilder secret = new StringBuilder(PREFIX);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            secret.append(BASE62[RANDOM.nextInt(BASE62.length)]);
        }
        return secret.toString();
    }

    /** What people see to tell keys apart, e.g. {@code rl_4fQ9xZ2a}. */
    public static String displayPrefix(String secret) {
        return secret.substring(0, DISPLAY_CHARS);
    }

    private ApiKeySecrets() {
    }
}
