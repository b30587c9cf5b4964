package io.renlayer.api.api;

import java.time.Instant;

/** The only time a rotated signing secret is shown; the previous one still verifies until {@code previousExpiresAt}. */
public record SecretRotated(String signingSecret, Instant previousExpiresAt) {
}
