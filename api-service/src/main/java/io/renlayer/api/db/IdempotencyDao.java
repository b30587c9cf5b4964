package io.renlayer.api.db;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.Optional;

/** Stored responses of writes sent with an {@code Idempotency-Key}, scoped to the caller. */
@RegisterConstructorMapper(IdempotencyDao.Stored.class)
public interface IdempotencyDao {

    record Stored(String requestHash, int status, String responseBody, String location) {
    }

    @SqlUpdate("delete from idempotency_keys where scope = :scope and key = :key and created_at < :cutoff")
    int forgetExpired(String scope, String key, Instant cutoff);

    /**
     * Claims the key inside the caller's transaction. A concurrent request with the same key blocks here
     * until the first commits (then finds it taken) or rolls back (then claims it): one effect, never two.
     */
    @SqlUpdate("insert into idempotency_keys (scope, key, request_hash, status, created_at) "
            + "values (:scope, :key, :requestHash, 0, :now) on conflict do nothing")
    int claim(String scope, String key, String requestHash, Instant now);

    @SqlQuery("select request_hash, status, response_body, location from idempotency_keys where scope = :scope and key = :key")
    Optional<Stored> find(String scope, String key);

    @SqlUpdate("update idempotency_keys set status = :status, response_body = :responseBody, location = :location "
            + "where scope = :scope and key = :key")
    void complete(String scope, String key, int status, String responseBody, String location);

    @SqlUpdate("delete from idempotency_keys where created_at < :cutoff")
    int purgeBefore(Instant cutoff);
}
