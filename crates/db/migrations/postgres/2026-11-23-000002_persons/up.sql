-- Persons: the record a counsellor keeps for years. Fields belong to data classes
-- (identity, contact, residence, education, …; see ankommen-domain::person) and are returned
-- only to those the policy lets see them. Dates of birth may be partial: stored as ISO text
-- with the unknown parts left out ("1990", "1990-04", "1990-04-02").

CREATE TABLE persons (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    case_number TEXT NOT NULL,
    -- identity
    family_name TEXT NOT NULL,
    given_names TEXT NOT NULL,
    birth_name TEXT,
    sex TEXT NOT NULL,
    birth_date TEXT,
    birth_place TEXT,
    birth_country TEXT,
    nationalities TEXT NOT NULL,
    -- contact
    phone TEXT,
    email TEXT,
    street TEXT,
    postcode TEXT,
    municipality_id TEXT REFERENCES municipalities(id),
    -- residence and legal situation
    arrived_germany_on TEXT,
    arrived_county_on TEXT,
    residence_status TEXT,
    residence_paragraph TEXT,
    residence_duldung_kind TEXT,
    residence_first_issued_on TEXT,
    residence_valid_until TEXT,
    work_annotation TEXT,
    benefits_law TEXT,
    responsible_org_id TEXT REFERENCES organisations(id),
    -- language and education
    german_level TEXT,
    literate_latin BOOLEAN,
    languages TEXT NOT NULL,
    -- case
    counsellor_id TEXT REFERENCES users(id),
    case_status TEXT NOT NULL,
    case_status_reason TEXT,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (tenant_id, case_number)
);
CREATE INDEX persons_counsellor ON persons (tenant_id, counsellor_id);
CREATE INDEX persons_birth_date ON persons (tenant_id, birth_date);

-- Further names: as in other documents, transliterations, aliases.
CREATE TABLE person_names (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    family_name TEXT NOT NULL,
    given_names TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX person_names_person ON person_names (person_id);

-- Search keys (normalised and phonetic name keys) for indexed candidate retrieval;
-- candidates are then ranked in Rust (ankommen-domain::matching).
CREATE TABLE person_search_keys (
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    search_key TEXT NOT NULL,
    PRIMARY KEY (person_id, search_key)
);
CREATE INDEX person_search_keys_key ON person_search_keys (tenant_id, search_key);

-- Field history: who changed which field from what to what.
CREATE TABLE person_changes (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    changed_at TIMESTAMP NOT NULL,
    changed_by TEXT,
    field TEXT NOT NULL,
    data_class TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT
);
CREATE INDEX person_changes_person ON person_changes (person_id, changed_at);

-- Sequence for case numbers per tenant and year.
CREATE TABLE case_number_counters (
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    year INTEGER NOT NULL,
    last_value INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, year)
);
