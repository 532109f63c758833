ALTER TABLE portal_pages DROP COLUMN organisation_id;
DROP TABLE portal_organisations;
DROP TABLE portal_editor_regions;
