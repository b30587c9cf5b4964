package io.renlayer.schemas.problem;

/** One invalid field of a request: {@code field} is a path such as {@code match.path_globs[2]}. */
public record FieldError(String field, String message) {
}
