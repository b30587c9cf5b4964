package io.renlayer.api.db;

import io.renlayer.api.core.DlpPattern;
import io.renlayer.schemas.config.DlpAction;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(DlpPattern.class)
public interface DlpPatternDao {

    @SqlUpdate("insert into dlp_patterns (id, tenant_id, name, regex, action, enabled, created_at, updated_at) "
            + "values (:id, :tenantId, :name, :regex, :action, :enabled, :now, :now)")
    void insert(String id, String tenantId, String name, String regex, DlpAction action, boolean enabled, Instant now);

    @SqlQuery("select * from dlp_patterns where tenant_id = :tenantId and id = :id")
    Optional<DlpPattern> find(String tenantId, String id);

    @SqlQuery("select * from dlp_patterns where tenant_id = :tenantId and (:after is null or id < :after) "
            + "order by id desc limit :limit")
    List<DlpPattern> list(String tenantId, String after, int limit);

    @SqlQuery("select * from dlp_patterns where tenant_id = :tenantId order by id")
    List<DlpPattern> all(String tenantId);

    @SqlUpdate("update dlp_patterns set name = :name, regex = :regex, action = :action, enabled = :enabled, "
            + "updated_at = :now where tenant_id = :tenantId and id = :id")
    int update(String tenantId, String id, String name, String regex, DlpAction action, boolean enabled, Instant now);

    @SqlUpdate("delete from dlp_patterns where tenant_id = :tenantId and id = :id")
    int delete(String tenantId, String id);
}
