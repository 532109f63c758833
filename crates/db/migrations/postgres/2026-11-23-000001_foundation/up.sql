-- Foundation: tenants, municipalities, organisations, users, sessions, API tokens,
-- login throttling, the hash-chained audit log and the job queue.
-- Conventions (DESIGN.md §4): UUIDv7 ids as TEXT generated in Rust, tenant_id on every row,
-- created/updated at/by, version for optimistic concurrency. Times are UTC.

CREATE TABLE tenants (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE municipalities (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    samtgemeinde TEXT,
    postcode TEXT NOT NULL,
    latitude DOUBLE PRECISION NOT NULL,
    longitude DOUBLE PRECISION NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (tenant_id, name)
);

CREATE TABLE organisations (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    parent_id TEXT REFERENCES organisations(id),
    municipality_id TEXT REFERENCES municipalities(id),
    email TEXT,
    phone TEXT,
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (tenant_id, name)
);

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    org_id TEXT NOT NULL REFERENCES organisations(id),
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    email TEXT,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    locale TEXT NOT NULL DEFAULT 'de',
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    password_changed_at TIMESTAMP NOT NULL,
    last_login_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX users_tenant_org ON users (tenant_id, org_id);

-- Sessions are stored by the SHA-256 of their token: a copy of the database does not log anyone in.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    created_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    expires_at TIMESTAMP,
    revoked_at TIMESTAMP,
    revoked_by TEXT,
    last_used_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1
);

-- Failed logins per user name, for the rate limit; counted here so it holds across instances.
CREATE TABLE login_failures (
    id TEXT PRIMARY KEY NOT NULL,
    username TEXT NOT NULL,
    failed_at TIMESTAMP NOT NULL
);
CREATE INDEX login_failures_username ON login_failures (username, failed_at);

-- The head of each tenant's audit chain. Every write transaction updates it first, which
-- serialises writers per tenant (row lock on PostgreSQL, the write lock on SQLite).
CREATE TABLE audit_heads (
    tenant_id TEXT PRIMARY KEY NOT NULL REFERENCES tenants(id),
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE audit_log (
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    seq BIGINT NOT NULL,
    at TIMESTAMP NOT NULL,
    actor_user_id TEXT,
    action TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT,
    person_id TEXT,
    data_classes TEXT NOT NULL,
    purpose TEXT,
    outcome TEXT NOT NULL,
    request_id TEXT,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (tenant_id, seq)
);
CREATE INDEX audit_log_person ON audit_log (tenant_id, person_id);
CREATE INDEX audit_log_actor ON audit_log (tenant_id, actor_user_id);

-- Append-only: the database itself refuses changes. `ankommen audit verify` still detects a
-- change made by someone who disables these triggers first.
CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE jobs (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    run_at TIMESTAMP NOT NULL,
    locked_by TEXT,
    locked_at TIMESTAMP,
    last_error TEXT,
    finished_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX jobs_due ON jobs (status, run_at);
