-- The public information portal (issue 6): regions (the county and its municipalities; a
-- municipality shows the county's pages too), languages with their source-language tree,
-- pages with translations and revisions, places, events, feedback. `external_id` is the
-- numeric id the Integreat-compatible API v3 exposes (kept from an import, else assigned).
-- Opaque Integreat fields we pass through unchanged are kept as JSON text in `passthrough`.

CREATE TABLE portal_regions (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    external_id BIGINT NOT NULL,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    name_without_prefix TEXT NOT NULL,
    parent_region_id TEXT REFERENCES portal_regions(id),
    postcode TEXT,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    status TEXT NOT NULL,
    events_enabled BOOLEAN NOT NULL DEFAULT TRUE,
    places_enabled BOOLEAN NOT NULL DEFAULT TRUE,
    passthrough TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (tenant_id, slug),
    UNIQUE (tenant_id, external_id)
);

CREATE TABLE portal_languages (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    external_id BIGINT NOT NULL,
    code TEXT NOT NULL,
    bcp47_tag TEXT NOT NULL,
    native_name TEXT NOT NULL,
    dir TEXT NOT NULL,
    UNIQUE (tenant_id, code)
);

-- A region's languages; `source_language_id`: the language its texts are translated from
-- (none for the root, German).
CREATE TABLE portal_region_languages (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    region_id TEXT NOT NULL REFERENCES portal_regions(id),
    language_id TEXT NOT NULL REFERENCES portal_languages(id),
    source_language_id TEXT REFERENCES portal_languages(id),
    position INTEGER NOT NULL,
    visible BOOLEAN NOT NULL DEFAULT TRUE,
    UNIQUE (region_id, language_id)
);

CREATE TABLE portal_pages (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    region_id TEXT NOT NULL REFERENCES portal_regions(id),
    external_id BIGINT NOT NULL,
    parent_id TEXT REFERENCES portal_pages(id),
    position INTEGER NOT NULL,
    archived BOOLEAN NOT NULL DEFAULT FALSE,
    passthrough TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (region_id, external_id)
);
CREATE INDEX portal_pages_region ON portal_pages (region_id, parent_id, position);

-- One text of a page, place or event in one language: `kind` page | place | event, `owner_id`
-- the page's, place's or event's id. `status` draft | review | published; `translation_status`
-- up_to_date | outdated | in_translation | missing | machine_translated (portal::translation).
CREATE TABLE portal_texts (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    kind TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    language_id TEXT NOT NULL REFERENCES portal_languages(id),
    -- The translation id the API v3 shows (kept from an import, else assigned).
    external_id BIGINT NOT NULL,
    slug TEXT NOT NULL,
    title TEXT NOT NULL,
    excerpt TEXT NOT NULL,
    content TEXT NOT NULL,
    meta_description TEXT,
    status TEXT NOT NULL,
    translation_status TEXT NOT NULL,
    last_updated TIMESTAMP NOT NULL,
    -- Fields of an imported text served back as they came until the text is edited
    -- (`last_updated`, `modified_gmt` as written by the exporting server).
    passthrough TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (kind, owner_id, language_id)
);
CREATE INDEX portal_texts_language ON portal_texts (tenant_id, kind, language_id, last_updated);

-- Earlier versions of a text, newest first by `revision`; a restore copies one back.
CREATE TABLE portal_text_revisions (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    text_id TEXT NOT NULL REFERENCES portal_texts(id),
    revision INTEGER NOT NULL,
    title TEXT NOT NULL,
    excerpt TEXT NOT NULL,
    content TEXT NOT NULL,
    status TEXT NOT NULL,
    minor_edit BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    UNIQUE (text_id, revision)
);

-- Place categories; `names`: JSON object language code → name.
CREATE TABLE portal_place_categories (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    external_id BIGINT NOT NULL,
    names TEXT NOT NULL,
    color TEXT NOT NULL,
    icon TEXT NOT NULL,
    UNIQUE (tenant_id, external_id)
);

CREATE TABLE portal_places (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    region_id TEXT NOT NULL REFERENCES portal_regions(id),
    external_id BIGINT NOT NULL,
    category_id TEXT REFERENCES portal_place_categories(id),
    address TEXT,
    town TEXT,
    postcode TEXT,
    state TEXT,
    country TEXT,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    -- JSON: seven days Monday..Sunday as the API shows them; null: no opening hours.
    opening_hours TEXT,
    temporarily_closed BOOLEAN NOT NULL DEFAULT FALSE,
    barrier_free BOOLEAN,
    appointment_url TEXT,
    -- JSON list of contacts with their own office hours.
    contacts TEXT NOT NULL,
    passthrough TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (region_id, external_id)
);

-- Events; times are local Europe/Berlin wall-clock text (`2026-12-02T15:00:00`), the
-- recurrence an RRULE (portal::rrule) without the DTSTART line.
CREATE TABLE portal_events (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    region_id TEXT NOT NULL REFERENCES portal_regions(id),
    external_id BIGINT NOT NULL,
    place_id TEXT REFERENCES portal_places(id),
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    all_day BOOLEAN NOT NULL,
    only_weekdays BOOLEAN NOT NULL DEFAULT FALSE,
    rrule TEXT,
    meeting_url TEXT,
    passthrough TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    updated_at TIMESTAMP NOT NULL,
    updated_by TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (region_id, external_id)
);
CREATE INDEX portal_events_region ON portal_events (region_id, starts_at);

-- Feedback of readers: `target_kind` page | event | place | imprint | map | search | region.
CREATE TABLE portal_feedback (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    region_id TEXT NOT NULL REFERENCES portal_regions(id),
    language_code TEXT NOT NULL,
    target_kind TEXT NOT NULL,
    target_slug TEXT,
    rating TEXT,
    comment TEXT,
    query TEXT,
    client_key TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    read_at TIMESTAMP,
    read_by TEXT
);
CREATE INDEX portal_feedback_region ON portal_feedback (region_id, read_at);
CREATE INDEX portal_feedback_client ON portal_feedback (client_key, created_at);
