package io.renlayer.api.db;

import io.renlayer.api.core.DlpAllowList;
import org.jdbi.v3.json.Json;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(DlpAllowList.class)
public interface DlpAllowListDao {

    @SqlUpdate("insert into dlp_allow_lists (id, tenant_id, name, entries, detector_ids, created_at, updated_at) "
            + "values (:id, :tenantId, :name, cast(:entries as jsonb), cast(:detectorIds as jsonb), :now, :now)")
    void insert(String id, String tenantId, String name, @Json List<String> entries, @Json List<String> detectorIds,
                Instant now);

    @SqlQuery("select * from dlp_allow_lists where tenant_id = :tenantId and id = :id")
    Optional<DlpAllowList> find(String tenantId, String id);

    @SqlQuery("select * from dlp_allow_lists where tenant_id = :tenantId and (:after is null or id < :after) "
            + "order by id desc limit :limit")
    List<DlpAllowList> list(String tenantId, String after, int limit);

    @SqlQuery("select * from dlp_allow_lists where tenant_id = :tenantId order by id")
    List<DlpAllowList> all(String tenantId);

    @SqlUpdate("update dlp_allow_lists set name = :name, entries = cast(:entries as jsonb), "
            + "detector_ids = cast(:detectorIds as jsonb), updated_at = :now where tenant_id = :tenantId and id = :id")
    int update(String tenantId, String id, String name, @Json List<String> entries, @Json List<String> detectorIds,
               Instant now);

    @SqlUpdate("delete from dlp_allow_lists where tenant_id = :tenantId and id = :id")
    int delete(String tenantId, String id);
}
