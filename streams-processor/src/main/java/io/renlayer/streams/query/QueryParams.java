package io.renlayer.streams.query;

import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;
import io.renlayer.schemas.json.Json;
import io.renlayer.schemas.problem.FieldError;
import io.renlayer.schemas.query.QueryApi;
import io.renlayer.schemas.sessions.SessionIds;
import jakarta.ws.rs.core.MultivaluedMap;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads query parameters, collecting every invalid one into a single 422 naming them; and writes them back for a
 * peer. Ids are checked for their shape before they reach a store key: a tenant id is the prefix that keeps one
 * tenant's keys apart from another's, so it must be exactly a tenant id.
 */
final class QueryParams {

    /** How many items a query answers when it does not say ({@code limit}), and the most it may ask for. */
    record Limit(int byDefault, int max) {

        /** A page of the cluster-wide API. */
        static final Limit PAGE = new Limit(50, 1000);
        /** Exports, and peers' local answers (the coordinator passes the limit it needs). */
        static final Limit NONE = new Limit(Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    private static final Pattern PARTITIONS = Pattern.compile("\\d{1,5}(,\\d{1,5})*");
    private static final FieldError TENANT_ID = new FieldError("tenant_id", "must be a tenant id");

    private final MultivaluedMap<String, String> values;
    private final List<FieldError> errors = new ArrayList<>();

    QueryParams(MultivaluedMap<String, String> values) {
        this.values = values;
    }

    String tenantId(String tenantId) {
        if (!TypedId.isValid(IdType.TENANT, tenantId)) {
            errors.add(TENANT_ID);
        }
        return tenantId;
    }

    /** For lookups, which take no other parameter. */
    static String checkedTenantId(String tenantId) {
        if (!TypedId.isValid(IdType.TENANT, tenantId)) {
            throw QueryException.invalid(List.of(TENANT_ID));
        }
        return tenantId;
    }

    String id(String name, IdType type) {
        String value = values.getFirst(name);
        if (value != null && !TypedId.isValid(type, value)) {
            errors.add(new FieldError(name, "must be an id of the form " + type.prefix() + "_<ULID>"));
        }
        return value;
    }

    String sessionId(String name) {
        String value = values.getFirst(name);
        if (value != null && !isSessionId(value)) {
            errors.add(new FieldError(name, "must be " + SessionIds.RULE));
        }
        return value;
    }

    /** One of an enum's JSON names ({@code dlp_block}, {@code incomplete} …). */
    <E extends Enum<E>> E choice(String name, Class<E> type) {
        String value = values.getFirst(name);
        if (value == null) {
            return null;
        }
        try {
            return Json.mapper().convertValue(value, type);
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(text(constant));
            }
            errors.add(new FieldError(name, "must be one of " + String.join(", ", allowed)));
            return null;
        }
    }

    Instant instant(String name) {
        String value = values.getFirst(name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be an RFC 3339 timestamp such as 2026-11-23T10:00:00Z"));
            return null;
        }
    }

    int limit(Limit limit) {
        String value = values.getFirst(QueryApi.LIMIT);
        if (value == null) {
            return limit.byDefault();
        }
        try {
            int asked = Integer.parseInt(value);
            if (asked >= 1 && asked <= limit.max()) {
                return asked;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(QueryApi.LIMIT, "must be a whole number from 1 to " + limit.max()));
        return limit.byDefault();
    }

    /** A bad position is 400 {@code invalid_cursor} at once: the caller must start again rather than fix a field. */
    Position after() {
        String value = values.getFirst(QueryApi.AFTER);
        return value == null || value.isEmpty() ? null : Position.parse(value);
    }

    void validate() {
        if (!errors.isEmpty()) {
            throw QueryException.invalid(errors);
        }
    }

    static boolean isSessionId(String value) {
        return SessionIds.isValid(value);
    }

    /** The {@code partitions} of a local query: required, since a peer answers only for the ones it was asked. */
    static Set<Integer> partitions(String value) {
        if (value == null || !PARTITIONS.matcher(value).matches()) {
            throw QueryException.invalid(List.of(new FieldError(QueryApi.PARTITIONS,
                    "must list partition numbers, comma-separated")));
        }
        Set<Integer> partitions = new TreeSet<>();
        for (String number : value.split(",")) {
            partitions.add(Integer.parseInt(number));
        }
        return partitions;
    }

    /** Parameters for a peer, in the text form they are read in above; null values are left out. */
    static final class Writer {

        private final Map<String, String> params = new LinkedHashMap<>();

        Writer put(String name, Object value) {
            if (value != null) {
                params.put(name, text(value));
            }
            return this;
        }

        Map<String, String> params() {
            return params;
        }
    }

    private static String text(Object value) {
        return switch (value) {
            case Enum<?> constant -> Json.mapper().convertValue(constant, String.class);
            case Position position -> position.encode();
            default -> value.toString();
        };
    }
}
