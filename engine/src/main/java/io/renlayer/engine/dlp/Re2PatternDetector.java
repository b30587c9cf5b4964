package io.renlayer.engine.dlp;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * A tenant's own pattern. RE2/J matches in time linear in the input whatever the pattern, so a tenant cannot
 * stall the proxy with a catastrophic-backtracking regex.
 */
final class Re2PatternDetector implements TextDetector {

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
}
