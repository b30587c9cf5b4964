package io.renlayer.api.db;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;

/** The tenant's webhook signing secrets: one current (no expiry) and, during a rotation, the previous ones. */
@RegisterConstructorMapper(SigningSecretDao.Row.class)
public interface SigningSecretDao {

    record Row(String id, String sealed, Instant createdAt, Instant expiresAt) {
    }

    @SqlUpdate("insert into webhook_signing_secrets (id, tenant_id, sealed, created_at) values (:id, :tenantId, :sealed, :now)")
    void insert(String id, String tenantId, String sealed, Instant now);

    @SqlQuery("select id, sealed, created_at, expires_at from webhook_signing_secrets where tenant_id = :tenantId "
            + "and (expires_at is null or expires_at > :now) order by created_at desc")
    List<Row> valid(String tenantId, Instant now);

    /** Starts the overlap window of the current secret, which stays valid until {@code expiresAt}. */
    @SqlUpdate("update webhook_signing_secrets set expires_at = :expiresAt where tenant_id = :tenantId and expires_at is null")
    int expireCurrent(String tenantId, Instant expiresAt);
}
