//! Integreat's public API v3 as JSON: the objects of `regions/`, `{region}/{lang}/pages/`,
//! `events/?combine_recurring=True`, `locations/`, `location-categories/`, `imprint/` and
//! the feedback form, with the field names of `../shared/research/integreat.md` §2 (the
//! contract). Used both ways: `ankommen portal import-integreat` reads files of these
//! ([`parse_file`]) and the server's API v3 serialises them.
//!
//! - **Field order**: every struct lists its fields in the order the CMS emits them, so
//!   serde writes them in that order too.
//! - **Unknown fields are accepted and dropped.** No struct has `deny_unknown_fields`: the
//!   CMS adds fields between versions (places' categories gained `icon_color`, events
//!   gained `meeting_url`), and an import must not fail on a newer export. What we serve,
//!   though, is exactly the documented contract, so unknown fields are not carried through;
//!   [`parse_file_report`] lists them for the import log.
//! - **Nullable fields** (`Option`) and opaque pass-through fields (`serde_json::Value`:
//!   `thumbnail`, `organization`, `hash`, `embedded_offers`) may be missing on input; they
//!   are read as `null` and written as `null`. Every other field is required.
//! - **Deprecated fields** the CMS still emits, and so do we, are marked "Deprecated" below
//!   and listed in [`DEPRECATED_FIELDS`].
//! - Timestamps stay text as the CMS wrote them (`2024-03-01T10:00:00+01:00`), so that
//!   serving them back gives the same JSON; the file checks make sure they parse.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

mod check;
mod convert;
mod feedback;
mod parse;

pub use check::Context;
pub use convert::{
    Recurrence, day_hours_from_opening_days, format_recurrence_rule, opening_days_from_day_hours,
    parse_recurrence_rule,
};
pub use feedback::{FeedbackForm, FeedbackTarget, Rating};
pub use parse::{
    ApiObject, ImportError, ParsedFile, from_value, parse_file, parse_file_report, parse_object,
};

/// Fields the CMS marks as deprecated but still emits; we emit them too, for old clients.
pub const DEPRECATED_FIELDS: &[&str] = &[
    "page.modified_gmt",
    "event.modified_gmt",
    "event.event.start_date",
    "event.event.start_time",
    "event.event.end_date",
    "event.event.end_time",
    "location.modified_gmt",
    "location.website",
    "location.email",
    "location.phone_number",
    "imprint.modified_gmt",
];

/// A sub-municipality of a region with its own coordinates (`aliases` of a region).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alias {
    /// Latitude, −90..=90.
    pub latitude: f64,
    /// Longitude, −180..=180.
    pub longitude: f64,
}

/// A region (`regions/`, `regions/{region}/`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Region {
    /// Region id.
    pub id: u64,
    /// Full name with prefix (`Stadt Augsburg`).
    pub name: String,
    /// The slug used in every URL (`augsburg`).
    pub path: String,
    /// Whether the region is active (not hidden).
    pub live: bool,
    /// Administrative-division prefix (`Stadt`, `Landkreis`).
    pub prefix: String,
    /// The name alone (`Augsburg`).
    pub name_without_prefix: String,
    /// Postcode.
    pub plz: Option<String>,
    /// Whether the region has offers ("extras").
    pub extras: bool,
    /// Whether events are enabled.
    pub events: bool,
    /// Whether places ("POIs") are enabled.
    pub pois: bool,
    /// Whether push notifications are enabled.
    pub push_notifications: bool,
    /// Longitude of the centre.
    pub longitude: Option<f64>,
    /// Latitude of the centre.
    pub latitude: Option<f64>,
    /// `[[lon, lat], [lon, lat]]`: south-west and north-east corners.
    pub bounding_box: Option<[[f64; 2]; 2]>,
    /// Sub-municipalities by name, or `null`.
    pub aliases: Option<BTreeMap<String, Alias>>,
    /// Whether tünews is shown.
    pub tunews: bool,
    /// Whether external news is shown.
    pub external_news: bool,
    /// Link to the privacy policy of the chat's Zammad, or `null`.
    pub zammad_privacy_policy: Option<String>,
    /// The region's visible languages.
    pub languages: Vec<Language>,
    /// Whether the end-user chat is on.
    pub is_chat_enabled: bool,
}

/// A language of a region (embedded in the region; also `{region}/languages/`, deprecated).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Language {
    /// Language id.
    pub id: u64,
    /// The URL slug (`de`, `fa`).
    pub code: String,
    /// BCP 47 tag (`de-DE`, `fa-IR`).
    pub bcp47_tag: String,
    /// The language's name for itself (`فارسی`).
    pub native_name: String,
    /// `ltr`/`rtl` as documented; the CMS also emits `LEFT_TO_RIGHT`/`RIGHT_TO_LEFT`. Kept
    /// as written; [`Language::direction`] reads both.
    pub dir: String,
}

