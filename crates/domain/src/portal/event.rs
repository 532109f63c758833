//! Events of the portal: start and end as Europe/Berlin local date-times (or dates for
//! all-day events), an optional recurrence rule, a place and an online meeting link.
//! Integreat's `only_weekdays` is `FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR` here.

use serde::Deserialize;
use time::macros::time;
use time::{Date, Duration, PrimitiveDateTime, Time};

use super::rrule::RRule;
use crate::course::{Errs, text};
use crate::offer::long_text;
use crate::plan::parse_date;
use crate::validate::{FieldError, optional_text, required_text};

/// Longest event description (plain text; HTML is sanitised elsewhere).
pub const DESCRIPTION_MAX: usize = 10_000;

/// An event as posted (form or JSON).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventInput {
    /// Title, 1–200 characters.
    #[serde(default, deserialize_with = "text")]
    pub title: String,
    /// Plain-text description.
    #[serde(default, deserialize_with = "text")]
    pub description: String,
    /// The place, as a line of text (name and address).
    #[serde(default, deserialize_with = "text")]
    pub location: String,
    /// Link to an online meeting (`https://…`).
    #[serde(default, deserialize_with = "text")]
    pub meeting_url: String,
    /// `2026-03-05` or `05.03.2026`.
    #[serde(default, deserialize_with = "text")]
    pub start_date: String,
    /// `09:30`; ignored for all-day events.
    #[serde(default, deserialize_with = "text")]
    pub start_time: String,
    /// Empty: the start date.
    #[serde(default, deserialize_with = "text")]
    pub end_date: String,
    /// End time.
    #[serde(default, deserialize_with = "text")]
    pub end_time: String,
    /// Whether the event lasts whole days.
    #[serde(default, deserialize_with = "text")]
    pub all_day: String,
    /// An RRULE such as `FREQ=WEEKLY;BYDAY=TH`; empty: a single event.
    #[serde(default, deserialize_with = "text")]
    pub recurrence_rule: String,
}

/// A valid event. Times are Europe/Berlin wall-clock times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Title, 1–200 characters.
    pub title: String,
    /// Plain text.
    pub description: Option<String>,
    /// The place as one line of text.
    pub location: Option<String>,
    /// Link to an online meeting.
    pub meeting_url: Option<String>,
    /// Start; midnight for all-day events.
    pub start: PrimitiveDateTime,
    /// End, after the start; for all-day events midnight of the last day (inclusive, as
    /// Integreat's `end_date`).
    pub end: PrimitiveDateTime,
    /// Whether the event lasts whole days.
    pub all_day: bool,
    /// Recurrence rule; `None` for a single event.
    pub rrule: Option<RRule>,
}

/// One occurrence of an event (Berlin local).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Occurrence {
    /// Start, Berlin local.
    pub start: PrimitiveDateTime,
    /// End, Berlin local.
    pub end: PrimitiveDateTime,
}

impl Occurrence {
    /// Integreat's slug of an expanded recurrence: `slug$YYYY-MM-DD`.
    pub fn slug(&self, event_slug: &str) -> String {
        let d = self.start.date();
        format!(
            "{event_slug}${:04}-{:02}-{:02}",
            d.year(),
            u8::from(d.month()),
            d.day()
        )
    }
}

impl Event {
    /// The duration every occurrence has (end − start of the first).
    pub fn duration(&self) -> Duration {
        self.end - self.start
    }
}

/// Occurrences of `event` starting in `[from, to]` (Berlin local), sorted, at most `limit`.
/// A single event has one occurrence; a recurring one keeps its wall-clock times and
/// duration across daylight-saving changes.
pub fn occurrences(
    event: &Event,
    from: PrimitiveDateTime,
    to: PrimitiveDateTime,
    limit: usize,
) -> Vec<Occurrence> {
    let duration = event.duration();
    let starts = match &event.rrule {
        Some(rule) => rule.expand(event.start, from, to, limit),
        None if limit > 0 && from <= event.start && event.start <= to => vec![event.start],
        None => vec![],
    };
    starts
        .into_iter()
        .map(|start| Occurrence {
            start,
            end: start.checked_add(duration).unwrap_or(start),
        })
        .collect()
}

