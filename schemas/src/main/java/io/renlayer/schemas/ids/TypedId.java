package io.renlayer.schemas.ids;

import com.github.f4b6a3.ulid.Ulid;
import com.github.f4b6a3.ulid.UlidCreator;

import java.util.Objects;

/**
 * A typed identifier: a prefix naming its kind, an underscore, and a canonical (upper-case) ULID,
 * e.g. {@code agent_01HX2B3C4D5E6F7G8H9J0KMNPQ}. Monotonic ULIDs make ids created by one process sort
 * in creation order, so lists keyed by id come out newest first.
 */
public record TypedId(IdType type, Ulid ulid) {

    private static final int ULID_LENGTH = 26;

    public TypedId {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ulid, "ulid");
    }

    public static TypedId generate(IdType type) {
        return new TypedId(type, UlidCreator.getMonotonicUlid());
    }

    /** Shorthand for {@code generate(type).toString()}. */
    public static String newId(IdType type) {
        return generate(type).toString();
    }

    /**
     * Parses {@code text} as an id of {@code type}.
     *
     * @throws IllegalArgumentException when the prefix is another type's or the ULID part is not canonical
     */
    public static TypedId parse(IdType type, String text) {
        if (!isValid(type, text)) {
            throw new IllegalArgumentException("not a valid " + type.prefix() + " id");
        }
        return new TypedId(type, Ulid.from(text.substring(type.prefix().length() + 1)));
    }

    public static boolean isValid(IdType type, String text) {
        if (text == null || text.length() != type.prefix().length() + 1 + ULID_LENGTH
                || !text.startsWith(type.prefix()) || text.charAt(type.prefix().length()) != '_') {
            return false;
        }
        String ulid = text.substring(type.prefix().length() + 1);
        // Ulid.isValid also accepts lower case; ids are canonical so equal ids are equal strings.
        return Ulid.isValid(ulid) && ulid.equals(ulid.toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public String toString() {
        return type.prefix() + "_" + ulid;
    }
}
