package io.renlayer.api.core;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * Query parameters arrive as strings and are parsed here, so a bad value is a 422 naming the parameter
 * rather than Jersey's silent 404 for an unconvertible parameter.
 */
public final class Params {

    public static Boolean bool(String name, String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiException.invalid(name, "must be true or false");
        };
    }

    /** An RFC 3339 timestamp such as {@code 2026-11-23T10:00:00Z}. */
    public static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, "must be an RFC 3339 timestamp such as 2026-11-23T10:00:00Z");
        }
    }

    public static <E> E choice(String name, String value, Function<String, E> parse, String allowed) {
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(name, "must be one of " + allowed);
        }
    }

    /** A request body is required: a missing one is a validation error, not a null pointer. */
    public static <T> T body(T body) {
        if (body == null) {
            throw ApiException.invalid("body", "a JSON request body is required");
        }
        return body;
    }

    private Params() {
    }
}
