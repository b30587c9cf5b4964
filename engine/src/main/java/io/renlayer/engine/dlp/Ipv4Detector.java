package io.renlayer.engine.dlp;

import java.util.Set;

import static io.renlayer.engine.dlp.Prefilter.Anchor.DIGIT_RUN;

/**
 * Dotted-quad IPv4 addresses: four octets 0–255 without leading zeros, not part of a longer dotted number
 * (so {@code 1.2.3.4.5} is not an address).
 */
final class Ipv4Detector implements TextDetector {

    /** {@code 255.255.255.255} and the two characters after it that decide whether the number continues. */
    private static final int READ_AT_MOST = 17;

    @Override
    public Set<Prefilter.Anchor> anchors() {
        return Set.of(DIGIT_RUN);
    }

    @Override
    public void detect(ScanText text, MatchSink sink) {
        String s = text.text();
        if (s.indexOf('.') < 0) {
            return;
        }
        Prefilter anchors = text.prefilter();
        int consumedUntil = 0;
        for (int r = 0; r < anchors.count(DIGIT_RUN); r++) {
            int start = anchors.at(DIGIT_RUN, r);
            if (start < consumedUntil || !Chars.isNumberBoundaryBefore(s, start)) {
                continue;
            }
            int end = addressEnd(s, start);
            if (end > 0) {
                sink.match(start, end);
                consumedUntil = end;
            }
        }
    }

    @Override
    public int holdFrom(ScanText text) {
        return TrailingRun.firstStart(text.text(), READ_AT_MOST, Chars::mayContinueNumber, Chars::isDigit);
    }

    private static int addressEnd(String s, int start) {
        int pos = start;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (pos >= s.length() || s.charAt(pos) != '.') {
                    return -1;
                }
                pos++;
            }
            int digitsStart = pos;
            int value = 0;
            while (pos < s.length() && pos - digitsStart < 3 && Chars.isDigit(s.charAt(pos))) {
                value = value * 10 + s.charAt(pos++) - '0';
            }
            int length = pos - digitsStart;
            if (length == 0 || value > 255 || (length > 1 && s.charAt(digitsStart) == '0')) {
                return -1;
            }
        }
        return Chars.isNumberBoundaryAfter(s, pos) ? pos : -1;
    }
}
