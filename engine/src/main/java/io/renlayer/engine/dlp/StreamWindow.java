package io.renlayer.engine.dlp;

import io.renlayer.schemas.config.DlpAction;
import io.renlayer.schemas.events.DlpFinding;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One look at a stream being scanned: its kept bytes (released context, then held and new bytes) decoded and run
 * through every detector, and the point up to which the text is settled, that is, can be released. Offsets are
 * characters of this window's text unless named bytes.
 */
final class StreamWindow {

    /**
     * The most characters a detector reads before an anchor to judge it (the {@code +} of a phone number and the
     * number boundary before it; an IBAN's country code and what precedes it). A window that does not start the
     * stream takes no anchor there: those were judged, with what came before them, in an earlier window.
     */
    static final int LOOK_BEHIND = 4;

    private final byte[] bytes;
    private final Segment segment;
    private final ScanText text;
    /** Whether every character is one byte, so no offset needs mapping. */
    private final boolean oneBytePerChar;
    private final int contextChars;
    /** The stream offset of the window's first character. */
    private final long origin;
    /** Per detector, where its matches in earlier windows end, in this window's offsets. */
    private final int[] resumeFrom;
    private final SegmentFindings matches;
    /** What the detectors found after the context, in text order. */
    private final List<DlpFinding> found;

    /**
     * @param releasedChars the stream offset of the first byte after the context
     * @param resumeAt      per detector, the stream offset where its matches so far end
     */
    StreamWindow(byte[] bytes, int contextBytes, long releasedChars, long[] resumeAt, List<ActiveDetector> detectors,
                 AllowListIndex allowList) {
        this.bytes = bytes;
        this.segment = BodySegments.textSegment(bytes);
        this.oneBytePerChar = segment.text().length() == bytes.length;
        this.contextChars = oneBytePerChar ? contextBytes : new RawCursor(bytes, segment).charsBefore(contextBytes);
        this.origin = releasedChars - contextChars;
        this.text = new ScanText(segment.text(), null, origin > 0 ? LOOK_BEHIND : 0);
        this.resumeFrom = new int[resumeAt.length];
        for (int i = 0; i < resumeAt.length; i++) {
            resumeFrom[i] = (int) Math.max(0, resumeAt[i] - origin);
        }
        this.matches = new SegmentFindings(text, allowList, resumeFrom);
        matches.runAll(detectors);
        // A match starting in the context was dealt with when it was released, or was missed for good.
        this.found = select(matches.findings(segment), f -> f.start() >= contextChars);
    }

    int length() {
        return text.text().length();
    }

    int contextChars() {
        return contextChars;
    }

    /**
     * Where the settled text ends: before anything a detector says more text could still change, unless that
     * would hold more than {@code maxHoldBytes}; never inside a match.
     */
    int settledEnd(List<ActiveDetector> detectors, int maxHoldBytes) {
        int end = length();
        for (ActiveDetector detector : detectors) {
            end = Math.min(end, detector.detector().holdFrom(text));
        }
        end = Math.max(contextChars, outsidePair(end));
        int oldestHoldable = charOffset(bytes.length - maxHoldBytes);
        // Never inside a match: back to the start of one that may still change or, when the hold-back limit
        // forces the cut, forward past the match as found so far.
        return end < oldestHoldable
                ? matches.keepWhole(oldestHoldable, contextChars, true)
                : matches.keepWhole(end, contextChars, false);
    }

    /** Per detector, the stream offset where its matches end once the text before {@code cut} is released. */
    long[] resumeAt(int cut, long[] before) {
        int[] points = matches.resumePoints(cut, resumeFrom);
        if (points == resumeFrom) {
            return before;
        }
        long[] after = before.clone();
        for (int i = 0; i < points.length; i++) {
            if (points[i] > resumeFrom[i]) {
                after[i] = origin + points[i];
            }
        }
        return after;
    }

    /** The findings that end by {@code end}. */
    List<DlpFinding> findingsUpTo(int end) {
        return select(found, f -> f.end() <= end);
    }

    /** The text from the context's end to {@code cut}, with the REDACT findings among {@code settled} replaced. */
    byte[] release(int cut, List<DlpFinding> settled) {
        List<DlpFinding> toRedact = select(settled, f -> f.action() == DlpAction.REDACT && f.end() <= cut);
        List<Redactor.Edit> edits = toRedact.isEmpty() ? List.of() : Redactor.edits(bytes, segment, toRedact);
        return Redactor.apply(bytes, byteOffset(contextChars), byteOffset(cut), edits);
    }

    /** Where the next window's context starts: {@code chars} characters before {@code cut}. */
    int contextStart(int cut, int chars) {
        return outsidePair(Math.max(0, cut - chars));
    }

    int byteOffset(int charOffset) {
        return oneBytePerChar ? charOffset : new RawCursor(bytes, segment).startOf(charOffset);
    }

    /** The first character that starts at or after byte {@code byteOffset}. */
    private int charOffset(int byteOffset) {
        if (byteOffset <= 0) {
            return 0;
        }
        return oneBytePerChar ? byteOffset : new RawCursor(bytes, segment).charsBefore(byteOffset);
    }

    /** A plain loop: this runs for every chunk, and a stream pipeline costs more than the usual empty list. */
    private static List<DlpFinding> select(List<DlpFinding> findings, Predicate<DlpFinding> wanted) {
        List<DlpFinding> selected = new ArrayList<>(0);
        for (DlpFinding finding : findings) {
            if (wanted.test(finding)) {
                selected.add(finding);
            }
        }
        return selected;
    }

    /** Moves an offset that falls between the halves of a surrogate pair to before the pair. */
    private int outsidePair(int offset) {
        String s = text.text();
        boolean inside = offset > 0 && offset < s.length() && Character.isLowSurrogate(s.charAt(offset))
                && Character.isHighSurrogate(s.charAt(offset - 1));
        return inside ? offset - 1 : offset;
    }
}
