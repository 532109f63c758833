//! The subset of iCalendar recurrence rules (RFC 5545 §3.3.10) the portal supports:
//! `FREQ=DAILY|WEEKLY|MONTHLY`, `INTERVAL`, `COUNT`, `UNTIL`, `BYDAY` (with ordinals such as
//! `1MO` or `-1FR` for `MONTHLY`; as a weekday filter for `DAILY`) and `WKST` (checked, then
//! ignored: weeks start on Monday). Everything else is refused with an error naming the part.
//!
//! Expansion treats `DTSTART` as the first occurrence even when the rule would not produce
//! it (as RFC 2445, libical and the big calendar apps do); `COUNT` includes it. Occurrences
//! keep the local wall-clock time of the start across daylight-saving changes.

use std::fmt;

use time::macros::time;
use time::{Date, Month, PrimitiveDateTime, Weekday};

use super::berlin;
use crate::validate::FieldError;

/// Largest `INTERVAL` accepted.
pub const MAX_INTERVAL: u16 = 1000;
/// Longest rule text accepted, in bytes.
pub const MAX_LEN: usize = 500;

crate::text_enum! {
    /// How often a rule repeats.
    pub enum Freq ("recurrence frequency") {
        Daily = "DAILY",
        Weekly = "WEEKLY",
        Monthly = "MONTHLY",
    }
}

const DAY_CODES: [(&str, Weekday); 7] = [
    ("MO", Weekday::Monday),
    ("TU", Weekday::Tuesday),
    ("WE", Weekday::Wednesday),
    ("TH", Weekday::Thursday),
    ("FR", Weekday::Friday),
    ("SA", Weekday::Saturday),
    ("SU", Weekday::Sunday),
];

/// One `BYDAY` entry: a weekday, with an ordinal in the month for `MONTHLY` (`-1FR`: last
/// Friday).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByDay {
    /// 1..=5 from the start of the month, -5..=-1 from its end; `None`: every such weekday.
    pub ordinal: Option<i8>,
    /// The weekday.
    pub weekday: Weekday,
}

/// The end of a rule as written: a date, a floating local date-time (read as Berlin time)
/// or a UTC date-time (`…Z`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Until {
    /// A date: the whole day is included.
    Date(Date),
    /// A floating date-time, read as Berlin local time.
    Local(PrimitiveDateTime),
    /// A UTC date-time (`…Z`).
    Utc(PrimitiveDateTime),
}

/// A parsed recurrence rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RRule {
    /// Daily, weekly or monthly.
    pub freq: Freq,
    /// Every `interval` days, weeks or months; 1..=[`MAX_INTERVAL`].
    pub interval: u16,
    /// Number of occurrences including the first; never together with `until`.
    pub count: Option<u32>,
    /// Last possible occurrence start, inclusive.
    pub until: Option<Until>,
    /// Weekdays, without duplicates.
    pub by_day: Vec<ByDay>,
}

fn err(code: &'static str, message: String) -> FieldError {
    FieldError::new("recurrence_rule", code, message)
}

fn shown(raw: &str) -> String {
    raw.chars().take(30).collect()
}

fn weekday_of(code: &str) -> Option<Weekday> {
    DAY_CODES.iter().find(|(c, _)| *c == code).map(|(_, d)| *d)
}

fn code_of(day: Weekday) -> &'static str {
    DAY_CODES
        .iter()
        .find(|(_, d)| *d == day)
        .map_or("MO", |(c, _)| c)
}

fn digits(raw: &str, len: usize) -> Option<u32> {
    (raw.len() == len && raw.bytes().all(|b| b.is_ascii_digit()))
        .then(|| raw.parse().ok())
        .flatten()
}

/// Parses `YYYYMMDD`, `YYYYMMDDTHHMMSS` or `YYYYMMDDTHHMMSSZ`.
fn parse_until(raw: &str) -> Option<Until> {
    let date_part = raw.get(..8)?;
    let date = Date::from_calendar_date(
        i32::try_from(digits(date_part.get(..4)?, 4)?).ok()?,
        Month::try_from(u8::try_from(digits(date_part.get(4..6)?, 2)?).ok()?).ok()?,
        u8::try_from(digits(date_part.get(6..8)?, 2)?).ok()?,
    )
    .ok()?;
    let rest = raw.get(8..)?;
    if rest.is_empty() {
        return Some(Until::Date(date));
    }
    let (clock, utc) = match rest.strip_suffix('Z') {
        Some(c) => (c, true),
        None => (rest, false),
    };
    let clock = clock.strip_prefix('T')?;
    let hms = |i: usize| -> Option<u8> { u8::try_from(digits(clock.get(i..i + 2)?, 2)?).ok() };
    if clock.len() != 6 {
        return None;
    }
    let t = time::Time::from_hms(hms(0)?, hms(2)?, hms(4)?).ok()?;
    let at = PrimitiveDateTime::new(date, t);
    Some(if utc {
        Until::Utc(at)
    } else {
        Until::Local(at)
    })
}

