package io.renlayer.schemas.config;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals secrets that must be recoverable (webhook signing secrets: the signer needs the plain value)
 * with AES-256-GCM under a deployment-wide key. Format: {@code v1.<base64url(iv || ciphertext+tag)>}.
 * The associated data binds a sealed value to its tenant, so it cannot be replayed into another tenant.
 */
public final class SecretSealer {

    private static final String PREFIX = "v1.";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param base64Key 32 random bytes, base64 encoded */
    public SecretSealer(String base64Key) {
        byte[] raw = Base64.getDecoder().decode(base64Key);
        if (raw.length != 32) {
            throw new IllegalArgumentException("the secrets key must be 32 bytes (base64 encoded)");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public static String generateKey() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    public String seal(String tenantId, String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, tenantId);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** @throws IllegalArgumentException when the value was not sealed by this key for this tenant */
    public String open(String tenantId, String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sealed secret");
        }
        byte[] in = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
        if (in.length <= IV_BYTES) {
            throw new IllegalArgumentException("not a sealed secret");
        }
        byte[] iv = java.util.Arrays.copyOf(in, IV_BYTES);
        try {
            byte[] plain = cipher(Cipher.DECRYPT_MODE, iv, tenantId).doFinal(in, IV_BYTES, in.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("sealed secret does not open with this key and tenant", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, String tenantId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(tenantId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
