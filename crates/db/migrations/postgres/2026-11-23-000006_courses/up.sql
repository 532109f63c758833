-- Courses, the county's waiting list, allocation runs and the seats they booked.
-- Dates as ISO text; days and time slots as comma-separated names. The CHECK on courses is
-- the last guard against overbooking: seats booked by confirmed runs plus seats the provider
-- filled itself never exceed the capacity, whatever the application does.

CREATE TABLE courses (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    provider_org_id TEXT NOT NULL REFERENCES organisations(id),
    course_type TEXT NOT NULL,
    title TEXT,
    bamf_number TEXT,
    start_module INTEGER,
    hours INTEGER NOT NULL,
    street TEXT,
    postcode TEXT,
    municipality_id TEXT NOT NULL REFERENCES municipalities(id),
    latitude DOUBLE PRECISION NOT NULL,
    longitude DOUBLE PRECISION NOT NULL,
    coordinates_given BOOLEAN NOT NULL,
    days TEXT NOT NULL,
    time_slot TEXT NOT NULL,
    starts_at TEXT,
    ends_at TEXT,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    capacity INTEGER NOT NULL,
    seats_taken_outside INTEGER NOT NULL,
    seats_allocated INTEGER NOT NULL DEFAULT 0,
    childcare BOOLEAN NOT NULL,
    step_free BOOLEAN NOT NULL,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    CHECK (seats_taken_outside >= 0 AND seats_allocated >= 0),
    CHECK (seats_taken_outside + seats_allocated <= capacity)
);
CREATE INDEX courses_tenant_start ON courses (tenant_id, starts_on);
CREATE INDEX courses_provider ON courses (tenant_id, provider_org_id);

CREATE TABLE course_needs (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    course_type TEXT NOT NULL,
    start_module INTEGER,
    level TEXT,
    earliest_start TEXT NOT NULL,
    latest_start TEXT NOT NULL,
    max_travel_km INTEGER NOT NULL,
    time_slots TEXT NOT NULL,
    needs_childcare BOOLEAN NOT NULL,
    obliged_by TEXT,
    obliged_on TEXT,
    job_centre_referral BOOLEAN NOT NULL,
    waiting_since TEXT NOT NULL,
    note TEXT,
    status TEXT NOT NULL,
    status_reason TEXT,
    course_id TEXT REFERENCES courses(id),
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
-- One need on the waiting list per person at a time.
CREATE UNIQUE INDEX course_needs_one_waiting ON course_needs (person_id) WHERE status = 'waiting';
CREATE INDEX course_needs_tenant_status ON course_needs (tenant_id, status);

CREATE TABLE allocation_runs (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    window_from TEXT NOT NULL,
    window_to TEXT NOT NULL,
    status TEXT NOT NULL,
    pinned TEXT NOT NULL,
    excluded TEXT NOT NULL,
    proposal TEXT NOT NULL,
    placed INTEGER NOT NULL,
    waiting INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    confirmed_at TIMESTAMP,
    confirmed_by TEXT,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX allocation_runs_tenant ON allocation_runs (tenant_id, created_at);

CREATE TABLE placements (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    run_id TEXT NOT NULL REFERENCES allocation_runs(id),
    need_id TEXT NOT NULL REFERENCES course_needs(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    course_id TEXT NOT NULL REFERENCES courses(id),
    status TEXT NOT NULL,
    status_on TEXT,
    status_reason TEXT,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX placements_need ON placements (need_id);
CREATE INDEX placements_course ON placements (tenant_id, course_id);
CREATE INDEX placements_person ON placements (tenant_id, person_id);
