package io.renlayer.schemas.webhooks;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks a webhook delivery on the receiving side: the {@code X-RenLayer-Signature} header must carry a
 * {@code v1} that is the HMAC of {@code t + "." + body} under one of the receiver's secrets (compared in constant
 * time), and {@code t} must be within the tolerance of the receiver's clock, so that a captured delivery cannot be
 * replayed later. Pass the raw body bytes, before any JSON parsing. Receivers should also drop a repeated
 * {@code X-RenLayer-Event-Id}: retries of one delivery carry the same id.
 */
public final class WebhookVerifier {

    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    /** Why a delivery was rejected; the message never contains a secret. */
    public static final class Rejected extends Exception {
        Rejected(String message) {
            super(message);
        }
    }

    private final List<String> secrets;
    private final Duration tolerance;
    private final Clock clock;

    /** @param secrets the tenant's signing secrets the receiver accepts (both, during a rotation) */
    public WebhookVerifier(List<String> secrets, Duration tolerance, Clock clock) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a verifier needs at least one secret");
        }
        this.secrets = List.copyOf(secrets);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    public WebhookVerifier(String secret) {
        this(List.of(secret), DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    /** @throws Rejected when the header is malformed, no signature matches, or the timestamp is out of tolerance */
    public void verify(String signatureHeader, byte[] body) throws Rejected {
        if (signatureHeader == null) {
            throw new Rejected("no " + WebhookSignatures.SIGNATURE_HEADER + " header");
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : signatureHeader.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length != 2) {
                throw new Rejected("malformed signature header");
            }
            try {
                switch (pair[0]) {
                    case "t" -> timestamp = Long.parseLong(pair[1]);
                    case "v1" -> signatures.add(HexFormat.of().parseHex(pair[1]));
                    default -> { } // a future scheme (v2…) this verifier does not know
                }
            } catch (IllegalArgumentException e) {
                throw new Rejected("malformed signature header");
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw new Rejected("signature header lacks t or v1");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - timestamp);
        if (skew > tolerance.toSeconds()) {
            throw new Rejected("timestamp outside the tolerance of " + tolerance.toSeconds() + " s");
        }
        for (String secret : secrets) {
            byte[] expected = WebhookSignatures.hmac(secret, timestamp, body);
            for (byte[] signature : signatures) {
                if (MessageDigest.isEqual(expected, signature)) {
                    return;
                }
            }
        }
        throw new Rejected("no signature matches");
    }
}
