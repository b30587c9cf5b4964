package io.renlayer.engine.dlp;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * A tenant's own pattern. RE2/J matches in time linear in the input whatever the pattern, so a tenant cannot
 * stall the proxy with a catastrophic-backtracking regex.
 *
 * <p>In a stream, RE2/J cannot tell whether more text could still complete a match, so the last
 * {@value #STREAM_REACH} characters are held back whenever a tenant has a custom pattern, and a custom match
 * longer than that may be missed when it arrives split.
 */
final class Re2PatternDetector implements TextDetector {

    static final int STREAM_REACH = 256;

    private final Pattern pattern;

    Re2PatternDetector(Pattern pattern) {
        this.pattern = pattern;
    }

    @Override
    public void detect(ScanText text, MatchSink sink) {
        Matcher matcher = pattern.matcher(text.text());
        while (matcher.find()) {
            // An empty match holds no data. Validation rejects such patterns, but a snapshot may predate that rule.
            if (matcher.end() > matcher.start()) {
                sink.match(matcher.start(), matcher.end());
            }
        }
    }

    @Override
    public int holdFrom(ScanText text) {
        return Math.max(0, text.text().length() - STREAM_REACH);
    }
}
