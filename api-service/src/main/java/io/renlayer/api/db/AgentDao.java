package io.renlayer.api.db;

import io.renlayer.api.core.Agent;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(Agent.class)
public interface AgentDao {

    @SqlUpdate("insert into agents (id, tenant_id, name, description, enabled, created_at, updated_at) "
            + "values (:id, :tenantId, :name, :description, :enabled, :now, :now)")
    void insert(String id, String tenantId, String name, String description, boolean enabled, Instant now);

    @SqlQuery("select * from agents where tenant_id = :tenantId and id = :id")
    Optional<Agent> find(String tenantId, String id);

    @SqlQuery("select * from agents where tenant_id = :tenantId and (:enabled is null or enabled = :enabled) "
            + "and (:after is null or id < :after) order by id desc limit :limit")
    List<Agent> list(String tenantId, Boolean enabled, String after, int limit);

    @SqlQuery("select * from agents where tenant_id = :tenantId order by id")
    List<Agent> all(String tenantId);

    @SqlUpdate("update agents set name = :name, description = :description, enabled = :enabled, updated_at = :now "
            + "where tenant_id = :tenantId and id = :id")
    int update(String tenantId, String id, String name, String description, boolean enabled, Instant now);

    @SqlUpdate("delete from agents where tenant_id = :tenantId and id = :id")
    int delete(String tenantId, String id);
}
