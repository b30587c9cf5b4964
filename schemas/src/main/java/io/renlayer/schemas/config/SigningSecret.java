package io.renlayer.schemas.config;

import java.time.Instant;

/**
 * A webhook signing secret, sealed (AES-GCM under the deployment's secrets key) so that it is never
 * plain on a topic or in the database.
 *
 * @param expiresAt null for the current secret; set on the previous one during a rotation's overlap
 */
public record SigningSecret(String sealed, Instant expiresAt) {
}
