package io.renlayer.engine.dlp;

import io.renlayer.schemas.config.DetectorSetting;
import io.renlayer.schemas.config.DlpAction;

/**
 * A detector RenLayer ships. Its id and name are stable: tenants' settings, allow lists and stored findings
 * refer to them.
 */
public final class BuiltInDetector {

    private final String id;
    private final String name;
    private final String description;
    private final DlpAction defaultAction;
    private final boolean enabledByDefault;
    private final boolean fallback;
    private final TextDetector detector;

    BuiltInDetector(String id, String name, String description, DlpAction defaultAction, boolean enabledByDefault,
                    boolean fallback, TextDetector detector) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.defaultAction = defaultAction;
        this.enabledByDefault = enabledByDefault;
        this.fallback = fallback;
        this.detector = detector;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public DlpAction defaultAction() {
        return defaultAction;
    }

    public boolean enabledByDefault() {
        return enabledByDefault;
    }

    /** The setting a tenant has until it changes this detector. */
    public DetectorSetting defaultSetting() {
        return new DetectorSetting(id, name, enabledByDefault, defaultAction);
    }

    /** A catch-all whose finding gives way to any more specific finding over the same characters. */
    boolean fallback() {
        return fallback;
    }

    TextDetector detector() {
        return detector;
    }
}