/// A page's parent: `{id: 0, url: null, path: null}` for root pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parent {
    /// The parent **page** id (not its translation id, which is what `Page::id` is), 0 for
    /// root pages.
    pub id: u64,
    /// Absolute URL of the parent's translation.
    pub url: Option<String>,
    /// Path of the parent's translation (`/augsburg/de/willkommen/`).
    pub path: Option<String>,
}

/// A link to the same content in another language (`available_languages` values).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TranslationLink {
    /// Translation id; `null` for expanded event recurrences.
    pub id: Option<u64>,
    /// Absolute URL.
    pub url: String,
    /// Path (`/augsburg/en/welcome/`).
    pub path: String,
}

/// Other languages of a page, event or place, by language code.
pub type AvailableLanguages = BTreeMap<String, TranslationLink>;

/// A page translation (`pages/`, `page/`, `children/`, `parents/`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// Translation id.
    pub id: u64,
    /// Absolute URL.
    pub url: String,
    /// Path (`/augsburg/de/willkommen/sub/`).
    pub path: String,
    /// Title.
    pub title: String,
    /// Deprecated: last change in UTC (`…Z`).
    pub modified_gmt: String,
    /// Last change, ISO 8601 with offset.
    pub last_updated: String,
    /// Plain text of the content.
    pub excerpt: String,
    /// HTML.
    pub content: String,
    /// The parent page.
    pub parent: Parent,
    /// Sort key among siblings.
    pub order: i64,
    /// Other languages of the page.
    pub available_languages: AvailableLanguages,
    /// Icon URL or `null` (passed through).
    #[serde(default)]
    pub thumbnail: Value,
    /// `{id,slug,name,logo,website}` or `null` (passed through).
    #[serde(default)]
    pub organization: Value,
    /// Always `null` in the CMS (passed through).
    #[serde(default)]
    pub hash: Value,
    /// `[{name,alias,url,post,thumbnail}]` (passed through).
    #[serde(default)]
    pub embedded_offers: Value,
}

/// The short place record inside events and places; every field is `null` for an event
/// without a place.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LocationInfo {
    /// Place id.
    pub id: Option<u64>,
    /// Place name.
    pub name: Option<String>,
    /// Street and number.
    pub address: Option<String>,
    /// Town.
    pub town: Option<String>,
    /// Always `null` in the CMS.
    pub state: Option<String>,
    /// Postcode.
    pub postcode: Option<String>,
    /// Always `null` in the CMS.
    pub region: Option<String>,
    /// Country.
    pub country: Option<String>,
    /// Latitude, −90..=90.
    pub latitude: Option<f64>,
    /// Longitude, −180..=180.
    pub longitude: Option<f64>,
}

/// Date and time of an event (the `event` object of an event).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventTimes {
    /// Event id; `null` for expanded recurrences.
    pub id: Option<u64>,
    /// Start, ISO 8601 with offset (`2030-01-01T13:00:00+01:00`).
    pub start: String,
    /// Deprecated: local start date.
    pub start_date: String,
    /// Deprecated: local start time (`13:00:00`).
    pub start_time: String,
    /// End, ISO 8601 with offset.
    pub end: String,
    /// Deprecated: local end date.
    pub end_date: String,
    /// Deprecated: local end time.
    pub end_time: String,
    /// Whether the event lasts whole days.
    pub all_day: bool,
    /// Whether it takes place on Mondays to Fridays only.
    pub only_weekdays: bool,
    /// Id of the recurrence rule, or `null`.
    pub recurrence_id: Option<u64>,
    /// IANA time zone (`Europe/Berlin`).
    pub timezone: String,
}

/// An event translation (`events/`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Translation id.
    pub id: u64,
    /// Absolute URL.
    pub url: String,
    /// Path; an expanded recurrence has the slug `slug$YYYY-MM-DD`.
    pub path: String,
    /// Title.
    pub title: String,
    /// Deprecated: last change in UTC.
    pub modified_gmt: String,
    /// Last change, ISO 8601 with offset.
    pub last_updated: String,
    /// Plain text of the content.
    pub excerpt: String,
    /// HTML.
    pub content: String,
    /// Other languages of the event.
    pub available_languages: AvailableLanguages,
    /// Icon URL or `null` (passed through).
    #[serde(default)]
    pub thumbnail: Value,
    /// The place; all fields `null` if there is none.
    pub location: LocationInfo,
    /// Path of the place's page. Older CMS versions call it `location_url`, which is read
    /// as well (and written as `location_path`).
    #[serde(alias = "location_url")]
    pub location_path: Option<String>,
    /// Link to an online meeting.
    pub meeting_url: Option<String>,
    /// Date and time.
    pub event: EventTimes,
    /// Always `null` in the CMS (passed through).
    #[serde(default)]
    pub hash: Value,
    /// `"DTSTART:…\nRRULE:…"` or `null`; see [`parse_recurrence_rule`].
    pub recurrence_rule: Option<String>,
}

