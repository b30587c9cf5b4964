package io.renlayer.engine.dlp;

import io.renlayer.engine.dlp.AnchoredWords.Word;
import io.renlayer.engine.dlp.Prefilter.Anchor;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class PrefilterTest {

    private static final AnchoredWords KEYWORDS = GenericSecretDetector.KEYWORDS;

    @Test
    void neverMissesAPlaceAMatchCanStartFrom() {
        // Built from fragments of literals and keywords, so that near misses and overlaps are frequent.
        String[] pieces = {"pass", "word", "wd", "sec", "ret", "tok", "en", "api", "_key", "-key", "key", "acce", "ss",
            "priv", "ate", "PASS", "Token", "AKIA", "AS", "IA", "AIza", "gh", "p_", "github_pat_", "xox", "b-", "sk",
            "_", "-", "rk", "eyJ", "--", "---BEGIN ", "@", ":", "4", "12", " ", "x", "é", "😀"};
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 60; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            ScanText scanText = new ScanText(text.toString(), null);
            Prefilter prefilter = scanText.prefilter();
            String s = text.toString();

            assertThat(positions(prefilter, Anchor.DIGIT_RUN)).as(s).isEqualTo(digitRunStarts(s));
            assertThat(positions(prefilter, Anchor.AT_SIGN)).as(s).isEqualTo(occurrences(s, List.of("@")));
            assertThat(positions(prefilter, Anchor.COLON)).as(s).isEqualTo(occurrences(s, List.of(":")));
            assertThat(positions(prefilter, Anchor.LITERAL)).as(s).isEqualTo(occurrences(s, DetectorCatalogue.literals()));
            assertThat(positions(prefilter, Anchor.KEYWORD)).as(s).isEqualTo(
                    occurrences(s.toLowerCase(Locale.ROOT), KEYWORDS.all().stream().map(Word::text).toList()));
        }
    }

    @Test
    void matchesKeywordsInAnyCaseFromTheirAnchorPair() {
        byte[] text = "PASSWORD, PaSsWd and Secret; api_KEY".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(KEYWORDS.anchoredAt(text, 3)).extracting(Word::text).isEqualTo("password");
        assertThat(KEYWORDS.anchoredAt(text, 13)).extracting(Word::text).isEqualTo("passwd");
        assertThat(KEYWORDS.anchoredAt(text, 23)).extracting(Word::text).isEqualTo("secret");
        assertThat(KEYWORDS.startingAt(text, 29)).extracting(Word::text).isEqualTo("api_key");
        assertThat(KEYWORDS.anchoredAt(text, 2)).isNull();
    }

    @Test
    void anchorsLiteralsOnTheirFirstPairThatIsNotTwoLowerCaseLetters() {
        AnchoredWords literals = AnchoredWords.literals(List.of("eyJ", "ghp_", "github_pat_", "xox", "AKIA", "sk-"));

        assertThat(literals.all()).extracting(Word::anchor).containsExactly("yJ", "p_", "b_", "xo", "AK", "k-");
    }

    @Test
    void handlesTextsShorterThanAnyAnchor() {
        assertThat(positions(new ScanText("", null).prefilter(), Anchor.KEYWORD)).isEmpty();
        assertThat(positions(new ScanText("tok", null).prefilter(), Anchor.KEYWORD)).isEmpty();
        assertThat(positions(new ScanText("token", null).prefilter(), Anchor.KEYWORD)).containsExactly(0);
        assertThat(positions(new ScanText("y", null).prefilter(), Anchor.LITERAL)).isEmpty();
    }

    private static Set<Integer> positions(Prefilter prefilter, Anchor anchor) {
        Set<Integer> positions = new TreeSet<>();
        for (int i = 0; i < prefilter.count(anchor); i++) {
            positions.add(prefilter.at(anchor, i));
        }
        return positions;
    }

    private static Set<Integer> digitRunStarts(String s) {
        Set<Integer> starts = new TreeSet<>();
        for (int i = 0; i < s.length(); i++) {
            if (Chars.isDigit(s.charAt(i)) && (i == 0 || !Chars.isDigit(s.charAt(i - 1)))) {
                starts.add(i);
            }
        }
        return starts;
    }

    private static Set<Integer> occurrences(String s, List<String> needles) {
        List<Integer> found = new ArrayList<>();
        for (String needle : needles) {
            for (int at = s.indexOf(needle); at >= 0; at = s.indexOf(needle, at + 1)) {
                found.add(at);
            }
        }
        return new TreeSet<>(found);
    }
}
