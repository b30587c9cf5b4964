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

    /** @param allowed on an allow list: no finding, but the detector did match, which its next matches depend on */
    private record Match(ActiveDetector detector, int index, int start, int end, String value, boolean allowed) {

        boolean overlaps(Match other) {
            return start < other.end && other.start < end;
        }
    }

    private final ScanText text;
    private final AllowListIndex allowList;
    /** Per detector, where its matches in text scanned before end; see {@link MatchSink#resumeFrom()}. */
    private final int[] resumeFrom;
    private final List<Match> matches = new ArrayList<>(0);
    private ActiveDetector current;
    private int currentIndex;

    SegmentFindings(ScanText text, AllowListIndex allowList) {
        this(text, allowList, null);
    }

    SegmentFindings(ScanText text, AllowListIndex allowList, int[] resumeFrom) {
        this.text = text;
        this.allowList = allowList;
        this.resumeFrom = resumeFrom;
    }

    void runAll(List<ActiveDetector> detectors) {
        for (int i = 0; i < detectors.size(); i++) {
            if (detectors.get(i).mayMatch(text)) {
                current = detectors.get(i);
                currentIndex = i;
                current.detector().detect(text, this);
            }
        }
    }

    @Override
    public void match(int start, int end) {
        String value = text.text().substring(start, end);
        matches.add(new Match(current, currentIndex, start, end, value, allowList.allows(current.id(), value)));
    }

    @Override
    public int resumeFrom() {
        return resumeFrom == null ? 0 : resumeFrom[currentIndex];
    }

    /**
     * Per detector, the end of its last match starting before {@code cut}, or {@code ends}' value if later;
     * {@code ends} itself when no match is later.
     */
    int[] resumePoints(int cut, int[] ends) {
        int[] points = ends;
        for (Match match : matches) {
            if (match.start() < cut && match.end() > points[match.index()]) {
                points = points == ends ? ends.clone() : points;
                points[match.index()] = match.end();
            }
        }
        return points;
    }

    /**
     * Moves {@code cut} off every match starting at or after {@code from} that it would split: back to the
     * match's start, or forward to its end. Matches that gave way to a specific one count too: in a stream, the
     * specific match may still be cancelled by text to come, and the fallback one would then be reported.
     */
    int keepWhole(int cut, int from, boolean forward) {
        for (boolean moved = true; moved; ) {
            moved = false;
            for (Match match : matches) {
                if (match.start() >= from && match.start() < cut && match.end() > cut) {
                    cut = forward ? match.end() : match.start();
                    moved = true;
                }
            }
        }
        return cut;
    }

    /** The findings, in text order; {@code segment} supplies their location (computed only if there are any). */
    List<DlpFinding> findings(Segment segment) {
        if (matches.isEmpty()) {
            return List.of();
        }
        List<Match> reported = matches.stream().filter(match -> !match.allowed()).toList();
        if (reported.isEmpty()) {
            return List.of();
        }
        String location = segment.location();
        return reported.stream()
                .filter(match -> !match.detector().fallback() || reported.stream()
                        .noneMatch(other -> !other.detector().fallback() && other.overlaps(match)))
                .sorted(Comparator.comparingInt(Match::start).thenComparingInt(Match::end))
                .map(match -> new DlpFinding(match.detector().id(), match.detector().name(), location,
                        match.start(), match.end(), match.detector().action(), Masking.mask(match.value())))
                .toList();
    }
}
