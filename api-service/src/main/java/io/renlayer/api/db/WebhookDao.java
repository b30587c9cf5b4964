package io.renlayer.api.db;

import io.renlayer.api.core.Webhook;
import org.jdbi.v3.json.Json;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(Webhook.class)
public interface WebhookDao {

    @SqlUpdate("insert into webhooks (id, tenant_id, url, description, event_types, enabled, created_at, updated_at) "
            + "values (:id, :tenantId, :url, :description, cast(:eventTypes as jsonb), :enabled, :now, :now)")
    void insert(String id, String tenantId, String url, String description, @Json List<String> eventTypes,
                boolean enabled, Instant now);

    @SqlQuery("select * from webhooks where tenant_id = :tenantId and id = :id")
    Optional<Webhook> find(String tenantId, String id);

    @SqlQuery("select * from webhooks where tenant_id = :tenantId and (:after is null or id < :after) "
            + "order by id desc limit :limit")
    List<Webhook> list(String tenantId, String after, int limit);

    @SqlQuery("select * from webhooks where tenant_id = :tenantId order by id")
    List<Webhook> all(String tenantId);

    @SqlUpdate("update webhooks set url = :url, description = :description, event_types = cast(:eventTypes as jsonb), "
            + "enabled = :enabled, updated_at = :now where tenant_id = :tenantId and id = :id")
    int update(String tenantId, String id, String url, String description, @Json List<String> eventTypes,
               boolean enabled, Instant now);

    @SqlUpdate("delete from webhooks where tenant_id = :tenantId and id = :id")
    int delete(String tenantId, String id);
}
