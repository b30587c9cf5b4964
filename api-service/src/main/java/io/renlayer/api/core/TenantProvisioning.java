package io.renlayer.api.core;

import io.renlayer.api.auth.Role;
import io.renlayer.api.db.TenantDao;
import io.renlayer.api.db.UserDao;
import io.renlayer.schemas.config.TenantSettings;
import io.renlayer.schemas.ids.IdType;
import io.renlayer.schemas.ids.TypedId;
import org.jdbi.v3.core.Jdbi;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Creates a tenant with its first owner: the operator's {@code bootstrap} command, and tests. */
public final class TenantProvisioning {

    public record Provisioned(String tenantId, String ownerId, String ownerEmail, boolean created) {
    }

    private final Jdbi jdbi;
    private final Writes writes;

    public TenantProvisioning(Jdbi jdbi, Writes writes) {
        this.jdbi = jdbi;
        this.writes = writes;
    }

    public Provisioned provision(String tenantName, String ownerEmail) {
        return provision(tenantName, ownerEmail, Map.of());
    }

    /**
     * Idempotent by owner email: running it again reports the tenant that email already owns, after adding
     * (or re-pointing) {@code upstreams} in its settings if they differ.
     *
     * @param upstreams named upstreams the tenant gets besides the defaults (already validated)
     */
    public Provisioned provision(String tenantName, String ownerEmail, Map<String, String> upstreams) {
        String email = ownerEmail.strip().toLowerCase(Locale.ROOT);
        Optional<User> existing = jdbi.withExtension(UserDao.class, users -> users.findByEmail(email));
        if (existing.isPresent()) {
            addUpstreams(existing.get().tenantId(), upstreams);
            return new Provisioned(existing.get().tenantId(), existing.get().id(), email, false);
        }
        String tenantId = TypedId.newId(IdType.TENANT);
        String ownerId = TypedId.newId(IdType.USER);
        writes.run(WriteRequest.system(tenantId, "bootstrap"), null, tx -> {
            tx.dao(TenantDao.class).insert(tenantId, tenantName, TenantSettings.defaults().withUpstreams(upstreams),
                    tx.now());
            tx.dao(UserDao.class).insert(ownerId, tenantId, email, Role.OWNER, tx.now());
            tx.audit("tenant.created", "tenant", tenantId, null, tx.dao(TenantDao.class).find(tenantId).orElseThrow());
            tx.audit("user.invited", "user", ownerId, null, tx.dao(UserDao.class).find(tenantId, ownerId).orElseThrow());
            tx.configChanged();
            return WriteResult.created(null, null);
        });
        return new Provisioned(tenantId, ownerId, email, true);
    }

    private void addUpstreams(String tenantId, Map<String, String> upstreams) {
        writes.run(WriteRequest.system(tenantId, "bootstrap"), null, tx -> {
            TenantDao tenants = tx.dao(TenantDao.class);
            Tenant before = tenants.find(tenantId).orElseThrow();
            if (before.settings().upstreams().entrySet().containsAll(upstreams.entrySet())) {
                return WriteResult.ok(before);
            }
            tenants.update(tenantId, before.name(), before.settings().withUpstreams(upstreams), tx.now());
            tx.audit("tenant.updated", "tenant", tenantId, before, tenants.find(tenantId).orElseThrow());
            tx.configChanged();
            return WriteResult.ok(before);
        });
    }
}
