package io.renlayer.engine.dlp;

/** Receives the matches of a detector as {@code [start, end)} character ranges of the scanned text. */
@FunctionalInterface
interface MatchSink {

    void match(int start, int end);

    /**
     * Where the running detector's own earlier matches end when the text continues one scanned before (a stream
     * looked at again as more arrives), 0 for a text scanned whole. A detector that skips anchors lying inside
     * its previous match, and whose matches start away from their anchor, starts skipping from here, as it would
     * have had it seen all the text before.
     */
    default int resumeFrom() {
        return 0;
    }
}
