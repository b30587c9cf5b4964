package io.renlayer.streams.security;

import com.github.f4b6a3.ulid.Ulid;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;

/**
 * Security event ids derived from the event they report, so that reprocessing the same source event (a restore,
 * a replay) gives the same id, and webhook receivers can rely on {@code X-RenLayer-Event-Id} to drop repeats. The
 * ULID's time is the fact's time; its random part is a hash of the source event id and the event type.
 */
final class SecurityEventIds {

    private static final int ULID_RANDOM_BYTES = 10;

    static String derive(String sourceEventId, String eventType, Instant time) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((sourceEventId + "|" + eventType).getBytes(StandardCharsets.UTF_8));
            Ulid ulid = new Ulid(time.toEpochMilli(), Arrays.copyOf(hash, ULID_RANDOM_BYTES));
            return new TypedId(IdType.EVENT, ulid).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private SecurityEventIds() {
    }
}
