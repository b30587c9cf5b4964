package io.renlayer.api.db;

import io.renlayer.api.auth.Role;
import io.renlayer.api.core.SupportGrant;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(SupportGrant.class)
public interface SupportGrantDao {

    @SqlUpdate("insert into support_grants (id, tenant_id, granted_by, role, reason, expires_at, created_at) "
            + "values (:id, :tenantId, :grantedBy, :role, :reason, :expiresAt, :now)")
    void insert(String id, String tenantId, String grantedBy, Role role, String reason, Instant expiresAt, Instant now);

    @SqlQuery("select * from support_grants where tenant_id = :tenantId and id = :id")
    Optional<SupportGrant> find(String tenantId, String id);

    @SqlQuery("select * from support_grants where tenant_id = :tenantId and (:after is null or id < :after) "
            + "order by id desc limit :limit")
    List<SupportGrant> list(String tenantId, String after, int limit);

    @SqlUpdate("update support_grants set revoked_at = :now where tenant_id = :tenantId and id = :id and revoked_at is null")
    int revoke(String tenantId, String id, Instant now);
}