/// A time slot of opening hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeSlot {
    /// `HH:MM`.
    pub start: String,
    /// `HH:MM`.
    pub end: String,
    /// IANA time zone; older CMS versions leave it out, and then so do we.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
}

/// Opening hours of one weekday (seven of them, Monday first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayHours {
    /// Open the whole day.
    #[serde(rename = "allDay")]
    pub all_day: bool,
    /// Closed that day.
    pub closed: bool,
    /// Only with an appointment.
    #[serde(rename = "appointmentOnly")]
    pub appointment_only: bool,
    /// The slots of the day.
    #[serde(rename = "timeSlots")]
    pub time_slots: Vec<TimeSlot>,
}

/// A contact of a place with its own hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// What the contact is responsible for.
    pub area_of_responsibility: Option<String>,
    /// Name.
    pub name: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Phone number.
    pub phone_number: Option<String>,
    /// Mobile number.
    pub mobile_number: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Seven days, or `null` when they are the place's default.
    pub opening_hours: Option<Vec<DayHours>>,
    /// Where to book an appointment.
    pub appointment_url: Option<String>,
}

/// A place category (`location-categories/` and inside places).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocationCategory {
    /// Category id.
    pub id: u64,
    /// Name in the requested language.
    pub name: String,
    /// Colour name.
    pub color: String,
    /// Icon name.
    pub icon: String,
    /// URL of the icon's SVG.
    pub icon_url: String,
}

/// A place (`locations/`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// Translation id.
    pub id: u64,
    /// Absolute URL.
    pub url: String,
    /// Path.
    pub path: String,
    /// Name.
    pub title: String,
    /// Deprecated: last change in UTC.
    pub modified_gmt: String,
    /// Last change, ISO 8601 with offset.
    pub last_updated: String,
    /// First publication, ISO 8601 with offset.
    pub published_at: Option<String>,
    /// Short description for search engines.
    pub meta_description: Option<String>,
    /// Plain text of the content.
    pub excerpt: String,
    /// HTML.
    pub content: String,
    /// Other languages of the place.
    pub available_languages: AvailableLanguages,
    /// Icon URL.
    pub icon: Option<String>,
    /// Icon thumbnail URL or `null` (passed through).
    #[serde(default)]
    pub thumbnail: Value,
    /// Deprecated: the primary contact's website.
    pub website: Option<String>,
    /// Deprecated: the primary contact's e-mail.
    pub email: Option<String>,
    /// Deprecated: the primary contact's phone number.
    pub phone_number: Option<String>,
    /// Contacts with their own hours.
    pub contacts: Vec<Contact>,
    /// Category, or `null`.
    pub category: Option<LocationCategory>,
    /// Closed for now whatever the hours say.
    pub temporarily_closed: bool,
    /// Seven days (Monday first), or `null` when closed for now or the hours are unset.
    pub opening_hours: Option<Vec<DayHours>>,
    /// Where to book an appointment.
    pub appointment_url: Option<String>,
    /// Address and coordinates.
    pub location: LocationInfo,
    /// Always `null` in the CMS (passed through).
    #[serde(default)]
    pub hash: Value,
    /// `{id,slug,name,logo,website}` or `null` (passed through).
    #[serde(default)]
    pub organization: Value,
    /// Step-free access; `null`: not known.
    pub barrier_free: Option<bool>,
}

/// The region's imprint (`imprint/`): page-like, without `order` and offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Imprint {
    /// Translation id.
    pub id: u64,
    /// Absolute URL.
    pub url: String,
    /// Path.
    pub path: String,
    /// Title.
    pub title: String,
    /// Deprecated: last change in UTC. Not in §2's list but emitted by the CMS; left out
    /// when the input has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified_gmt: Option<String>,
    /// Last change, ISO 8601 with offset.
    pub last_updated: String,
    /// Plain text of the content.
    pub excerpt: String,
    /// HTML.
    pub content: String,
    /// Always `null` (passed through).
    #[serde(default)]
    pub parent: Value,
    /// Other languages of the imprint.
    pub available_languages: AvailableLanguages,
    /// Always `null` (passed through).
    #[serde(default)]
    pub thumbnail: Value,
    /// Always `null` (passed through).
    #[serde(default)]
    pub hash: Value,
}

impl Language {
    /// The text direction, from `ltr`/`rtl` or `LEFT_TO_RIGHT`/`RIGHT_TO_LEFT`.
    pub fn direction(&self) -> Option<super::Dir> {
        match self.dir.as_str() {
            "ltr" | "LEFT_TO_RIGHT" => Some(super::Dir::Ltr),
            "rtl" | "RIGHT_TO_LEFT" => Some(super::Dir::Rtl),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;
