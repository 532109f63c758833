-- Issue 6, second part: editors are bound to regions; a region's organisations (they can own
-- pages, as in Integreat). The region imprint is a text of kind `imprint` owned by the region
-- (portal_texts), so it has translations, statuses and revisions like a page.

CREATE TABLE portal_editor_regions (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    user_id TEXT NOT NULL REFERENCES users(id),
    -- The region's slug: an import replaces a region's rows, the binding survives it.
    region_slug TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT,
    UNIQUE (user_id, region_slug)
);

CREATE TABLE portal_organisations (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id),
    region_id TEXT NOT NULL REFERENCES portal_regions(id),
    external_id BIGINT NOT NULL,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    logo TEXT,
    website TEXT,
    UNIQUE (region_id, external_id)
);

ALTER TABLE portal_pages ADD COLUMN organisation_id TEXT REFERENCES portal_organisations(id);
