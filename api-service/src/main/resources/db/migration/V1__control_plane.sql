-- Enum columns hold the Java constant names (JDBI binds and maps enums by name); the API's wire forms are Jackson's concern.
-- Every tenant-owned table carries tenant_id, and every DAO query filters on it: tenant scoping
-- lives at the data layer, so another tenant's id is simply not found.

create table tenants (
    id             text primary key,
    name           text not null,
    settings       jsonb not null,
    -- bumped (under the row lock) by every configuration change: orders snapshots per tenant
    config_version bigint not null default 0,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index tenants_oidc_issuer on tenants ((settings -> 'oidc' ->> 'issuer'));

create table users (
    id         text primary key,
    tenant_id  text not null references tenants (id),
    email      text not null,
    role       text not null check (role in ('OWNER', 'ADMIN', 'ANALYST', 'VIEWER')),
    created_at timestamptz not null,
    updated_at timestamptz not null
);
-- One account per email: the OTP log-in starts from an email alone.
create unique index users_email on users (lower(email));
create index users_tenant on users (tenant_id, id);

create table agents (
    id          text primary key,
    tenant_id   text not null references tenants (id),
    name        text not null,
    description text,
    enabled     boolean not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create index agents_tenant on agents (tenant_id, id);

create table api_keys (
    id            text primary key,
    tenant_id     text not null references tenants (id),
    agent_id      text not null references agents (id),
    name          text,
    prefix        text not null,
    secret_sha256 text not null unique,
    created_at    timestamptz not null,
    revoked_at    timestamptz
);
create index api_keys_agent on api_keys (tenant_id, agent_id, id);

create table policies (
    id          text primary key,
    tenant_id   text not null references tenants (id),
    name        text not null,
    description text,
    priority    integer not null,
    enabled     boolean not null,
    match       jsonb not null,
    action      text not null check (action in ('ALLOW', 'DENY')),
    reason      text,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create index policies_tenant on policies (tenant_id, priority, id);

create table dlp_detector_settings (
    tenant_id   text not null references tenants (id),
    detector_id text not null,
    enabled     boolean not null,
    action      text not null check (action in ('BLOCK', 'REDACT', 'LOG')),
    updated_at  timestamptz not null,
    primary key (tenant_id, detector_id)
);

create table dlp_patterns (
    id         text primary key,
    tenant_id  text not null references tenants (id),
    name       text not null,
    regex      text not null,
    action     text not null check (action in ('BLOCK', 'REDACT', 'LOG')),
    enabled    boolean not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index dlp_patterns_tenant on dlp_patterns (tenant_id, id);

create table dlp_allow_lists (
    id           text primary key,
    tenant_id    text not null references tenants (id),
    name         text not null,
    entries      jsonb not null,
    detector_ids jsonb not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create index dlp_allow_lists_tenant on dlp_allow_lists (tenant_id, id);

create table webhooks (
    id          text primary key,
    tenant_id   text not null references tenants (id),
    url         text not null,
    description text,
    event_types jsonb not null,
    enabled     boolean not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);
create index webhooks_tenant on webhooks (tenant_id, id);

-- Sealed (AES-GCM), never plain: the dispatcher needs the value to sign, so it cannot be a hash.
create table webhook_signing_secrets (
    id         text primary key,
    tenant_id  text not null references tenants (id),
    sealed     text not null,
    created_at timestamptz not null,
    expires_at timestamptz
);
create index webhook_signing_secrets_tenant on webhook_signing_secrets (tenant_id, created_at);

create table support_grants (
    id         text primary key,
    tenant_id  text not null references tenants (id),
    granted_by text not null,
    role       text not null check (role in ('ADMIN', 'ANALYST', 'VIEWER')),
    reason     text not null,
    expires_at timestamptz not null,
    revoked_at timestamptz,
    created_at timestamptz not null
);
create index support_grants_tenant on support_grants (tenant_id, id);

create table audit_log (
    id            text primary key,
    tenant_id     text not null references tenants (id),
    actor_type    text not null check (actor_type in ('USER', 'SUPPORT', 'SYSTEM')),
    actor_id      text not null,
    action        text not null,
    resource_type text not null,
    resource_id   text,
    summary       jsonb not null,
    request_id    text,
    client_ip     text,
    created_at    timestamptz not null
);
create index audit_log_tenant on audit_log (tenant_id, id);

-- Transactional outbox: written in the same transaction as the change it announces.
create table outbox (
    seq          bigserial primary key,
    tenant_id    text not null,
    topic        text not null,
    record_key   text not null,
    payload      jsonb not null,
    created_at   timestamptz not null,
    published_at timestamptz
);
create index outbox_unpublished on outbox (seq) where published_at is null;

create table idempotency_keys (
    scope         text not null,
    key           text not null,
    request_hash  text not null,
    status        integer not null,
    response_body text,
    location      text,
    created_at    timestamptz not null,
    primary key (scope, key)
);
create index idempotency_keys_created on idempotency_keys (created_at);

create table otp_codes (
    id         bigserial primary key,
    email      text not null,
    code_hmac  text not null,
    attempts   integer not null default 0,
    expires_at timestamptz not null,
    used_at    timestamptz,
    created_at timestamptz not null
);
create index otp_codes_email on otp_codes (lower(email), id);

-- Log-in attempts, for rate limits that hold across every api-service replica.
create table auth_attempts (
    id         bigserial primary key,
    kind       text not null,
    email      text,
    client_ip  text,
    created_at timestamptz not null
);
create index auth_attempts_email on auth_attempts (kind, lower(email), created_at);
create index auth_attempts_ip on auth_attempts (kind, client_ip, created_at);
