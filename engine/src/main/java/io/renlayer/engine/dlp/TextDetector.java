package io.renlayer.engine.dlp;

/** One way of finding sensitive values in text. Implementations are immutable and shared across threads. */
interface TextDetector {

    void detect(ScanText text, MatchSink sink);
}
