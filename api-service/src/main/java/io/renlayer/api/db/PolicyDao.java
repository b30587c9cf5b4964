package io.renlayer.api.db;

import io.renlayer.api.core.Policy;
import io.renlayer.schemas.config.PolicyAction;
import io.renlayer.schemas.config.PolicyMatch;
import org.jdbi.v3.json.Json;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Policies list in evaluation order: priority, then id. */
@RegisterConstructorMapper(Policy.class)
public interface PolicyDao {

    @SqlUpdate("insert into policies (id, tenant_id, name, description, priority, enabled, match, action, reason, "
            + "created_at, updated_at) values (:id, :tenantId, :name, :description, :priority, :enabled, "
            + "cast(:match as jsonb), :action, :reason, :now, :now)")
    void insert(String id, String tenantId, String name, String description, int priority, boolean enabled,
                @Json PolicyMatch match, PolicyAction action, String reason, Instant now);

    @SqlQuery("select * from policies where tenant_id = :tenantId and id = :id")
    Optional<Policy> find(String tenantId, String id);

    @SqlQuery("select * from policies where tenant_id = :tenantId and (:enabled is null or enabled = :enabled) "
            + "and (:afterPriority is null or (priority, id) > (:afterPriority, :afterId)) "
            + "order by priority, id limit :limit")
    List<Policy> list(String tenantId, Boolean enabled, Integer afterPriority, String afterId, int limit);

    @SqlQuery("select * from policies where tenant_id = :tenantId order by priority, id")
    List<Policy> all(String tenantId);

    @SqlUpdate("update policies set name = :name, description = :description, priority = :priority, "
            + "enabled = :enabled, match = cast(:match as jsonb), action = :action, reason = :reason, updated_at = :now "
            + "where tenant_id = :tenantId and id = :id")
    int update(String tenantId, String id, String name, String description, int priority, boolean enabled,
               @Json PolicyMatch match, PolicyAction action, String reason, Instant now);

    @SqlUpdate("delete from policies where tenant_id = :tenantId and id = :id")
    int delete(String tenantId, String id);
}
