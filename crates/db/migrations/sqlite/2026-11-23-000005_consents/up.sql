-- Consent records (DESIGN.md §5): a person allows one organisation to see some data classes
-- (scope: class names, comma-separated) for a purpose, from given_on, until expires_on (the
-- first day it no longer applies), until withdrawn (effective at once). Dates as ISO text.

CREATE TABLE consents (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    recipient_org_id TEXT NOT NULL REFERENCES organisations(id),
    scope TEXT NOT NULL,
    purpose TEXT NOT NULL,
    given_on TEXT NOT NULL,
    expires_on TEXT,
    withdrawn_on TEXT,
    withdrawn_by TEXT,
    document_ref TEXT,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX consents_tenant_person ON consents (tenant_id, person_id);
