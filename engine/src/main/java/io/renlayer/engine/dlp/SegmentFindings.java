package io.renlayer.engine.dlp;

import io.renlayer.schemas.events.DlpFinding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Gathers the matches of every detector over one segment and turns the ones that count into findings:
 * allow-listed values are dropped, and a fallback detector's match gives way to a specific one it overlaps
 * (an OpenAI key after "api_key=" is an openai_key finding, not also a generic_secret one).
 */
final class SegmentFindings implements MatchSink {

    private record Match(ActiveDetector detector, int start, int end, String value) {

        boolean overlaps(Match other) {
            return start < other.end && other.start < end;
        }
    }

    private final ScanText text;
    private final AllowListIndex allowList;
    private final List<Match> matches = new ArrayList<>(0);
    private ActiveDetector current;

    SegmentFindings(ScanText text, AllowListIndex allowList) {
        this.text = text;
        this.allowList = allowList;
    }

    void runAll(List<ActiveDetector> detectors) {
        for (ActiveDetector detector : detectors) {
            current = detector;
            detector.detector().detect(text, this);
        }
    }

    @Override
    public void match(int start, int end) {
        String value = text.text().substring(start, end);
        if (!allowList.allows(current.id(), value)) {
            matches.add(new Match(current, start, end, value));
        }
    }

    /** The findings, in text order; {@code segment} supplies their location (computed only if there are any). */
    List<DlpFinding> findings(Segment segment) {
        if (matches.isEmpty()) {
            return List.of();
        }
        String location = segment.location();
        return matches.stream()
                .filter(match -> !match.detector().fallback() || matches.stream()
                        .noneMatch(other -> !other.detector().fallback() && other.overlaps(match)))
                .sorted(Comparator.comparingInt(Match::start).thenComparingInt(Match::end))
                .map(match -> new DlpFinding(match.detector().id(), match.detector().name(), location,
                        match.start(), match.end(), match.detector().action(), Masking.mask(match.value())))
                .toList();
    }
}
