-- The network (issue 7): offers of partner organisations, referrals with a data scope and a
-- basis (consent or legal basis), time-limited break-the-glass access, retention rules.

-- An offer published by an organisation. Lists (target groups, languages, municipalities
-- served) are comma-separated; a county holds hundreds of offers, filtered in the application.
CREATE TABLE offers (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    org_id TEXT NOT NULL REFERENCES organisations(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT,
    target_groups TEXT NOT NULL,
    languages TEXT NOT NULL,
    municipality_ids TEXT NOT NULL,
    street TEXT,
    postcode TEXT,
    town TEXT,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    opening_hours TEXT NOT NULL,
    contact_name TEXT,
    phone TEXT,
    email TEXT,
    website TEXT,
    capacity_note TEXT,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX offers_tenant_kind ON offers (tenant_id, kind);
CREATE INDEX offers_org ON offers (tenant_id, org_id);

-- A referral of a person to an organisation (optionally for one of its offers). `scope`: the
-- data classes the receiver may read while it is accepted. It rests on a consent or a legal
-- basis, never on nothing.
CREATE TABLE referrals (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    from_org_id TEXT NOT NULL REFERENCES organisations(id),
    to_org_id TEXT NOT NULL REFERENCES organisations(id),
    offer_id TEXT REFERENCES offers(id),
    plan_step_id TEXT REFERENCES plan_steps(id),
    scope TEXT NOT NULL,
    purpose TEXT NOT NULL,
    message TEXT,
    consent_id TEXT REFERENCES consents(id),
    legal_basis TEXT,
    state TEXT NOT NULL,
    respond_by TEXT,
    sent_at TIMESTAMP,
    answered_at TIMESTAMP,
    ended_at TIMESTAMP,
    decline_reason TEXT,
    outcome TEXT,
    withdraw_reason TEXT,
    reminded_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK (consent_id IS NOT NULL OR legal_basis IS NOT NULL)
);
CREATE INDEX referrals_person ON referrals (tenant_id, person_id);
CREATE INDEX referrals_to ON referrals (tenant_id, to_org_id, state);

-- Break the glass: a counsellor opened a record outside the own caseload, with a reason, for
-- a limited time; team leads review every access.
CREATE TABLE break_glass_grants (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    reason TEXT NOT NULL,
    granted_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    reviewed_at TIMESTAMP,
    reviewed_by TEXT,
    review_note TEXT
);
CREATE INDEX break_glass_person_user ON break_glass_grants (tenant_id, person_id, user_id, expires_at);

-- Retention periods set by the tenant; no row: the default of the record type.
CREATE TABLE retention_rules (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    record_type TEXT NOT NULL,
    months INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (tenant_id, record_type)
);

-- When a case was closed (the reference date of its retention) and when it was anonymised.
ALTER TABLE persons ADD COLUMN closed_on TEXT;
ALTER TABLE persons ADD COLUMN anonymised_at TIMESTAMP;

ALTER TABLE tenant_settings ADD COLUMN referral_reminder_days INTEGER NOT NULL DEFAULT 7;
ALTER TABLE tenant_settings ADD COLUMN break_glass_hours INTEGER NOT NULL DEFAULT 24;
