package io.renlayer.engine.dlp;

import io.renlayer.schemas.config.DlpAction;
import io.renlayer.schemas.events.DlpFinding;

import java.util.ArrayList;
import java.util.List;

/**
 * DLP on one response as it streams, chunk by chunk (server-sent events or any body), so that streaming is not a
 * way around DLP. Get one per response from {@link DlpScanner#newStreamScanner()}; it is not thread-safe. Call
 * {@link #feed} with each chunk as it arrives and send what it returns, then {@link #finish} at the end.
 *
 * <p><b>What is caught.</b> The stream is read as UTF-8 text, the way {@link DlpScanner#scan} reads a body that
 * is not JSON, by the same detectors with the same settings and allow lists. A match split across chunks, at any
 * byte, is found and redacted exactly as when the whole stream is scanned at once as text: the concatenated
 * output and the findings are the same. To do so a chunk's last characters are held back while they could still
 * be the start of a match ({@link TextDetector#holdFrom}): a trailing number for the numeric detectors, the last
 * word for emails, an unfinished token or PEM block. Clean text is otherwise released at once. A multi-byte
 * character is never split. Each chunk is scanned together with what is held back and
 * {@value #CONTEXT_CHARS} released characters to look back at, and each detector resumes where its own matches
 * so far end ({@link MatchSink#resumeFrom()}), so a match never depends on text the scan no longer has.
 *
 * <p><b>What is not.</b> It is not JSON-aware: escapes are not decoded, and a value split across server-sent
 * events (an LLM streams a token or so per event) is not put back together, so a secret spelt out over several
 * events is not caught. At most {@code maxHoldBytes} are held back: beyond that the oldest bytes are released,
 * matches found in them so far are taken as they are, and a longer match (a JWT or an END-less PEM block longer
 * than the limit) may be cut or missed. Tenants with custom patterns have the last
 * {@value Re2PatternDetector#STREAM_REACH} characters held back, and a longer custom match split across chunks
 * may be missed. Detectors look back {@value #CONTEXT_CHARS} characters into released text, no further.
 *
 * <p><b>Findings</b> have location {@code body} and UTF-16 offsets into the whole stream (where it is not valid
 * UTF-8, a window around the bad bytes is read one byte per character). Like every finding they carry a masked
 * value at most. <b>Blocking:</b> once a match whose action is block is found, nothing from its start on is
 * released, {@link #blocked()} is true and the stream should be cut; later calls return nothing.
 */
public final class StreamingDlpScanner {

    public static final int DEFAULT_MAX_HOLD_BYTES = 8 * 1024;
    /**
     * Released characters kept before the held ones, for detectors to look back at: a secret keyword and its
     * 40-character window (52 characters at most), after {@link StreamWindow#LOOK_BEHIND}.
     */
    static final int CONTEXT_CHARS = 64;
    private static final byte[] NOTHING = new byte[0];

    private final List<ActiveDetector> detectors;
    private final AllowListIndex allowList;
    private final int maxHoldBytes;
    private final StreamBuffer buffer = new StreamBuffer();
    private final List<DlpFinding> findings = new ArrayList<>();
    /** UTF-16 characters released so far: the stream offset of the next window's first held character. */
    private long releasedChars;
    /** Per detector, the stream offset where its matches so far end; see {@link MatchSink#resumeFrom()}. */
    private long[] resumeAt;
    private boolean blocked;

    StreamingDlpScanner(List<ActiveDetector> detectors, AllowListIndex allowList, int maxHoldBytes) {
        if (maxHoldBytes < 1) {
            throw new IllegalArgumentException("maxHoldBytes must be positive, was " + maxHoldBytes);
        }
        this.detectors = detectors;
        this.allowList = allowList;
        this.maxHoldBytes = maxHoldBytes;
        this.resumeAt = new long[detectors.size()];
    }

    /** Takes the next chunk; returns the bytes safe to send now, possibly none. */
    public byte[] feed(byte[] chunk, int offset, int length) {
        if (blocked) {
            return NOTHING;
        }
        buffer.append(chunk, offset, length);
        return release(buffer.wholeCharactersEnd(), false);
    }

    /** At the end of the stream: returns whatever was held back, scanned knowing nothing more follows. */
    public byte[] finish() {
        return blocked ? NOTHING : release(buffer.size(), true);
    }

    /** Every finding so far, in stream order. */
    public List<DlpFinding> findings() {
        return List.copyOf(findings);
    }

    /** Whether a block finding stopped the stream. */
    public boolean blocked() {
        return blocked;
    }

    private byte[] release(int end, boolean streamEnded) {
        if (end == buffer.released()) {
            return NOTHING;
        }
        StreamWindow window = new StreamWindow(buffer.copy(end), buffer.released(), releasedChars, resumeAt, detectors,
                allowList);
        int settled = streamEnded ? window.length() : window.settledEnd(detectors, maxHoldBytes);
        List<DlpFinding> settledFindings = window.findingsUpTo(settled);
        int cut = settled;
        for (DlpFinding finding : settledFindings) {
            if (finding.action() == DlpAction.BLOCK) {
                cut = releasableBefore(settledFindings, finding.start());
                blocked = true;
                break;
            }
        }
        byte[] released = window.release(cut, settledFindings);
        long offset = releasedChars - window.contextChars();
        settledFindings.forEach(f -> findings.add(shifted(f, offset)));
        resumeAt = window.resumeAt(cut, resumeAt);
        releasedChars += cut - window.contextChars();
        buffer.release(window.byteOffset(cut), window.byteOffset(window.contextStart(cut, CONTEXT_CHARS)));
        return released;
    }

    /** Where release stops for a block at {@code blockAt}: before it, and before any match that runs into it. */
    private static int releasableBefore(List<DlpFinding> settled, int blockAt) {
        int cut = blockAt;
        for (DlpFinding finding : settled) {
            if (finding.start() < cut && finding.end() > blockAt) {
                cut = finding.start();
            }
        }
        return cut;
    }

    private static DlpFinding shifted(DlpFinding f, long offset) {
        return new DlpFinding(f.detectorId(), f.detectorName(), f.location(), streamOffset(f.start() + offset),
                streamOffset(f.end() + offset), f.action(), f.masked());
    }

    /** Offsets are ints in findings; past 2 GiB characters of one response they stay at the largest. */
    private static int streamOffset(long offset) {
        return (int) Math.min(Integer.MAX_VALUE, offset);
    }
}
