package io.renlayer.api.testing;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** One-line side-door queries for assertions: {@code Sql.count(jdbi, "select count(*) ... :t", "t", id)}. */
public final class Sql {

    public static long count(Jdbi jdbi, String sql, Object... namesAndValues) {
        return one(jdbi, Long.class, sql, namesAndValues);
    }

    public static <T> T one(Jdbi jdbi, Class<T> type, String sql, Object... namesAndValues) {
        return jdbi.withHandle(h -> bind(h.createQuery(sql), namesAndValues).mapTo(type).one());
    }

    private static Query bind(Query query, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.bind((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return query;
    }

    private Sql() {
    }
}
