package io.renlayer.api.db;

import io.renlayer.api.core.AuditEntry;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;

@RegisterConstructorMapper(AuditEntry.class)
public interface AuditDao {

    @SqlUpdate("insert into audit_log (id, tenant_id, actor_type, actor_id, action, resource_type, resource_id, summary, "
            + "request_id, client_ip, created_at) values (:id, :tenantId, :actorType, :actorId, :action, :resourceType, "
            + ":resourceId, cast(:summaryJson as jsonb), :requestId, :clientIp, :createdAt)")
    void insert(@BindMethods AuditEntry entry, String summaryJson);

    @SqlQuery("select * from audit_log where tenant_id = :tenantId "
            + "and (:actorId is null or actor_id = :actorId) and (:action is null or action = :action) "
            + "and (:resourceType is null or resource_type = :resourceType) "
            + "and (cast(:from as timestamptz) is null or created_at >= :from) "
            + "and (cast(:to as timestamptz) is null or created_at < :to) "
            + "and (:after is null or id < :after) order by id desc limit :limit")
    List<AuditEntry> list(String tenantId, String actorId, String action, String resourceType, Instant from, Instant to,
                          String after, int limit);
}
