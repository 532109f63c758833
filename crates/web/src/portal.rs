//! The public information portal (issue 6): content import from Integreat-shaped JSON, the
//! Integreat-compatible API v3, and the cleaning of content HTML.

pub mod api_v3;
pub mod api_v3_things;
pub mod feedback;
pub mod ical_feed;
pub mod import;
pub mod pdf;
pub mod sanitize;
pub mod site;
