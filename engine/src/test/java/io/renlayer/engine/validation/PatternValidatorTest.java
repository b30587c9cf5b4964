package io.renlayer.engine.validation;

import io.renlayer.schemas.config.CustomPattern;
import io.renlayer.schemas.config.DlpAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PatternValidatorTest {

    private static CustomPattern pattern(String name, String regex, DlpAction action) {
        return new CustomPattern("pat_01HX0000000000000000000000", name, regex, action, true);
    }

    @Test
    void acceptsAValidPattern() {
        assertThat(PatternValidator.validate(pattern("employee id", "EMP-\\d{6}", DlpAction.REDACT))).isEmpty();
        assertThat(PatternValidator.validate(pattern("evil but linear", "(a+)+$", DlpAction.LOG))).isEmpty();
    }

    @Test
    void rejectsInvalidRe2WithTheEngineMessage() {
        assertThat(PatternValidator.validate(pattern("p", "(abc", DlpAction.LOG))).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("regex");
            assertThat(v.message()).contains("not a valid RE2").contains("missing closing )");
        });
        // Backreferences and lookarounds need backtracking, which RE2 refuses.
        assertThat(PatternValidator.validate(pattern("p", "(a)\\1", DlpAction.LOG))).extracting(Violation::field).containsExactly("regex");
        assertThat(PatternValidator.validate(pattern("p", "a(?=b)", DlpAction.LOG))).extracting(Violation::field).containsExactly("regex");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a*", "x?", "(foo)?", "\\b", "^", "(?m)$", "|abc"})
    void rejectsPatternsThatMatchTheEmptyString(String regex) {
        assertThat(PatternValidator.regexProblem(regex)).contains("must not match the empty string");
    }

    @Test
    void limitsLength() {
        assertThat(PatternValidator.regexProblem("a".repeat(1000))).isNull();
        assertThat(PatternValidator.regexProblem("a".repeat(1001))).contains("at most 1000");
        assertThat(PatternValidator.regexProblem("")).isEqualTo("is required");
        assertThat(PatternValidator.regexProblem(null)).isEqualTo("is required");
    }

    @Test
    void checksNameAndAction() {
        assertThat(PatternValidator.validate(pattern("", "abc", null))).extracting(Violation::field)
                .containsExactlyInAnyOrder("name", "action");
    }
}
