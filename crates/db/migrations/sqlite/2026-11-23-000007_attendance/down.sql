DROP TABLE tenant_settings;
DROP TABLE attendance_alerts;
DROP TABLE notifications;
DROP TABLE course_results;
DROP TABLE attendance;
