package io.renlayer.engine.validation;

import io.renlayer.schemas.config.AllowList;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AllowListValidatorTest {

    private static List<String> fields(AllowList list) {
        return AllowListValidator.validate(list).stream().map(Violation::field).toList();
    }

    @Test
    void acceptsAValidAllowList() {
        AllowList list = new AllowList("allow_01HX0000000000000000000000", "support", List.of("support@renlayer.io"),
                List.of("det_00000000000000000000000004", "pat_01HX0000000000000000000000"));

        assertThat(AllowListValidator.validate(list)).isEmpty();
    }

    @Test
    void requiresOneToFiveHundredValuesOfBoundedLength() {
        assertThat(fields(new AllowList(null, "n", List.of(), List.of()))).containsExactly("values");
        assertThat(fields(new AllowList(null, "n", Collections.nCopies(501, "v"), List.of()))).containsExactly("values");
        assertThat(fields(new AllowList(null, "n", List.of("ok", "", "x".repeat(257), "x".repeat(256)), List.of())))
                .containsExactly("values[1]", "values[2]");
    }

    @Test
    void requiresKnownDetectorIdsOrWellFormedPatternIds() {
        List<String> ids = List.of("det_00000000000000000000000001", "det_0000000000000000000000000Z", "pat_nope", "agent_01HX0000000000000000000000");

        assertThat(AllowListValidator.validate(new AllowList(null, "n", List.of("v"), ids)))
                .extracting(Violation::field, Violation::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("detector_ids[1]", "no built-in detector has this id"),
                        org.assertj.core.groups.Tuple.tuple("detector_ids[2]", "must be a detector id (det_…) or a custom pattern id (pat_…)"),
                        org.assertj.core.groups.Tuple.tuple("detector_ids[3]", "must be a detector id (det_…) or a custom pattern id (pat_…)"));
    }

    @Test
    void requiresAName() {
        assertThat(fields(new AllowList(null, "", List.of("v"), List.of()))).containsExactly("name");
    }
}
