package io.renlayer.api.core;

import io.renlayer.schemas.config.AllowList;
import org.jdbi.v3.core.mapper.reflect.ColumnName;
import org.jdbi.v3.json.Json;

import java.time.Instant;
import java.util.List;

/** Values never reported as findings; {@code detectorIds} empty means every detector and pattern. */
public record DlpAllowList(
        String id,
        String tenantId,
        String name,
        @ColumnName("entries") @Json List<String> values,
        @Json List<String> detectorIds,
        Instant createdAt,
        Instant updatedAt) {

    public AllowList toConfig() {
        return new AllowList(id, name, values, detectorIds);
    }
}
