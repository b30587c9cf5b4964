package io.renlayer.engine.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** Collects violations with the checks every validator shares. */
final class Violations {

    private final List<Violation> found = new ArrayList<>();

    void add(String field, String message) {
        found.add(new Violation(field, message));
    }

    void requirePresent(String field, Object value) {
        if (value == null) {
            add(field, "is required");
        }
    }

    /** A required, non-blank text of {@code min}–{@code max} characters. */
    void requireText(String field, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            add(field, "is required and must not be blank");
        } else {
            checkLength(field, value, min, max);
        }
    }

    void checkLength(String field, String value, int min, int max) {
        if (value.length() < min || value.length() > max) {
            add(field, "must be " + min + "-" + max + " characters long");
        }
    }

    /** Checks the size of a list, then each element under {@code field[i]}. */
    <T> void checkList(String field, List<T> values, int min, int max, BiConsumer<String, T> elementCheck) {
        if (values.size() < min || values.size() > max) {
            add(field, "must have " + min + "-" + max + " entries");
        }
        for (int i = 0; i < values.size(); i++) {
            elementCheck.accept(field + "[" + i + "]", values.get(i));
        }
    }

    List<Violation> toList() {
        return List.copyOf(found);
    }
}
