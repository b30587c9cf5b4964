package io.renlayer.engine.dlp;

import io.renlayer.schemas.config.AllowList;
import io.renlayer.schemas.config.CustomPattern;
import io.renlayer.schemas.config.DetectorSetting;
import io.renlayer.schemas.config.DlpAction;
import io.renlayer.schemas.events.DlpFinding;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class DlpScannerTest {

    private static final String CARD = "4111 1111 1111 1111";
    private static final String AWS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String PAYMENT_CARD_ID = "det_00000000000000000000000001";
    private static final String EMAIL_ID = "det_00000000000000000000000004";

    private static DlpScanner defaults() {
        return DlpScanner.compile(List.of(), List.of(), List.of());
    }

    @Test
    void locatesFindingsInJsonByPointerWithOffsetsInsideTheString() {
        String content = "my card is " + CARD + ", thanks";
        DlpResult result = defaults().scan("{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"hi\"},"
                + "{\"role\":\"user\",\"content\":\"" + content + "\"}]}");

        DlpFinding finding = result.findings().getFirst();
        assertThat(result.findings()).hasSize(1);
        assertThat(finding.location()).isEqualTo("/messages/1/content");
        assertThat(content.substring(finding.start(), finding.end())).isEqualTo(CARD);
        assertThat(finding.detectorId()).isEqualTo(PAYMENT_CARD_ID);
        assertThat(finding.detectorName()).isEqualTo("payment_card");
        assertThat(finding.action()).isEqualTo(DlpAction.REDACT);
    }

    @Test
    void escapesPointerTokens() {
        DlpResult result = defaults().scan("{\"a/b\":{\"c~d\":[\"x\",\"" + CARD + "\"]}}");

        assertThat(result.findings()).extracting(DlpFinding::location).containsExactly("/a~1b/c~0d/1");
    }

    @Test
    void decodesJsonEscapesBeforeMatchingSoOffsetsAreInTheDecodedString() {
        // \u0034 is "4": an escaped card is still a card.
        DlpResult result = defaults().scan("{\"t\":\"caf\\u00e9\\n\\u0034" + "1".repeat(15) + "\"}");

        DlpFinding finding = result.findings().getFirst();
        assertThat(finding.location()).isEqualTo("/t");
        assertThat(finding.start()).isEqualTo(5);
        assertThat(finding.end()).isEqualTo(21);
    }

    @Test
    void scansJsonNumbers() {
        DlpResult result = defaults().scan("{\"card\":4111111111111111}");

        assertThat(result.findings()).extracting(DlpFinding::location).containsExactly("/card");
    }

    @Test
    void scansNonJsonAsTextWithLocationBody() {
        DlpResult result = defaults().scan("card=" + CARD);

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("body");
            assertThat(f.start()).isEqualTo(5);
            assertThat(f.end()).isEqualTo(5 + CARD.length());
        });
    }

    @Test
    void fallsBackToTextForMalformedOrMultiDocumentJson() {
        assertThat(defaults().scan("{\"a\":\"" + CARD + "\"").findings()).extracting(DlpFinding::location).containsExactly("body");
        assertThat(defaults().scan("{\"a\":1}\n{\"b\":\"" + CARD + "\"}").findings()).extracting(DlpFinding::location).containsExactly("body");
    }

    @Test
    void scansBodiesThatAreNotUtf8ByteForByte() {
        byte[] body = ("\u00ff\u00fe card " + CARD).getBytes(StandardCharsets.ISO_8859_1);

        DlpResult result = defaults().scan(body);

        assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.start()).isEqualTo(8));
    }

    @Test
    void masksFindingsAndNeverCarriesTheValue() {
        DlpScanner scanner = DlpScanner.compile(List.of(), List.of(
                new CustomPattern("pat_01HX0000000000000000000000", "short_code", "CODE-[0-9]{3}", DlpAction.LOG, true)), List.of());

        DlpResult result = scanner.scan("{\"a\":\"" + AWS_KEY + " CODE-123\"}");

        assertThat(result.findings()).extracting(DlpFinding::masked).containsExactly("AK…LE", "****");
        assertThat(result.findings()).allSatisfy(f -> {
            assertThat(f.toString()).doesNotContain(AWS_KEY).doesNotContain("CODE-123");
        });
    }

    @Test
    void reportsBlockedWhenAnyFindingBlocks() {
        DlpResult clean = defaults().scan("{\"q\":\"what is the weather\"}");
        DlpResult withKey = defaults().scan("{\"q\":\"use " + AWS_KEY + "\"}");

        assertThat(clean.blocked()).isFalse();
        assertThat(clean.findings()).isEmpty();
        assertThat(withKey.blocked()).isTrue();
        assertThat(withKey.findings()).extracting(DlpFinding::action).containsExactly(DlpAction.BLOCK);
    }

    @Test
    void appliesTenantSettingsOverDefaults() {
        DlpScanner scanner = DlpScanner.compile(List.of(
                new DetectorSetting(PAYMENT_CARD_ID, "payment_card", true, DlpAction.BLOCK),
                new DetectorSetting(EMAIL_ID, "email", false, DlpAction.LOG),
                new DetectorSetting("det_00000000000000000000000006", "ipv4", true, DlpAction.LOG)), List.of(), List.of());

        DlpResult result = scanner.scan("card " + CARD + " mail a@example.com host 10.1.2.3");

        assertThat(result.findings()).extracting(DlpFinding::detectorName).containsExactly("payment_card", "ipv4");
        assertThat(result.blocked()).isTrue();
    }

    @Test
    void allowListsSuppressExactValuesForTheirDetectorsOnly() {
        AllowList forEmail = new AllowList("allow_01HX0000000000000000000000", "support", List.of("support@renlayer.io"), List.of(EMAIL_ID));
        AllowList forCardsOnly = new AllowList("allow_01HX0000000000000000000001", "cards", List.of("ops@renlayer.io"), List.of(PAYMENT_CARD_ID));
        DlpScanner scanner = DlpScanner.compile(List.of(), List.of(), List.of(forEmail, forCardsOnly));

        DlpResult result = scanner.scan("support@renlayer.io ops@renlayer.io jane@renlayer.io");

        assertThat(result.findings()).extracting(DlpFinding::masked).containsExactly("op…io", "ja…io");
    }

    @Test
    void anAllowListWithoutDetectorsAppliesToAll() {
        AllowList testCard = new AllowList("allow_01HX0000000000000000000000", "test card", List.of(CARD), List.of());
        DlpScanner scanner = DlpScanner.compile(List.of(), List.of(), List.of(testCard));

        assertThat(scanner.scan("card " + CARD).findings()).isEmpty();
        assertThat(scanner.scan("card 5105105105105100").findings()).hasSize(1);
    }

    @Test
    void aSpecificFindingReplacesTheGenericSecretOverTheSameCharacters() {
        String key = "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z";

        DlpResult result = defaults().scan("api_key=" + key + " password=Xk9mP2vL8qR4nW7zT1bY");

        assertThat(result.findings()).extracting(DlpFinding::detectorName).containsExactly("openai_key", "generic_secret");
    }

    @Test
    void runsCustomRe2Patterns() {
        DlpScanner scanner = DlpScanner.compile(List.of(), List.of(
                new CustomPattern("pat_01HX0000000000000000000000", "employee_id", "EMP-\\d{6}", DlpAction.BLOCK, true),
                new CustomPattern("pat_01HX0000000000000000000001", "disabled", "hello", DlpAction.BLOCK, false)), List.of());

        DlpResult result = scanner.scan("{\"note\":\"hello EMP-123456 and EMP-12\"}");

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.detectorId()).isEqualTo("pat_01HX0000000000000000000000");
            assertThat(f.detectorName()).isEqualTo("employee_id");
            assertThat(f.start()).isEqualTo(6);
            assertThat(f.end()).isEqualTo(16);
        });
        assertThat(result.blocked()).isTrue();
    }

    @Test
    void aCatastrophicBacktrackingPatternStaysLinear() {
        DlpScanner scanner = DlpScanner.compile(List.of(), List.of(
                new CustomPattern("pat_01HX0000000000000000000000", "evil", "(a+)+$", DlpAction.LOG, true)), List.of());
        String input = "a".repeat(200_000) + "!";

        DlpResult result = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> scanner.scan(input));

        assertThat(result.findings()).isEmpty();
    }

    @Test
    void patternsThatMatchEmptyStringsReportNothingEmpty() {
        DlpScanner scanner = DlpScanner.compile(List.of(), List.of(
                new CustomPattern("pat_01HX0000000000000000000000", "stars", "x*", DlpAction.LOG, true)), List.of());

        assertThat(scanner.scan("abxxc").findings()).singleElement()
                .satisfies(f -> assertThat(f.end() - f.start()).isEqualTo(2));
    }

    @Test
    void refusesToCompileAnInvalidPattern() {
        List<CustomPattern> broken = List.of(new CustomPattern("pat_01HX0000000000000000000000", "broken", "(abc", DlpAction.LOG, true));

        assertThatThrownBy(() -> DlpScanner.compile(List.of(), broken, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pat_01HX0000000000000000000000")
                .hasMessageContaining("missing closing )");
    }
}
