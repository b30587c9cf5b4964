package io.renlayer.api.core;

/** What a write answers: status, body (null for 204) and, for a creation, the new resource's path. */
public record WriteResult(int status, Object entity, String location) {

    public static WriteResult created(Object entity, String location) {
        return new WriteResult(201, entity, location);
    }

    public static WriteResult ok(Object entity) {
        return new WriteResult(200, entity, null);
    }

    public static WriteResult noContent() {
        return new WriteResult(204, null, null);
    }
}
