package io.renlayer.schemas.config;

import java.util.List;

/**
 * Values that are never findings (e.g. a company's public support email).
 *
 * @param detectorIds the detectors/patterns it applies to; empty means all
 */
public record AllowList(String id, String name, List<String> values, List<String> detectorIds) {

    public AllowList {
        values = values == null ? List.of() : List.copyOf(values);
        detectorIds = detectorIds == null ? List.of() : List.copyOf(detectorIds);
    }
}
