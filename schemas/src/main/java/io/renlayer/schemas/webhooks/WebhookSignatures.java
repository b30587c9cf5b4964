package io.renlayer.schemas.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;

/**
 * How a webhook delivery is signed: {@code X-RenLayer-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]} where
 * each hex is HMAC-SHA256, keyed with one of the tenant's active signing secrets, of {@code t + "." + body}
 * (the body's exact bytes). During a secret rotation there is one {@code v1} per active secret, so a receiver
 * holding either the old or the new secret accepts the delivery.
 */
public final class WebhookSignatures {

    /** The security event's id: the same on every retry of one delivery, for receivers to drop repeats. */
    public static final String EVENT_ID_HEADER = "X-RenLayer-Event-Id";
    /** The event type, e.g. {@code policy.denied}. */
    public static final String EVENT_TYPE_HEADER = "X-RenLayer-Event-Type";
    /** The signing time in unix seconds, also signed as {@code t}. */
    public static final String TIMESTAMP_HEADER = "X-RenLayer-Timestamp";
    public static final String SIGNATURE_HEADER = "X-RenLayer-Signature";

    /** The {@value #SIGNATURE_HEADER} value for {@code body} sent at {@code unixSeconds}. */
    public static String header(long unixSeconds, byte[] body, List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a delivery needs at least one signing secret");
        }
        StringBuilder header = new StringBuilder("t=").append(unixSeconds);
        for (String secret : secrets) {
            header.append(",v1=").append(HexFormat.of().formatHex(hmac(secret, unixSeconds, body)));
        }
        return header.toString();
    }

    /** HMAC-SHA256 of {@code unixSeconds + "." + body} under {@code secret}. */
    static byte[] hmac(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    private WebhookSignatures() {
    }
}
