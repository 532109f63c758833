-- Attendance per course day, course results, in-app notifications, the breaches of the
-- attendance rule already reported, and per-tenant settings of that rule. Days and dates as
-- ISO text. One attendance row per placement and day; a CSV import overwrites the day.

CREATE TABLE attendance (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    placement_id TEXT NOT NULL REFERENCES placements(id),
    course_id TEXT NOT NULL REFERENCES courses(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    day TEXT NOT NULL,
    status TEXT NOT NULL,
    late_minutes INTEGER,
    left_early_minutes INTEGER,
    note TEXT,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (placement_id, day),
    CHECK (status IN ('present', 'excused', 'unexcused')),
    CHECK (late_minutes IS NULL OR late_minutes >= 0),
    CHECK (left_early_minutes IS NULL OR left_early_minutes >= 0)
);
CREATE INDEX attendance_course_day ON attendance (tenant_id, course_id, day);
CREATE INDEX attendance_person ON attendance (tenant_id, person_id);

CREATE TABLE course_results (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    placement_id TEXT NOT NULL REFERENCES placements(id),
    course_id TEXT NOT NULL REFERENCES courses(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    kind TEXT NOT NULL,
    value TEXT,
    on_date TEXT NOT NULL,
    reason TEXT,
    note TEXT,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX course_results_placement ON course_results (tenant_id, placement_id);
CREATE INDEX course_results_person ON course_results (tenant_id, person_id);

CREATE TABLE notifications (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    person_id TEXT REFERENCES persons(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    link TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    read_at TIMESTAMP
);
CREATE INDEX notifications_user_read ON notifications (user_id, read_at);

-- A breach of the attendance rule that was reported, per threshold and window: a breach
-- whose window overlaps a reported one of the same placement and threshold is not new.
CREATE TABLE attendance_alerts (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    placement_id TEXT NOT NULL REFERENCES placements(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    threshold TEXT NOT NULL,
    window_from TEXT NOT NULL,
    window_to TEXT NOT NULL,
    detail TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT
);
CREATE INDEX attendance_alerts_placement ON attendance_alerts (placement_id, threshold);

-- Settings of a tenant; no row: the defaults (3 unexcused in 14 days, or below 80 % over 28).
CREATE TABLE tenant_settings (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL UNIQUE REFERENCES tenants(id),
    unexcused_limit INTEGER NOT NULL,
    unexcused_window_days INTEGER NOT NULL,
    min_rate_percent INTEGER NOT NULL,
    rate_window_days INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1
);