fn parse_by_day(value: &str) -> Result<Vec<ByDay>, FieldError> {
    let mut out: Vec<ByDay> = Vec::new();
    for item in value.split(',') {
        let item = item.trim();
        let bad = || {
            err(
                "rrule_invalid_byday",
                format!(
                    "BYDAY „{}“ is not a weekday like MO or 1MO or -1FR",
                    shown(item)
                ),
            )
        };
        let split = item.len().checked_sub(2).ok_or_else(bad)?;
        let (ord, day) = (
            item.get(..split).ok_or_else(bad)?,
            item.get(split..).ok_or_else(bad)?,
        );
        let weekday = weekday_of(day).ok_or_else(bad)?;
        let ordinal = if ord.is_empty() {
            None
        } else {
            let n: i8 = ord
                .strip_prefix('+')
                .unwrap_or(ord)
                .parse()
                .map_err(|_| bad())?;
            if n == 0 || !(-5..=5).contains(&n) {
                return Err(err(
                    "rrule_invalid_byday",
                    format!(
                        "BYDAY „{}“: the ordinal must be 1 to 5 or -1 to -5",
                        shown(item)
                    ),
                ));
            }
            Some(n)
        };
        let by = ByDay { ordinal, weekday };
        if !out.contains(&by) {
            out.push(by);
        }
    }
    Ok(out)
}

impl RRule {
    /// Parses rule text such as `FREQ=MONTHLY;BYDAY=-1FR;COUNT=6` (an `RRULE:` prefix is
    /// allowed). Never panics. Codes: `rrule_empty`, `rrule_too_long`, `rrule_malformed`,
    /// `rrule_duplicate_part`, `rrule_missing_freq`, `rrule_unsupported_freq`,
    /// `rrule_invalid_freq`, `rrule_invalid_interval`, `rrule_invalid_count`,
    /// `rrule_invalid_until`, `rrule_invalid_byday`, `rrule_invalid_wkst`,
    /// `rrule_unsupported_part`, `rrule_unknown_part`, `rrule_count_and_until`,
    /// `rrule_byday_ordinal`.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let text = raw.trim();
        if text.len() > MAX_LEN {
            return Err(err(
                "rrule_too_long",
                format!("a recurrence rule has at most {MAX_LEN} characters"),
            ));
        }
        let text = match text.get(..6) {
            Some(p) if p.eq_ignore_ascii_case("RRULE:") => text.get(6..).unwrap_or_default(),
            _ => text,
        };
        if text.trim().is_empty() {
            return Err(err("rrule_empty", "the recurrence rule is empty".into()));
        }
        let mut seen: Vec<String> = Vec::new();
        let (mut freq, mut interval, mut count, mut until, mut by_day) =
            (None, 1, None, None, vec![]);
        for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            let (name, value) = part.split_once('=').ok_or_else(|| {
                err(
                    "rrule_malformed",
                    format!("„{}“ is not of the form NAME=VALUE", shown(part)),
                )
            })?;
            let name = name.trim().to_ascii_uppercase();
            let value = value.trim().to_ascii_uppercase();
            if seen.contains(&name) {
                return Err(err(
                    "rrule_duplicate_part",
                    format!("{} is given more than once", shown(&name)),
                ));
            }
            seen.push(name.clone());
            match name.as_str() {
                "FREQ" => {
                    freq = Some(Freq::parse(&value).map_err(|_| {
                        if ["SECONDLY", "MINUTELY", "HOURLY", "YEARLY"].contains(&value.as_str()) {
                            err(
                                "rrule_unsupported_freq",
                                format!(
                                    "FREQ={value} is not supported; use DAILY, WEEKLY or MONTHLY"
                                ),
                            )
                        } else {
                            err(
                                "rrule_invalid_freq",
                                format!("FREQ „{}“ is not a frequency", shown(&value)),
                            )
                        }
                    })?);
                }
                "INTERVAL" => {
                    interval = value
                        .parse::<u16>()
                        .ok()
                        .filter(|n| (1..=MAX_INTERVAL).contains(n))
                        .ok_or_else(|| {
                            err(
                                "rrule_invalid_interval",
                                format!("INTERVAL must be a number from 1 to {MAX_INTERVAL}"),
                            )
                        })?;
                }
                "COUNT" => {
                    count = Some(value.parse::<u32>().ok().filter(|n| *n >= 1).ok_or_else(
                        || {
                            err(
                                "rrule_invalid_count",
                                "COUNT must be a number from 1".into(),
                            )
                        },
                    )?);
                }
                "UNTIL" => {
                    until = Some(parse_until(&value).ok_or_else(|| {
                        err(
                            "rrule_invalid_until",
                            format!(
                                "UNTIL „{}“ is not a date like 20261231 or 20261231T230000Z",
                                shown(&value)
                            ),
                        )
                    })?);
                }
                "BYDAY" => by_day = parse_by_day(&value)?,
                "WKST" => {
                    weekday_of(&value).ok_or_else(|| {
                        err(
                            "rrule_invalid_wkst",
                            format!("WKST „{}“ is not a weekday like MO", shown(&value)),
                        )
                    })?;
                }
                "BYSECOND" | "BYMINUTE" | "BYHOUR" | "BYMONTHDAY" | "BYYEARDAY" | "BYWEEKNO"
                | "BYMONTH" | "BYSETPOS" | "RSCALE" | "SKIP" => {
                    return Err(err(
                        "rrule_unsupported_part",
                        format!(
                            "{name} is not supported; supported are FREQ, INTERVAL, COUNT, UNTIL, BYDAY and WKST"
                        ),
                    ));
                }
                _ => {
                    return Err(err(
                        "rrule_unknown_part",
                        format!("„{}“ is not a part of a recurrence rule", shown(&name)),
                    ));
                }
            }
        }
        let freq = freq.ok_or_else(|| {
            err(
                "rrule_missing_freq",
                "FREQ is missing (DAILY, WEEKLY or MONTHLY)".into(),
            )
        })?;
        if count.is_some() && until.is_some() {
            return Err(err(
                "rrule_count_and_until",
                "give COUNT or UNTIL, not both".into(),
            ));
        }
        if freq != Freq::Monthly && by_day.iter().any(|b| b.ordinal.is_some()) {
            return Err(err(
                "rrule_byday_ordinal",
                format!("BYDAY with an ordinal (like 1MO) needs FREQ=MONTHLY, not {freq}"),
            ));
        }
        Ok(Self {
            freq,
            interval,
            count,
            until,
            by_day,
        })
    }

    /// The rule as iCal text for an event starting at a local date-time (`all_day`: a date).
    /// RFC 5545 wants `UNTIL` as a date for all-day events and in UTC otherwise, so it is
    /// converted; the rest is written as parsed.
    pub fn to_ical_value(&self, all_day: bool) -> String {
        let until = self.until.map(|u| match (all_day, u) {
            (true, u) => Until::Date(until_local(u).date()),
            (false, Until::Utc(t)) => Until::Utc(t),
            (false, u) => {
                let local = until_local(u);
                match berlin::to_utc(local) {
                    Some(t) => Until::Utc(PrimitiveDateTime::new(t.date(), t.time())),
                    None => Until::Local(local),
                }
            }
        });
        Self {
            until,
            ..self.clone()
        }
        .to_string()
    }
}

