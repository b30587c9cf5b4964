package io.renlayer.engine.dlp;

import io.renlayer.schemas.config.DlpAction;

/**
 * A detector or custom pattern a tenant has enabled, with the action the tenant chose for it.
 *
 * @param anchorMask the {@link Prefilter} anchors one of which a text needs for a match, 0 when it must always run
 */
record ActiveDetector(String id, String name, DlpAction action, boolean fallback, TextDetector detector,
                      int anchorMask) {

    ActiveDetector(String id, String name, DlpAction action, boolean fallback, TextDetector detector) {
        this(id, name, action, fallback, detector, Prefilter.mask(detector.anchors()));
    }

    /** Whether the text can hold a match, judging by the anchors found in it; saves a call per segment. */
    boolean mayMatch(ScanText text) {
        return anchorMask == 0 || (anchorMask & text.prefilter().present()) != 0;
    }
}
