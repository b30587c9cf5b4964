package io.renlayer.api.db;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(OutboxDao.Record.class)
public interface OutboxDao {

    record Record(long seq, String tenantId, String topic, String recordKey, String payload) {
    }

    @SqlUpdate("insert into outbox (tenant_id, topic, record_key, payload, created_at) "
            + "values (:tenantId, :topic, :recordKey, cast(:payload as jsonb), :now)")
    void insert(String tenantId, String topic, String recordKey, String payload, Instant now);

    @SqlQuery("select seq, tenant_id, topic, record_key, payload::text as payload from outbox "
            + "where published_at is null order by seq limit :limit")
    List<Record> unpublished(int limit);

    /** When the oldest record still waiting to be published was written; empty when none waits. */
    @SqlQuery("select min(created_at) from outbox where published_at is null")
    Optional<Instant> oldestUnpublished();

    @SqlBatch("update outbox set published_at = :now where seq = :seq")
    void markPublished(List<Long> seq, Instant now);

    @SqlUpdate("delete from outbox where published_at < :before")
    int purgePublishedBefore(Instant before);

    /** Session-level lock: only one api-service replica relays at a time, which keeps per-tenant order. */
    @SqlQuery("select pg_try_advisory_lock(7263551)")
    boolean tryRelayLock();

    @SqlQuery("select pg_advisory_unlock(7263551)")
    boolean releaseRelayLock();
}
