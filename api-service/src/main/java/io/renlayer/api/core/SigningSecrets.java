package io.renlayer.api.core;

import io.renlayer.api.db.SigningSecretDao;
import io.renlayer.api.db.TenantDao;
import io.renlayer.schemas.config.SecretSealer;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * The tenant's webhook signing secret: generated here, shown once, stored sealed. Rotation keeps the
 * previous secret valid for an overlap window, during which deliveries carry one signature per secret.
 */
public final class SigningSecrets {

    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretSealer sealer;

    public SigningSecrets(SecretSealer sealer) {
        this.sealer = sealer;
    }

    /** Creates the tenant's first secret if it has none. @return the plain secret, or null if one existed */
    public String ensure(Tx tx) {
        tx.dao(TenantDao.class).lock(tx.tenantId());
        SigningSecretDao secrets = tx.dao(SigningSecretDao.class);
        boolean hasCurrent = secrets.valid(tx.tenantId(), tx.now()).stream().anyMatch(s -> s.expiresAt() == null);
        return hasCurrent ? null : create(tx);
    }

    /**
     * The plain secrets a delivery is signed with now: the current one and, during an overlap, the previous.
     * A tenant without one, or whose secret this deployment's key cannot open (the key was changed), gets a 409:
     * rotating makes a new one.
     */
    public List<String> active(Tx tx) {
        List<String> active;
        try {
            active = tx.dao(SigningSecretDao.class).valid(tx.tenantId(), tx.now()).stream()
                    .map(row -> sealer.open(tx.tenantId(), row.sealed())).toList();
        } catch (IllegalArgumentException e) {
            throw ApiException.conflict("the webhook signing secret cannot be opened with this deployment's secrets "
                    + "key; rotate it (POST /webhooks/secret/rotate)");
        }
        if (active.isEmpty()) {
            throw ApiException.conflict("the tenant has no webhook signing secret; rotate to create one");
        }
        return active;
    }

    /** @return the new plain secret; the previous one expires after the overlap window */
    public String rotate(Tx tx, Instant previousExpiresAt) {
        tx.dao(SigningSecretDao.class).expireCurrent(tx.tenantId(), previousExpiresAt);
        return create(tx);
    }

    private String create(Tx tx) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String plain = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        tx.dao(SigningSecretDao.class).insert(TypedId.newId(IdType.SECRET), tx.tenantId(),
                sealer.seal(tx.tenantId(), plain), tx.now());
        tx.configChanged();
        return plain;
    }
}
