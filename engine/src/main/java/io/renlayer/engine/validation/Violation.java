package io.renlayer.engine.validation;

/**
 * One reason an input is rejected.
 *
 * @param field the offending field as a path of the API's JSON names, e.g. {@code match.path_globs[2]}
 */
public record Violation(String field, String message) {
}
