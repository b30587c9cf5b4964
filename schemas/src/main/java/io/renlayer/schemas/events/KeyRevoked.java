package io.renlayer.schemas.events;

import java.time.Instant;

/** An API key was revoked; {@code keyPrefix} is the display prefix, never the secret. */
public record KeyRevoked(
        String eventId,
        String tenantId,
        String agentId,
        String keyId,
        String keyPrefix,
        String actorId,
        Instant occurredAt) implements ControlEvent {

    public static final String TYPE = "key.revoked";
}
