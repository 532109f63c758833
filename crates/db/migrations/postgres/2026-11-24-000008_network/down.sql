ALTER TABLE tenant_settings DROP COLUMN break_glass_hours;
ALTER TABLE tenant_settings DROP COLUMN referral_reminder_days;
ALTER TABLE persons DROP COLUMN anonymised_at;
ALTER TABLE persons DROP COLUMN closed_on;
DROP TABLE retention_rules;
DROP TABLE break_glass_grants;
DROP TABLE referrals;
DROP TABLE offers;
