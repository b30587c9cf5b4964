package io.renlayer.api.core;

import io.renlayer.api.db.AgentDao;
import io.renlayer.api.db.ApiKeyDao;
import io.renlayer.api.db.DetectorSettingDao;
import io.renlayer.api.db.DlpAllowListDao;
import io.renlayer.api.db.DlpPatternDao;
import io.renlayer.api.db.PolicyDao;
import io.renlayer.api.db.SigningSecretDao;
import io.renlayer.api.db.TenantDao;
import io.renlayer.api.db.WebhookDao;
import io.renlayer.schemas.config.AgentEntry;
import io.renlayer.schemas.config.CustomPattern;
import io.renlayer.schemas.config.KeyEntry;
import io.renlayer.schemas.config.PolicyRule;
import io.renlayer.schemas.config.SigningSecret;
import io.renlayer.schemas.config.TenantConfigSnapshot;
import io.renlayer.schemas.config.WebhookEndpoint;
import org.jdbi.v3.core.Handle;

import java.time.Instant;

/** Compiles a tenant's rows into the snapshot the data plane runs on, inside the writing transaction. */
public final class ConfigSnapshots {

    public TenantConfigSnapshot build(Handle handle, String tenantId, long version, Instant now) {
        Tenant tenant = handle.attach(TenantDao.class).find(tenantId).orElseThrow();
        return new TenantConfigSnapshot(tenantId, version, now, tenant.settings(),
                handle.attach(AgentDao.class).all(tenantId).stream()
                        .map(a -> new AgentEntry(a.id(), a.name(), a.enabled())).toList(),
                handle.attach(ApiKeyDao.class).active(tenantId).stream()
                        .map(k -> new KeyEntry(k.id(), k.agentId(), k.secretSha256(), k.prefix())).toList(),
                handle.attach(PolicyDao.class).all(tenantId).stream()
                        .map(p -> new PolicyRule(p.id(), p.name(), p.priority(), p.enabled(), p.match(), p.action(),
                                p.reason())).toList(),
                EffectiveDetectors.of(handle.attach(DetectorSettingDao.class).all(tenantId)).stream()
                        .map(EffectiveDetectors.View::toConfig).toList(),
                handle.attach(DlpPatternDao.class).all(tenantId).stream()
                        .map(p -> new CustomPattern(p.id(), p.name(), p.regex(), p.action(), p.enabled())).toList(),
                handle.attach(DlpAllowListDao.class).all(tenantId).stream().map(DlpAllowList::toConfig).toList(),
                handle.attach(WebhookDao.class).all(tenantId).stream()
                        .map(w -> new WebhookEndpoint(w.id(), w.url(), w.eventTypes(), w.enabled(), w.updatedAt())).toList(),
                handle.attach(SigningSecretDao.class).valid(tenantId, now).stream()
                        .map(s -> new SigningSecret(s.sealed(), s.expiresAt())).toList());
    }
}
