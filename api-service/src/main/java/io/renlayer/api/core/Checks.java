package io.renlayer.api.core;

import io.renlayer.schemas.problem.FieldError;
import io.renlayer.engine.validation.Violation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/** Collects every invalid field of a request before answering, so a client fixes them all at once. */
public final class Checks {

    private final List<FieldError> errors = new ArrayList<>();

    public Checks require(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new FieldError(field, message));
        }
        return this;
    }

    public Checks present(Object value, String field) {
        return require(value != null, field, "is required");
    }

    /** A required string of 1..max characters after trimming. */
    public Checks text(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return require(false, field, "is required");
        }
        return require(value.length() <= max, field, "must be at most " + max + " characters");
    }

    /** An optional string: null is fine, otherwise at most {@code max} characters. */
    public Checks optionalText(String value, String field, int max) {
        return require(value == null || value.length() <= max, field, "must be at most " + max + " characters");
    }

    public <T> Checks each(Collection<T> values, String field, Predicate<T> ok, String message) {
        if (values != null) {
            int i = 0;
            for (T value : values) {
                require(value != null && ok.test(value), field + "[" + i + "]", message);
                i++;
            }
        }
        return this;
    }

    /** What the engine's validators found (policies, patterns, allow lists: one set of rules for API and proxy). */
    public Checks engine(Collection<Violation> violations) {
        violations.forEach(v -> errors.add(new FieldError(v.field(), v.message())));
        return this;
    }

    /** @throws ApiException 422 validation_failed listing every error collected */
    public void orThrow() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
