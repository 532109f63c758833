//! The public information portal (issue 6), its pure content model: languages with their
//! source-language tree, translation status, the page tree with slugs and county-wide
//! inheritance, publication states, events with recurrence rules and iCal text, and places
//! with opening hours. Field names follow Integreat's API v3 where one exists
//! (`../shared/research/integreat.md` §2). HTML sanitising lives in another crate.

pub mod berlin;
pub mod event;
pub mod ical;
pub mod integreat;
pub mod language;
pub mod page;
pub mod place;
pub mod publication;
pub mod rrule;
pub mod search;
pub mod slug;
pub mod translation;

pub use event::{Event, EventInput, Occurrence, occurrences};
pub use ical::{to_ical, to_ical_feed};
pub use language::{Dir, Language, LanguageCode, LanguageTree};
pub use page::{PageId, PageNode, PageTree, effective_pages, validate_tree};
pub use place::{Place, PlaceInput, open_now};
pub use rrule::RRule;
pub use slug::slug;
pub use translation::{Coverage, coverage};

use crate::validate::{FieldError, optional_text};

/// A yes/no field: empty gives `default`; true/on/1/ja/yes and false/off/0/nein/no are read.
fn flag(field: &'static str, raw: &str, default: bool) -> Result<bool, FieldError> {
    match raw.trim().to_ascii_lowercase().as_str() {
        "" => Ok(default),
        "true" | "on" | "1" | "ja" | "yes" => Ok(true),
        "false" | "off" | "0" | "nein" | "no" => Ok(false),
        _ => Err(FieldError::new(
            field,
            "invalid_bool",
            "must be true or false",
        )),
    }
}

/// An optional web address: `http(s)://`, no white space, at most 500 characters.
fn web_url(field: &'static str, raw: &str) -> Result<Option<String>, FieldError> {
    let Some(url) = optional_text(field, raw, 500)? else {
        return Ok(None);
    };
    let scheme_ok = url.starts_with("https://") || url.starts_with("http://");
    if scheme_ok && url.len() > 8 && !url.contains(char::is_whitespace) {
        Ok(Some(url))
    } else {
        Err(FieldError::new(
            field,
            "invalid_url",
            "must be a web address starting with https://",
        ))
    }
}