/// The last local date-time an `UNTIL` allows (a date: its whole day).
fn until_local(u: Until) -> PrimitiveDateTime {
    match u {
        Until::Date(d) => PrimitiveDateTime::new(d, time!(23:59:59)),
        Until::Local(t) => t,
        Until::Utc(t) => berlin::to_local(t.assume_utc()).unwrap_or(t),
    }
}

fn write_date(f: &mut fmt::Formatter<'_>, d: Date) -> fmt::Result {
    write!(f, "{:04}{:02}{:02}", d.year(), u8::from(d.month()), d.day())
}

fn write_date_time(f: &mut fmt::Formatter<'_>, t: PrimitiveDateTime) -> fmt::Result {
    write_date(f, t.date())?;
    write!(f, "T{:02}{:02}{:02}", t.hour(), t.minute(), t.second())
}

impl fmt::Display for RRule {
    /// Canonical text: `FREQ=…[;INTERVAL=…][;COUNT=…|;UNTIL=…][;BYDAY=…]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FREQ={}", self.freq)?;
        if self.interval != 1 {
            write!(f, ";INTERVAL={}", self.interval)?;
        }
        if let Some(c) = self.count {
            write!(f, ";COUNT={c}")?;
        }
        match self.until {
            Some(Until::Date(d)) => {
                f.write_str(";UNTIL=")?;
                write_date(f, d)?;
            }
            Some(Until::Local(t)) => {
                f.write_str(";UNTIL=")?;
                write_date_time(f, t)?;
            }
            Some(Until::Utc(t)) => {
                f.write_str(";UNTIL=")?;
                write_date_time(f, t)?;
                f.write_str("Z")?;
            }
            None => {}
        }
        if !self.by_day.is_empty() {
            let days: Vec<String> = self
                .by_day
                .iter()
                .map(|b| match b.ordinal {
                    Some(o) => format!("{o}{}", code_of(b.weekday)),
                    None => code_of(b.weekday).to_owned(),
                })
                .collect();
            write!(f, ";BYDAY={}", days.join(","))?;
        }
        Ok(())
    }
}

mod expand;

#[cfg(test)]
mod tests;
