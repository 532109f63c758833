-- Situation analyses (Situationsanalyse): several per person over time, numbered 1, 2, …
-- per person. Each is saved section by section; a section's content is JSON of the typed
-- section in ankommen-domain::assessment, and carries its data class for the policy.

CREATE TABLE assessments (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    number INTEGER NOT NULL,
    status TEXT NOT NULL,
    completed_at TIMESTAMP,
    completed_by TEXT,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (person_id, number)
);
CREATE INDEX assessments_tenant_person ON assessments (tenant_id, person_id);

CREATE TABLE assessment_sections (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    assessment_id TEXT NOT NULL REFERENCES assessments(id),
    section TEXT NOT NULL,
    data_class TEXT NOT NULL,
    content TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (assessment_id, section)
);
