package io.renlayer.engine.dlp;

import java.util.List;
import java.util.Set;

/** One way of finding sensitive values in text. Implementations are immutable and shared across threads. */
interface TextDetector {

    void detect(ScanText text, MatchSink sink);

    /**
     * For text that is the part of a stream received so far: the earliest offset at which a match could begin
     * that more text could still create, extend or cancel, or the text's length when none could. A streaming
     * scan holds back the text from there. Earlier than needed only delays text; later would let a secret out.
     */
    int holdFrom(ScanText text);

    /**
     * The {@link Prefilter} anchors every match grows from, so that a text without any of them is not even
     * looked at: its literals, if it has any; empty for a detector that must always run.
     */
    default Set<Prefilter.Anchor> anchors() {
        return literals().isEmpty() ? Set.of() : Set.of(Prefilter.Anchor.LITERAL);
    }

    /**
     * The literals, two characters or more, that every match starts with, for the {@link Prefilter} to find;
     * empty for a detector that starts from another anchor.
     */
    default List<String> literals() {
        return List.of();
    }
}
