package io.renlayer.engine.dlp;

import io.renlayer.schemas.config.AllowList;
import io.renlayer.schemas.config.CustomPattern;
import io.renlayer.schemas.config.DetectorSetting;
import io.renlayer.schemas.config.DlpAction;
import io.renlayer.schemas.events.DlpFinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class StreamingDlpScannerTest {

    private static final String CARD = "4111 1111 1111 1111";
    private static final String OPENAI_KEY = "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z";
    private static final String EMAIL = "jane.doe@example.com";
    private static final String PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM\n"
            + "Zx8vB3nM5qW1eR7tY2uI9oP4==\n-----END RSA PRIVATE KEY-----";
    private static final DlpScanner DEFAULTS = DlpScanner.compile(List.of(), List.of(), List.of());
    /** The four detectors under test set to redact, so that a split match shows in the output. */
    private static final DlpScanner REDACTING = DlpScanner.compile(List.of(
            redact("det_00000000000000000000000001", "payment_card"), redact("det_00000000000000000000000004", "email"),
            redact("det_0000000000000000000000000C", "openai_key"), redact("det_0000000000000000000000000F", "pem_private_key")),
            List.of(), List.of());

    private static final DlpScanner EVERY_DETECTOR_REDACTS = DlpScanner.compile(DetectorCatalogue.all().stream()
            .map(d -> redact(d.id(), d.name())).toList(), List.of(), List.of());

    private record Streamed(byte[] body, List<DlpFinding> findings, boolean blocked, List<byte[]> released) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {CARD, OPENAI_KEY, EMAIL, PEM})
    void aMatchSplitAtAnyByteIsRedactedAsInTheWholeBody(String secret) {
        byte[] body = utf8("naïve 😀 prefix, then " + secret + " and a suffix.\n");
        DlpResult whole = REDACTING.scan(body);
        assertThat(whole.findings()).hasSize(1);

        for (int split = 0; split <= body.length; split++) {
            Streamed streamed = stream(REDACTING, body, split);

            assertThat(streamed.body()).as("split at %d", split).isEqualTo(whole.body());
            assertThat(streamed.findings()).as("split at %d", split).isEqualTo(whole.findings());
            assertThat(streamed.text()).doesNotContain(secret);
        }
    }

    @Test
    void aStreamFedByteByByteEqualsTheWholeBodyScan() {
        DlpScanner scanner = DlpScanner.compile(List.of(
                redact("det_0000000000000000000000000C", "openai_key"), redact("det_00000000000000000000000006", "ipv4"),
                redact("det_0000000000000000000000000F", "pem_private_key")),
                List.of(new CustomPattern("pat_01HX0000000000000000000000", "employee_id", "EMP-\\d{6}", DlpAction.REDACT, true)),
                List.of());
        byte[] body = utf8("Card " + CARD + ", mail " + EMAIL + " (中文), key " + OPENAI_KEY + ", host 10.0.0.12, "
                + "call +44 20 7946 0958, IBAN DE89 3704 0044 0532 0130 00, SSN 123-45-6789, EMP-123456.\n"
                + "password: Zx8vB3nM5qW1eR7tY2uI9oP4 " + PEM + " done");
        DlpResult whole = scanner.scan(body);

        Streamed streamed = stream(scanner, body, everyByte(body.length));

        assertThat(streamed.text()).isEqualTo(new String(whole.body(), StandardCharsets.UTF_8));
        assertThat(streamed.findings()).isEqualTo(whole.findings()).hasSize(11);
    }

    /**
     * Texts where a match depends on text far before it: a generic secret whose keyword lies inside an earlier
     * secret, a keyword at the very start of the look-behind, a fallback match held back by an email that later
     * text undoes.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "x access_keysk_live_4eC39HqLyjWDarjtT1zdp7dc_5500-0000-0000-0004api-keyésk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z"
                + "PASSWD=GB82WEST12345698765432apikey::api-keylookask10.20.30.40",
        "x a8f5f167f44f4964e6c998dee827110capi-key2024askaccess_keyGB82WEST12345698765432tokenfe80::a00:27ff:fe4e:66a1"
                + "é-|xoxAIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Qrk_test_51H8x2LkqW9vZ0aBcDeFgHiJ@x@y.ioapikey 5500-0000",
        "x password😀jane.doe@example.com the(415) 555-2671access_key@x@y.io12-work"})
    void aMatchThatDependsOnEarlierTextIsTheSameInAStream(String text) {
        byte[] body = utf8(text);
        DlpResult whole = EVERY_DETECTOR_REDACTS.scan(body);

        for (int split = 0; split <= body.length; split++) {
            Streamed streamed = stream(EVERY_DETECTOR_REDACTS, body, split);

            assertThat(streamed.findings()).as("split at %d", split).isEqualTo(whole.findings());
            assertThat(streamed.body()).as("split at %d", split).isEqualTo(whole.body());
        }
    }

    @Test
    void randomTextsInRandomChunksComeOutAsFromTheWholeBodyScan() {
        String[] pieces = {CARD, "5500-0000-0000-0004", "DE89 3704 0044 0532 0130 00", "123-45-6789", EMAIL, "x@y.io",
            "+1 415 555 2671", "(415) 555-2671", "10.20.30.40", "fe80::a00:27ff:fe4e:66a1", "AKIAIOSFODNN7EXAMPLE",
            OPENAI_KEY, "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8", PEM,
            "-----BEGIN ", "password", "Password: ", "token", "api_key", "Zx8vB3nM5qW1eR7tY2uI9oP4", "@", ":", "-", ".",
            " ", " ", "\n", "the", "they", "é", "😀", "12", "x", "_", "sk", "eyJ"};
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i >= 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] body = utf8(text.toString());
            int[] cuts = random.ints(random.nextInt(12), 0, body.length + 1).sorted().toArray();

            Streamed streamed = stream(EVERY_DETECTOR_REDACTS, body, cuts);

            DlpResult whole = EVERY_DETECTOR_REDACTS.scan(body);
            assertThat(streamed.findings()).as(text.toString()).isEqualTo(whole.findings());
            assertThat(streamed.body()).as(text.toString()).isEqualTo(whole.body());
        }
    }

    @Test
    void releasesCleanTextAtOnceButForAShortTrailingCandidate() {
        StreamingDlpScanner scanner = DEFAULTS.newStreamScanner();

        String first = "The weather is nice, and the order number is ";
        String second = "42 as planned. We ship on 2024-05-01 from Lyon";
        String released = new String(scanner.feed(utf8(first), 0, first.length()), StandardCharsets.UTF_8);
        String next = new String(scanner.feed(utf8(second), 0, second.length()), StandardCharsets.UTF_8);

        assertThat(released).isEqualTo(first);
        assertThat(released + next).isEqualTo(first + second.substring(0, second.length() - "Lyon".length()));
        assertThat(new String(scanner.finish(), StandardCharsets.UTF_8)).isEqualTo("Lyon");
    }

    @Test
    void releasesAServerSentEventWhole() {
        byte[] event = utf8("data: {\"choices\":[{\"delta\":{\"content\":\"Hello 4111\"}}],\"created\":1694268190}\n\n");

        assertThat(DEFAULTS.newStreamScanner().feed(event, 0, event.length)).isEqualTo(event);
    }

    @Test
    void aBlockFindingStopsTheStreamAtTheMatch() {
        byte[] body = utf8("here is " + OPENAI_KEY + " and the rest");
        StreamingDlpScanner scanner = DEFAULTS.newStreamScanner();

        byte[] first = scanner.feed(body, 0, 20);
        byte[] second = scanner.feed(body, 20, body.length - 20);

        assertThat(new String(concat(List.of(first, second)), StandardCharsets.UTF_8)).isEqualTo("here is ");
        assertThat(scanner.blocked()).isTrue();
        assertThat(scanner.findings()).extracting(DlpFinding::detectorName).containsExactly("openai_key");
        assertThat(scanner.feed(body, 0, body.length)).isEmpty();
        assertThat(scanner.finish()).isEmpty();
    }

    @Test
    void neverSplitsAMultiByteCharacter() {
        byte[] body = utf8("é 😀 中文 — ünïcödé 4111111111111111 😀");

        for (int split = 0; split <= body.length; split++) {
            Streamed streamed = stream(DEFAULTS, body, split);

            assertThat(streamed.text()).isEqualTo("é 😀 中文 — ünïcödé [REDACTED:payment_card] 😀");
            assertThat(streamed.released()).allSatisfy(chunk ->
                    assertThat(utf8(new String(chunk, StandardCharsets.UTF_8))).isEqualTo(chunk));
        }
    }

    @Test
    void respectsAllowListsAndDisabledDetectors() {
        DlpScanner scanner = DlpScanner.compile(
                List.of(new DetectorSetting("det_00000000000000000000000001", "payment_card", false, DlpAction.REDACT)),
                List.of(),
                List.of(new AllowList("allow_01HX0000000000000000000000", "support", List.of("support@renlayer.io"), List.of())));
        byte[] body = utf8("card " + CARD + ", write to support@renlayer.io or " + EMAIL + ".");

        for (int split = 0; split <= body.length; split++) {
            Streamed streamed = stream(scanner, body, split);

            assertThat(streamed.body()).isEqualTo(body);
            assertThat(streamed.findings()).extracting(DlpFinding::masked).containsExactly("ja…om");
        }
    }

    @Test
    void findingsNeverCarryTheSecret() {
        byte[] body = utf8(CARD + " " + OPENAI_KEY + " " + EMAIL + " " + PEM);

        Streamed streamed = stream(REDACTING, body, everyByte(body.length));

        assertThat(streamed.findings()).hasSize(4).allSatisfy(finding -> assertThat(finding.toString())
                .doesNotContain(CARD).doesNotContain(OPENAI_KEY).doesNotContain(EMAIL).doesNotContain("MIIEpAIBAAKCAQEA"));
    }

    @Test
    void holdsBackNoMoreThanTheLimitAndStillBlocksAKeyTooLongToHold() {
        String base64 = "MIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM\n".repeat(200);
        byte[] body = utf8("text -----BEGIN PRIVATE KEY-----\n" + base64);
        StreamingDlpScanner scanner = DEFAULTS.newStreamScanner(1024);

        int sent = 0;
        for (int offset = 0; offset < body.length && !scanner.blocked(); offset += 100) {
            sent += scanner.feed(body, offset, Math.min(100, body.length - offset)).length;
            assertThat(Math.min(body.length, offset + 100) - sent).isLessThanOrEqualTo(1024 + 100);
        }

        assertThat(scanner.blocked()).isTrue();
        assertThat(sent).isEqualTo("text ".length());
    }

    private static Streamed stream(DlpScanner scanner, byte[] body, int... cuts) {
        StreamingDlpScanner stream = scanner.newStreamScanner();
        List<byte[]> released = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            released.add(stream.feed(body, from, cut - from));
            from = cut;
        }
        released.add(stream.feed(body, from, body.length - from));
        released.add(stream.finish());
        return new Streamed(concat(released), stream.findings(), stream.blocked(), released);
    }

    private static int[] everyByte(int length) {
        return IntStream.range(1, length).toArray();
    }

    private static byte[] concat(List<byte[]> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static DetectorSetting redact(String id, String name) {
        return new DetectorSetting(id, name, true, DlpAction.REDACT);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
