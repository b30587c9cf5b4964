package io.renlayer.engine.validation;

import io.renlayer.engine.dlp.DetectorCatalogue;
import io.renlayer.schemas.config.AllowList;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;

import java.util.List;

/** Checks an allow list before the API stores it. Never throws for bad input: it lists what is wrong. */
public final class AllowListValidator {

    static final int MAX_VALUES = 500;
    static final int MAX_VALUE_LENGTH = 256;
    static final int MAX_DETECTOR_IDS = 100;

    /**
     * Built-in detector ids must exist; pattern ids are only checked for shape, since whether a pattern exists
     * is the API's to know.
     */
    public static List<Violation> validate(AllowList allowList) {
        Violations violations = new Violations();
        violations.requireText("name", allowList.name(), 1, 200);
        violations.checkList("values", allowList.values(), 1, MAX_VALUES,
                (field, value) -> violations.checkLength(field, value, 1, MAX_VALUE_LENGTH));
        violations.checkList("detector_ids", allowList.detectorIds(), 0, MAX_DETECTOR_IDS, (field, id) -> {
            if (TypedId.isValid(IdType.DETECTOR, id)) {
                if (DetectorCatalogue.byId(id).isEmpty()) {
                    violations.add(field, "no built-in detector has this id");
                }
            } else if (!TypedId.isValid(IdType.PATTERN, id)) {
                violations.add(field, "must be a detector id (det_…) or a custom pattern id (pat_…)");
            }
        });
        return violations.toList();
    }

    private AllowListValidator() {
    }
}
