package io.renlayer.api.query;

import io.renlayer.schemas.query.QueryApi;

import java.util.Collections;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The filters of a trace or session list, as given (streams-processor checks them and names a bad one in its 422).
 * A cursor is bound to them: a page cursor replayed with other filters would silently skip or repeat traces.
 */
public record QueryFilters(Map<String, String> params) {

    public QueryFilters {
        params = Collections.unmodifiableMap(new TreeMap<>(params));
    }

    public static QueryFilters traces(String agentId, String sessionId, String decision, String status, String from,
                                      String to) {
        Map<String, String> params = new TreeMap<>();
        putIfSet(params, QueryApi.AGENT_ID, agentId);
        putIfSet(params, QueryApi.SESSION_ID, sessionId);
        putIfSet(params, QueryApi.DECISION, decision);
        putIfSet(params, QueryApi.STATUS, status);
        putIfSet(params, QueryApi.FROM, from);
        putIfSet(params, QueryApi.TO, to);
        return new QueryFilters(params);
    }

    public static QueryFilters none() {
        return new QueryFilters(Map.of());
    }

    public static QueryFilters sessions(String agentId, String from, String to) {
        return traces(agentId, null, null, null, from, to);
    }

    /** The cursor scope of a list of {@code collection} under these filters. */
    public String cursorScope(String collection) {
        StringJoiner scope = new StringJoiner("&", collection + "?", "");
        params.forEach((name, value) -> scope.add(name + "=" + value));
        return scope.toString();
    }

    /** These filters plus one page's {@code limit} and position. */
    public Map<String, String> page(int limit, String after) {
        Map<String, String> page = new TreeMap<>(params);
        page.put(QueryApi.LIMIT, Integer.toString(limit));
        putIfSet(page, QueryApi.AFTER, after);
        return page;
    }

    private static void putIfSet(Map<String, String> params, String name, String value) {
        if (value != null) {
            params.put(name, value);
        }
    }
}