/// Parses `HH:MM` or `HH:MM:SS` (24-hour clock).
pub fn parse_clock(field: &'static str, raw: &str) -> Result<Time, FieldError> {
    let bad = || {
        FieldError::new(
            field,
            "malformed_time",
            "a time of day like 08:30 is needed",
        )
    };
    let parts: Vec<&str> = raw.trim().split(':').collect();
    let num = |s: &str| -> Option<u8> {
        (matches!(s.len(), 1 | 2) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (h, m, s) = match parts.as_slice() {
        [h, m] => (num(h), num(m), Some(0)),
        [h, m, s] => (num(h), num(m), num(s)),
        _ => return Err(bad()),
    };
    let (Some(h), Some(m), Some(s)) = (h, m, s) else {
        return Err(bad());
    };
    Time::from_hms(h, m, s).map_err(|_| bad())
}

impl EventInput {
    /// Checks every field, collecting all errors. Codes besides the usual text ones:
    /// `malformed_date`, `impossible_date`, `malformed_time`, `end_before_start`, `invalid_bool`, `invalid_url`,
    /// `rrule_until_before_start` and the `rrule_*` codes of [`RRule::parse`].
    pub fn validate(&self) -> Result<Event, Vec<FieldError>> {
        let mut errs = Errs(Vec::new());
        let title = errs.keep(required_text("title", &self.title, 200));
        let description = errs
            .keep(long_text("description", &self.description, DESCRIPTION_MAX))
            .flatten();
        let location = errs
            .keep(optional_text("location", &self.location, 300))
            .flatten();
        let meeting_url = errs
            .keep(super::web_url("meeting_url", &self.meeting_url))
            .flatten();
        let all_day = errs
            .keep(super::flag("all_day", &self.all_day, false))
            .unwrap_or(false);
        let start_date = if self.start_date.trim().is_empty() {
            errs.0
                .push(FieldError::new("start_date", "required", "is required"));
            None
        } else {
            errs.keep(parse_date("start_date", &self.start_date))
        };
        let end_date: Option<Date> = if self.end_date.trim().is_empty() {
            start_date
        } else {
            errs.keep(parse_date("end_date", &self.end_date))
        };
        let (start_time, end_time) = if all_day {
            (Some(time!(0:00)), Some(time!(0:00)))
        } else {
            let clock = |errs: &mut Errs, field, raw: &str| {
                if raw.trim().is_empty() {
                    errs.0
                        .push(FieldError::new(field, "required", "is required"));
                    None
                } else {
                    errs.keep(parse_clock(field, raw))
                }
            };
            (
                clock(&mut errs, "start_time", &self.start_time),
                clock(&mut errs, "end_time", &self.end_time),
            )
        };
        let rrule = if self.recurrence_rule.trim().is_empty() {
            None
        } else {
            errs.keep(RRule::parse(&self.recurrence_rule))
        };
        let (Some(sd), Some(ed), Some(st), Some(et)) = (start_date, end_date, start_time, end_time)
        else {
            return Err(errs.0);
        };
        let start = PrimitiveDateTime::new(sd, st);
        let end = PrimitiveDateTime::new(ed, et);
        if (all_day && end < start) || (!all_day && end <= start) {
            errs.0.push(FieldError::new(
                "end_date",
                "end_before_start",
                "the event must end after it starts",
            ));
        }
        if let Some(rule) = &rrule
            && let Some(until) = rule.until
        {
            let first_day = match until {
                super::rrule::Until::Date(d) => d,
                super::rrule::Until::Local(t) | super::rrule::Until::Utc(t) => t.date(),
            };
            if first_day < sd {
                errs.0.push(FieldError::new(
                    "recurrence_rule",
                    "rrule_until_before_start",
                    "UNTIL lies before the start of the event",
                ));
            }
        }
        match title {
            Some(title) if errs.0.is_empty() => Ok(Event {
                title,
                description,
                location,
                meeting_url,
                start,
                end,
                all_day,
                rrule,
            }),
            _ => Err(errs.0),
        }
    }
}

#[cfg(test)]
mod tests;
