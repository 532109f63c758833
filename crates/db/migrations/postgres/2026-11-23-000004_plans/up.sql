-- The integration plan (Integrationsplan): goals in the county's action fields, steps
-- towards them, and follow-ups. All of it is the counsellor's case work (data class notes).
-- Dates are ISO text (YYYY-MM-DD), like the other calendar dates; statuses are the text
-- forms in ankommen-domain::plan.

CREATE TABLE plan_goals (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    action_field TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT,
    status TEXT NOT NULL,
    status_reason TEXT,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX plan_goals_tenant_person ON plan_goals (tenant_id, person_id);

CREATE TABLE plan_steps (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    goal_id TEXT NOT NULL REFERENCES plan_goals(id),
    title TEXT NOT NULL,
    owner_kind TEXT NOT NULL,
    owner_org_id TEXT REFERENCES organisations(id),
    due_on TEXT,
    status TEXT NOT NULL,
    status_reason TEXT,
    done_on TEXT,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX plan_steps_tenant_person ON plan_steps (tenant_id, person_id);
-- Due and overdue steps: open or in progress, by due date (joined to the caseload).
CREATE INDEX plan_steps_due ON plan_steps (tenant_id, status, due_on);

CREATE TABLE follow_ups (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    counsellor_id TEXT REFERENCES users(id),
    due_on TEXT NOT NULL,
    kind TEXT NOT NULL,
    note TEXT,
    done_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX follow_ups_tenant_person ON follow_ups (tenant_id, person_id);
-- "My follow-ups due or overdue".
CREATE INDEX follow_ups_due ON follow_ups (tenant_id, counsellor_id, due_on);
