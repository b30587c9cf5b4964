package io.renlayer.engine.dlp;

import com.fasterxml.jackson.databind.JsonNode;
import io.renlayer.schemas.config.CustomPattern;
import io.renlayer.schemas.config.DetectorSetting;
import io.renlayer.schemas.config.DlpAction;
import io.renlayer.schemas.events.DlpFinding;
import io.renlayer.schemas.json.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    private static final String CARD = "4111111111111111";
    private static final DlpScanner DEFAULTS = DlpScanner.compile(List.of(), List.of(), List.of());

    @Test
    void replacesOnlyTheMatchInsideTheJsonStringAndKeepsTheDocumentValid() throws Exception {
        String before = "{\"messages\":[{\"role\":\"user\",\"content\":\"pay with ";
        String after = " please\"}],\"n\":1}";

        DlpResult result = DEFAULTS.scan(before + CARD + after);

        assertThat(result.redacted()).isTrue();
        assertThat(text(result.body())).isEqualTo(before + "[REDACTED:payment_card]" + after);
        JsonNode parsed = Json.mapper().readTree(result.body());
        assertThat(parsed.at("/messages/0/content").asText()).isEqualTo("pay with [REDACTED:payment_card] please");
    }

    @Test
    void keepsEscapesAndMultiByteCharactersAroundTheMatchByteForByte() throws Exception {
        String before = "{\"t\":\"caf\\u00e9 \\\"q\\\" \\ud83d\\ude00 é😀\\n";
        String after = " fin \\\\ \u4e2d\"}";

        DlpResult result = DEFAULTS.scan((before + CARD + after).getBytes(StandardCharsets.UTF_8));

        assertThat(text(result.body())).isEqualTo(before + "[REDACTED:payment_card]" + after);
        assertThat(Json.mapper().readTree(result.body()).get("t").asText()).contains("[REDACTED:payment_card]").startsWith("café");
    }

    @Test
    void redactsSeveralMatchesInOneStringAndAcrossValues() {
        DlpResult result = DEFAULTS.scan("{\"a\":\"" + CARD + " and 123-45-6789\",\"b\":[\"x\",\"5105105105105100\"]}");

        assertThat(text(result.body())).isEqualTo(
                "{\"a\":\"[REDACTED:payment_card] and [REDACTED:us_ssn]\",\"b\":[\"x\",\"[REDACTED:payment_card]\"]}");
    }

    @Test
    void replacesANumberValueWithTheTypedPlaceholderString() throws Exception {
        DlpResult result = DEFAULTS.scan("{\"card\": " + CARD + ", \"n\": 2}");

        assertThat(text(result.body())).isEqualTo("{\"card\": \"[REDACTED:payment_card]\", \"n\": 2}");
        assertThat(Json.mapper().readTree(result.body()).get("n").asInt()).isEqualTo(2);
    }

    @Test
    void redactsRawTextWithoutTouchingOtherBytes() {
        byte[] body = ("naïve 😀 card " + CARD + " end").getBytes(StandardCharsets.UTF_8);

        assertThat(text(DEFAULTS.scan(body).body())).isEqualTo("naïve 😀 card [REDACTED:payment_card] end");
    }

    @Test
    void redactsBodiesThatAreNotUtf8WithoutRewritingTheirBytes() {
        byte[] body = ("\u00ff card " + CARD + " \u00fe").getBytes(StandardCharsets.ISO_8859_1);

        byte[] redacted = DEFAULTS.scan(body).body();

        assertThat(new String(redacted, StandardCharsets.ISO_8859_1)).isEqualTo("\u00ff card [REDACTED:payment_card] \u00fe");
    }

    @Test
    void leavesLogAndBlockFindingsInTheForwardedBody() {
        String body = "{\"a\":\"mail jane@example.com key AKIAIOSFODNN7EXAMPLE\"}";

        DlpResult result = DEFAULTS.scan(body);

        assertThat(result.findings()).hasSize(2);
        assertThat(result.redacted()).isFalse();
        assertThat(text(result.body())).isEqualTo(body);
    }

    @Test
    void returnsTheScannedArrayWhenNothingIsRedacted() {
        byte[] body = "{\"a\":\"nothing to see\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(DEFAULTS.scan(body).body()).isSameAs(body);
        assertThat(Redactor.redact(body, List.of())).isSameAs(body);
    }

    @Test
    void mergesOverlappingFindingsIntoOnePlaceholder() {
        DlpScanner scanner = DlpScanner.compile(List.of(), List.of(
                new CustomPattern("pat_01HX0000000000000000000000", "digits", "1111 [0-9]{4} 1111", DlpAction.REDACT, true)), List.of());

        DlpResult result = scanner.scan("{\"a\":\"x 4111 1111 1111 1111 y\"}");

        assertThat(result.findings()).hasSize(2);
        assertThat(text(result.body())).isEqualTo("{\"a\":\"x [REDACTED:payment_card] y\"}");
    }

    @Test
    void escapesTenantPatternNamesInsideJson() throws Exception {
        DlpScanner scanner = DlpScanner.compile(List.of(), List.of(
                new CustomPattern("pat_01HX0000000000000000000000", "a \"quoted\\name", "EMP-[0-9]{6}", DlpAction.REDACT, true)), List.of());

        DlpResult result = scanner.scan("{\"a\":\"id EMP-123456\"}");

        assertThat(Json.mapper().readTree(result.body()).get("a").asText()).isEqualTo("id [REDACTED:a \"quoted\\name]");
    }

    @Test
    void redactsEveryGivenFindingForACaptureSafeBody() {
        DlpScanner scanner = DlpScanner.compile(List.of(
                new DetectorSetting("det_00000000000000000000000004", "email", true, DlpAction.LOG)), List.of(), List.of());
        byte[] body = "{\"a\":\"mail jane@example.com\"}".getBytes(StandardCharsets.UTF_8);
        List<DlpFinding> findings = scanner.scan(body).findings();

        assertThat(text(Redactor.redact(body, findings))).isEqualTo("{\"a\":\"mail [REDACTED:email]\"}");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
