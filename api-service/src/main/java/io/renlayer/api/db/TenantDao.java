package io.renlayer.api.db;

import io.renlayer.api.core.Tenant;
import io.renlayer.schemas.config.TenantSettings;
import org.jdbi.v3.json.Json;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.Optional;

@RegisterConstructorMapper(Tenant.class)
public interface TenantDao {

    @SqlUpdate("insert into tenants (id, name, settings, created_at, updated_at) "
            + "values (:id, :name, cast(:settings as jsonb), :now, :now)")
    void insert(String id, String name, @Json TenantSettings settings, Instant now);

    @SqlQuery("select * from tenants where id = :id")
    Optional<Tenant> find(String id);

    @SqlUpdate("update tenants set name = :name, settings = cast(:settings as jsonb), updated_at = :now where id = :id")
    void update(String id, String name, @Json TenantSettings settings, Instant now);

    /**
     * The tenant's row lock until commit: serialises the tenant's outbox records and first-time creations.
     * NO KEY UPDATE, like the version bump: it does not conflict with the KEY SHARE locks that inserts
     * referencing the tenant take, so two writers cannot deadlock on it.
     */
    @SqlQuery("select id from tenants where id = :id for no key update")
    String lock(String id);

    /** Takes the tenant's row lock until commit, so config versions follow commit order. */
    @SqlQuery("update tenants set config_version = config_version + 1 where id = :id returning config_version")
    long nextConfigVersion(String id);
}
