//! HTTP integration tests: the real router and middleware on a fresh, seeded database
//! (SQLite, or PostgreSQL when ANKOMMEN_TEST_POSTGRES_URL is set). One test binary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod api;
mod assessments;
mod attendance;
mod case;
mod consents;
mod courses;
mod network;
mod network_pages;
mod persons;
mod plans;
mod portal_api;
mod portal_editor;
mod portal_pdf;
mod portal_site;
mod privacy_pages;
mod retention;
mod support;
mod ui;
