package io.renlayer.engine.dlp;

import io.renlayer.schemas.config.DlpAction;

/** A detector or custom pattern a tenant has enabled, with the action the tenant chose for it. */
record ActiveDetector(String id, String name, DlpAction action, boolean fallback, TextDetector detector) {
}
