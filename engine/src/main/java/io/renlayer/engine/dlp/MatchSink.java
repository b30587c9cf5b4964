package io.renlayer.engine.dlp;

/** Receives the matches of a detector as {@code [start, end)} character ranges of the scanned text. */
@FunctionalInterface
interface MatchSink {

    void match(int start, int end);
}
