package io.renlayer.schemas.webhooks;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final long T = NOW.getEpochSecond();
    private static final byte[] BODY = "{\"class_uid\":4002,\"message\":\"Policy denied\"}".getBytes(StandardCharsets.UTF_8);
    private static final String SECRET = "whsec_current";
    private static final String OLD_SECRET = "whsec_previous";

    /** The receiver's side, written from the documented algorithm and nothing of the code under test. */
    private static String independentHmac(String secret, long t, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static WebhookVerifier verifierAt(Instant now, String... secrets) {
        return new WebhookVerifier(List.of(secrets), WebhookVerifier.DEFAULT_TOLERANCE, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void theHeaderCarriesOneDocumentedSignaturePerActiveSecret() throws Exception {
        String header = WebhookSignatures.header(T, BODY, List.of(SECRET, OLD_SECRET));

        assertThat(header).isEqualTo("t=" + T + ",v1=" + independentHmac(SECRET, T, BODY)
                + ",v1=" + independentHmac(OLD_SECRET, T, BODY));
    }

    @Test
    void acceptsAGenuineDeliveryWithEitherSecretOfARotation() {
        String header = WebhookSignatures.header(T, BODY, List.of(SECRET, OLD_SECRET));

        assertThatCode(() -> verifierAt(NOW, SECRET).verify(header, BODY)).doesNotThrowAnyException();
        assertThatCode(() -> verifierAt(NOW, OLD_SECRET).verify(header, BODY)).doesNotThrowAnyException();
        assertThatCode(() -> verifierAt(NOW.plusSeconds(299), SECRET).verify(header, BODY)).doesNotThrowAnyException();
    }

    @Test
    void rejectsATamperedBody() {
        String header = WebhookSignatures.header(T, BODY, List.of(SECRET));
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("4002", "4001").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> verifierAt(NOW, SECRET).verify(header, tampered))
                .isInstanceOf(WebhookVerifier.Rejected.class).hasMessage("no signature matches");
    }

    @Test
    void rejectsAWrongSecretAndARewrittenTimestamp() throws Exception {
        String header = WebhookSignatures.header(T, BODY, List.of(SECRET));
        String signature = independentHmac(SECRET, T, BODY);

        assertThatThrownBy(() -> verifierAt(NOW, "whsec_other").verify(header, BODY))
                .isInstanceOf(WebhookVerifier.Rejected.class);
        // Moving t forward to pass the tolerance check breaks the signature, which covers t.
        assertThatThrownBy(() -> verifierAt(NOW.plusSeconds(3600), SECRET)
                .verify("t=" + (T + 3600) + ",v1=" + signature, BODY))
                .isInstanceOf(WebhookVerifier.Rejected.class).hasMessage("no signature matches");
    }

    @Test
    void rejectsAReplayOutsideTheTolerance() {
        String header = WebhookSignatures.header(T, BODY, List.of(SECRET));

        assertThatThrownBy(() -> verifierAt(NOW.plus(Duration.ofSeconds(301)), SECRET).verify(header, BODY))
                .isInstanceOf(WebhookVerifier.Rejected.class).hasMessageContaining("tolerance");
        assertThatThrownBy(() -> verifierAt(NOW.minus(Duration.ofSeconds(301)), SECRET).verify(header, BODY))
                .isInstanceOf(WebhookVerifier.Rejected.class).hasMessageContaining("tolerance");
    }

    @Test
    void rejectsMalformedHeaders() {
        for (String header : new String[] {null, "", "t=abc,v1=00", "v1=" + "00".repeat(32), "t=" + T, "t=" + T + ",v1=zz", "garbage"}) {
            assertThatThrownBy(() -> verifierAt(NOW, SECRET).verify(header, BODY)).as(String.valueOf(header))
                    .isInstanceOf(WebhookVerifier.Rejected.class);
        }
    }
}
