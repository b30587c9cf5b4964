package io.renlayer.api.core;

import io.renlayer.api.api.Page;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paginated list: {@code after} is the decoded cursor position (null for the first
 * page). DAOs fetch {@code limit + 1} rows so the presence of a next page costs no count query.
 */
public record PageRequest(String tenantId, String collection, int limit, List<String> after, Cursors cursors) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static PageRequest of(Cursors cursors, String tenantId, String collection, String limitParam, String cursor) {
        int limit = DEFAULT_LIMIT;
        if (limitParam != null) {
            try {
                limit = Integer.parseInt(limitParam);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ApiException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
            }
        }
        return new PageRequest(tenantId, collection, limit, cursors.decode(tenantId, collection, cursor), cursors);
    }

    public int fetchSize() {
        return limit + 1;
    }

    /** The single-value position (an id) most lists resume after. */
    public String afterId() {
        return after == null ? null : after.getFirst();
    }

    /** A page whose source found the next position itself (null on the last page). */
    public <T> Page<T> page(List<T> data, String nextPosition) {
        return new Page<>(data, nextPosition == null ? null : cursors.encode(tenantId, collection, List.of(nextPosition)));
    }

    public <T> Page<T> page(List<T> rows, Function<T, List<String>> position) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> data = rows.subList(0, limit);
        return new Page<>(List.copyOf(data), cursors.encode(tenantId, collection, position.apply(data.getLast())));
    }
}
