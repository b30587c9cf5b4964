package io.renlayer.engine.dlp;

import io.renlayer.schemas.config.AllowList;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The tenant's allow lists merged into one lookup: an exact matched value, then the detectors it is allowed for. */
final class AllowListIndex {

    private static final Set<String> EVERY_DETECTOR = Set.of();

    /** Value to the detector/pattern ids it is allowed for; {@link #EVERY_DETECTOR} when for all of them. */
    private final Map<String, Set<String>> allowed;

    private AllowListIndex(Map<String, Set<String>> allowed) {
        this.allowed = allowed;
    }

    static AllowListIndex of(List<AllowList> allowLists) {
        Map<String, Set<String>> allowed = new HashMap<>();
        for (AllowList list : allowLists) {
            for (String value : list.values()) {
                Set<String> current = allowed.get(value);
                if (current == EVERY_DETECTOR) {
                    continue;
                }
                if (list.detectorIds().isEmpty()) {
                    allowed.put(value, EVERY_DETECTOR);
                } else {
                    Set<String> ids = current == null ? new HashSet<>() : current;
                    ids.addAll(list.detectorIds());
                    allowed.put(value, ids);
                }
            }
        }
        return new AllowListIndex(Map.copyOf(allowed));
    }

    boolean allows(String detectorId, String value) {
        Set<String> ids = allowed.get(value);
        return ids != null && (ids == EVERY_DETECTOR || ids.contains(detectorId));
    }
}
