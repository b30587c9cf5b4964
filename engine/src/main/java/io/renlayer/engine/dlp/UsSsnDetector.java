package io.renlayer.engine.dlp;

import java.util.Set;

import static io.renlayer.engine.dlp.Prefilter.Anchor.DIGIT_RUN;

/**
 * US Social Security numbers written {@code AAA-GG-SSSS} (or with spaces, consistently). Numbers the SSA never
 * issues are excluded: area 000, 666 and 900–999, group 00, serial 0000. Bare 9-digit runs are not matched:
 * they are far more often ids than SSNs.
 */
final class UsSsnDetector implements TextDetector {

    private static final int LENGTH = 11;

    @Override
    public Set<Prefilter.Anchor> anchors() {
        return Set.of(DIGIT_RUN);
    }

    @Override
    public void detect(ScanText text, MatchSink sink) {
        String s = text.text();
        Prefilter anchors = text.prefilter();
        for (int r = 0; r < anchors.count(DIGIT_RUN); r++) {
            int start = anchors.at(DIGIT_RUN, r);
            if (start + LENGTH > s.length()) {
                return;
            }
            if (isSsnAt(s, start)) {
                sink.match(start, start + LENGTH);
            }
        }
    }

    @Override
    public int holdFrom(ScanText text) {
        // The number and the two characters after it that decide whether it continues.
        return TrailingRun.firstStart(text.text(), LENGTH + 2, Chars::mayContinueNumber, Chars::isDigit);
    }

    private static boolean isSsnAt(String s, int start) {
        char separator = s.charAt(start + 3);
        if ((separator != '-' && separator != ' ') || s.charAt(start + 6) != separator
                || !digits(s, start, 3) || !digits(s, start + 4, 2) || !digits(s, start + 7, 4)
                || !Chars.isNumberBoundaryBefore(s, start) || !Chars.isNumberBoundaryAfter(s, start + LENGTH)) {
            return false;
        }
        int area = Integer.parseInt(s, start, start + 3, 10);
        int group = Integer.parseInt(s, start + 4, start + 6, 10);
        int serial = Integer.parseInt(s, start + 7, start + 11, 10);
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
    }

    private static boolean digits(String s, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (!Chars.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
