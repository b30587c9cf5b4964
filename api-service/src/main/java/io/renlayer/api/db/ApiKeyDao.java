package io.renlayer.api.db;

import io.renlayer.api.core.ApiKey;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(ApiKey.class)
public interface ApiKeyDao {

    @SqlUpdate("insert into api_keys (id, tenant_id, agent_id, name, prefix, secret_sha256, created_at) "
            + "values (:id, :tenantId, :agentId, :name, :prefix, :secretSha256, :now)")
    void insert(String id, String tenantId, String agentId, String name, String prefix, String secretSha256, Instant now);

    @SqlQuery("select * from api_keys where tenant_id = :tenantId and agent_id = :agentId and id = :id")
    Optional<ApiKey> find(String tenantId, String agentId, String id);

    @SqlQuery("select * from api_keys where tenant_id = :tenantId and agent_id = :agentId "
            + "and (:after is null or id < :after) order by id desc limit :limit")
    List<ApiKey> list(String tenantId, String agentId, String after, int limit);

    @SqlQuery("select * from api_keys where tenant_id = :tenantId and agent_id = :agentId and revoked_at is null")
    List<ApiKey> activeForAgent(String tenantId, String agentId);

    @SqlQuery("select * from api_keys where tenant_id = :tenantId and revoked_at is null order by id")
    List<ApiKey> active(String tenantId);

    @SqlUpdate("update api_keys set revoked_at = :now where tenant_id = :tenantId and agent_id = :agentId "
            + "and id = :id and revoked_at is null")
    int revoke(String tenantId, String agentId, String id, Instant now);

    @SqlUpdate("delete from api_keys where tenant_id = :tenantId and agent_id = :agentId")
    int deleteForAgent(String tenantId, String agentId);
}
