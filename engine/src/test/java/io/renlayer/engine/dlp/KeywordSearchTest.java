package io.renlayer.engine.dlp;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordSearchTest {

    private static final List<String> KEYWORDS = List.of("password", "passwd", "secret", "token", "api_key");
    private static final KeywordSearch SEARCH = new KeywordSearch(KEYWORDS);

    private static List<Integer> all(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        List<Integer> starts = new ArrayList<>();
        for (int at = SEARCH.next(bytes, 0); at >= 0; at = SEARCH.next(bytes, at + 1)) {
            starts.add(at);
        }
        return starts;
    }

    private static List<Integer> naive(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < lower.length(); i++) {
            int at = i;
            if (KEYWORDS.stream().anyMatch(k -> lower.startsWith(k, at))) {
                starts.add(i);
            }
        }
        return starts;
    }

    @Test
    void findsKeywordsInAnyCaseAndReportsTheirLength() {
        String text = "PASSWORD, PaSsWd and Secret; api_KEY but not api-key nor apikey";
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);

        assertThat(all(text)).containsExactly(0, 10, 21, 29);
        assertThat(SEARCH.lengthAt(bytes, 0)).isEqualTo(8);
        assertThat(SEARCH.lengthAt(bytes, 10)).isEqualTo(6);
        assertThat(SEARCH.lengthAt(bytes, 1)).isZero();
    }

    @Test
    void skippingNeverMissesAnOccurrence() {
        // Text built from keyword fragments, so that near misses and overlaps are frequent.
        String[] pieces = {"pass", "word", "wd", "sec", "ret", "tok", "en", "api", "_key", "to", "ken", " ", "x", "PASS", "Token"};
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 60; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertThat(all(text.toString())).as(text.toString()).isEqualTo(naive(text.toString()));
        }
    }

    @Test
    void handlesTextsShorterThanTheShortestKeyword() {
        assertThat(all("")).isEmpty();
        assertThat(all("tok")).isEmpty();
        assertThat(all("token")).containsExactly(0);
    }
}
