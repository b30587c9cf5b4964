package io.renlayer.api.db;

import io.renlayer.schemas.config.DlpAction;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;

/** A tenant's overrides of the built-in detectors' defaults; no row means the catalogue default. */
@RegisterConstructorMapper(DetectorSettingDao.Override.class)
public interface DetectorSettingDao {

    record Override(String detectorId, boolean enabled, DlpAction action, Instant updatedAt) {
    }

    @SqlQuery("select detector_id, enabled, action, updated_at from dlp_detector_settings where tenant_id = :tenantId")
    List<Override> all(String tenantId);

    @SqlUpdate("insert into dlp_detector_settings (tenant_id, detector_id, enabled, action, updated_at) "
            + "values (:tenantId, :detectorId, :enabled, :action, :now) on conflict (tenant_id, detector_id) "
            + "do update set enabled = excluded.enabled, action = excluded.action, updated_at = excluded.updated_at")
    void upsert(String tenantId, String detectorId, boolean enabled, DlpAction action, Instant now);
}
