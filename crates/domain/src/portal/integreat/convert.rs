//! Conversions between Integreat's JSON and the portal domain: recurrence rules
//! (`"DTSTART:…\nRRULE:…"` ↔ [`RRule`]), opening hours (seven [`DayHours`] ↔
//! [`OpeningDay`] list) and languages.

use time::macros::time;
use time::{Date, Month, PrimitiveDateTime, Time, UtcOffset};

use super::super::berlin;
use super::super::rrule::{RRule, Until};
use super::{DayHours, Language, TimeSlot};
use crate::offer::OpeningDay;
use crate::validate::FieldError;

/// A recurring event's rule as Integreat writes it: where it starts and how it repeats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recurrence {
    /// The first occurrence, Europe/Berlin local time.
    pub start: PrimitiveDateTime,
    /// The rule.
    pub rule: RRule,
}

fn rule_err(code: &'static str, message: impl Into<String>) -> FieldError {
    FieldError::new("recurrence_rule", code, message)
}

fn digits(raw: &str) -> Option<u32> {
    (!raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit()))
        .then(|| raw.parse().ok())
        .flatten()
}

fn ical_date(raw: &str) -> Option<Date> {
    if raw.len() != 8 {
        return None;
    }
    let year = i32::try_from(digits(raw.get(..4)?)?).ok()?;
    let month = Month::try_from(u8::try_from(digits(raw.get(4..6)?)?).ok()?).ok()?;
    Date::from_calendar_date(year, month, u8::try_from(digits(raw.get(6..8)?)?).ok()?).ok()
}

/// `YYYYMMDDTHHMMSS` (no `Z`).
fn ical_date_time(raw: &str) -> Option<PrimitiveDateTime> {
    let (date, clock) = raw.split_once('T')?;
    if clock.len() != 6 {
        return None;
    }
    let part = |i: usize| u8::try_from(digits(clock.get(i..i + 2)?)?).ok();
    let t = Time::from_hms(part(0)?, part(2)?, part(4)?).ok()?;
    Some(PrimitiveDateTime::new(ical_date(date)?, t))
}

fn write_ical(t: PrimitiveDateTime) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

fn utc_to_local(t: PrimitiveDateTime) -> PrimitiveDateTime {
    berlin::to_local(t.assume_utc()).unwrap_or(t)
}

fn local_to_utc(t: PrimitiveDateTime) -> PrimitiveDateTime {
    berlin::to_utc(t).map_or(t, |u| {
        let u = u.to_offset(UtcOffset::UTC);
        PrimitiveDateTime::new(u.date(), u.time())
    })
}

fn parse_dtstart(params: &str, value: &str) -> Result<PrimitiveDateTime, FieldError> {
    let bad = || {
        rule_err(
            "rrule_invalid_dtstart",
            format!(
                "DTSTART „{}“ is not a date-time like 20300101T120000",
                value.chars().take(30).collect::<String>()
            ),
        )
    };
    let params = params.to_ascii_uppercase();
    let berlin_local = match params.as_str() {
        "" | "VALUE=DATE" | "VALUE=DATE-TIME" => false,
        "TZID=EUROPE/BERLIN" => true,
        other => {
            return Err(rule_err(
                "rrule_invalid_dtstart",
                format!("DTSTART;{other} is not supported: only Europe/Berlin or UTC times"),
            ));
        }
    };
    if let Some(date) = ical_date(value) {
        return Ok(PrimitiveDateTime::new(date, time!(0:00)));
    }
    match value.strip_suffix('Z') {
        Some(utc) if !berlin_local => ical_date_time(utc).map(utc_to_local).ok_or_else(bad),
        Some(_) => Err(bad()),
        None => {
            let t = ical_date_time(value).ok_or_else(bad)?;
            Ok(if berlin_local { t } else { utc_to_local(t) })
        }
    }
}

/// Reads Integreat's `recurrence_rule`, `"DTSTART:20300101T120000\nRRULE:FREQ=WEEKLY;…"`,
/// with the portal's [`RRule`] (so only what the portal supports is accepted: `YEARLY`
/// rules, for one, are refused).
///
/// Integreat (python-dateutil) writes `DTSTART` and `UNTIL` as **UTC clock times without
/// `Z`**. So `DTSTART` is converted from UTC to Berlin local time, and `UNTIL`: Integreat's
/// end date comes as `…T235959`, read as [`Until::Date`]; any other time as [`Until::Utc`].
/// A `Z` suffix, a date-only value and `DTSTART;TZID=Europe/Berlin:` are read too.
/// Codes: `rrule_malformed`, `rrule_invalid_dtstart`, and those of [`RRule::parse`].
pub fn parse_recurrence_rule(text: &str) -> Result<Recurrence, FieldError> {
    let (mut start, mut rule) = (None, None);
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (name, value) = line.split_once(':').ok_or_else(|| {
            rule_err(
                "rrule_malformed",
                format!(
                    "line „{}“ is not NAME:VALUE",
                    line.chars().take(30).collect::<String>()
                ),
            )
        })?;
        let (name, params) = name.split_once(';').unwrap_or((name, ""));
        match name.trim().to_ascii_uppercase().as_str() {
            "DTSTART" if start.is_none() => start = Some(parse_dtstart(params, value.trim())?),
            "RRULE" if rule.is_none() => rule = Some(RRule::parse(value)?),
            "DTSTART" | "RRULE" => {
                return Err(rule_err(
                    "rrule_malformed",
                    format!("{} is given more than once", name.trim()),
                ));
            }
            _ => {
                return Err(rule_err(
                    "rrule_malformed",
                    format!(
                        "line „{}“ is neither DTSTART nor RRULE",
                        line.chars().take(30).collect::<String>()
                    ),
                ));
            }
        }
    }
    let (Some(start), Some(mut rule)) = (start, rule) else {
        return Err(rule_err(
            "rrule_malformed",
            "a recurrence rule needs a DTSTART line and an RRULE line (\"DTSTART:…\\nRRULE:…\")",
        ));
    };
    rule.until = rule.until.map(|u| match u {
        Until::Local(t) if t.time() == time!(23:59:59) => Until::Date(t.date()),
        Until::Local(t) => Until::Utc(t),
        other => other,
    });
    Ok(Recurrence { start, rule })
}

/// Writes a recurrence as Integreat does: `DTSTART` as UTC clock time without `Z`, then the
/// rule with `UNTIL` the same way (a date `d` as `dT235959`); the inverse of
/// [`parse_recurrence_rule`].
pub fn format_recurrence_rule(recurrence: &Recurrence) -> String {
    let mut rule = recurrence.rule.clone();
    rule.until = rule.until.map(|u| {
        Until::Local(match u {
            Until::Date(d) => PrimitiveDateTime::new(d, time!(23:59:59)),
            Until::Utc(t) => t,
            Until::Local(t) => local_to_utc(t),
        })
    });
    format!(
        "DTSTART:{}\nRRULE:{rule}",
        write_ical(local_to_utc(recurrence.start))
    )
}

/// `HH:MM` or `HH:MM:SS` as minutes after midnight; `24:00` is the end of the day.
fn minutes(raw: &str) -> Option<u16> {
    let parts: Vec<&str> = raw.trim().split(':').collect();
    let num = |s: &str| -> Option<u16> {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (h, m) = match parts.as_slice() {
        [h, m] => (num(h)?, num(m)?),
        [h, m, s] if num(s) == Some(0) => (num(h)?, num(m)?),
        _ => return None,
    };
    (m < 60 && h * 60 + m <= 24 * 60).then_some(h * 60 + m)
}

/// Reads seven days of opening hours; `Err((sub-path like "[2].timeSlots[0].start",
/// message))`.
pub(super) fn read_day_hours(days: &[DayHours]) -> Result<Vec<OpeningDay>, (String, String)> {
    if days.len() != 7 {
        return Err((
            String::new(),
            format!(
                "opening hours need exactly 7 entries, Monday to Sunday; found {}",
                days.len()
            ),
        ));
    }
    let mut out = Vec::new();
    for (weekday, day) in (0u8..).zip(days) {
        if day.closed {
            continue;
        }
        let mut slots = Vec::new();
        if day.all_day {
            slots.push((0, 24 * 60));
        } else {
            for (j, slot) in day.time_slots.iter().enumerate() {
                let at = format!("[{weekday}].timeSlots[{j}]");
                let read = |field: &str, raw: &str| {
                    minutes(raw).ok_or_else(|| {
                        (
                            format!("{at}.{field}"),
                            format!(
                                "„{}“ is not a time like 08:30",
                                raw.chars().take(20).collect::<String>()
                            ),
                        )
                    })
                };
                let (from, to) = (read("start", &slot.start)?, read("end", &slot.end)?);
                if from >= to {
                    return Err((
                        at,
                        format!(
                            "{} to {}: the slot ends before it starts",
                            slot.start, slot.end
                        ),
                    ));
                }
                slots.push((from, to));
            }
            slots.sort_unstable();
            if slots.windows(2).any(|w| w[0].1 > w[1].0) {
                return Err((
                    format!("[{weekday}].timeSlots"),
                    "time slots overlap".to_owned(),
                ));
            }
        }
        if !slots.is_empty() {
            out.push(OpeningDay { weekday, slots });
        }
    }
    Ok(out)
}

/// Integreat's seven days (Monday first) as the portal's opening days: closed days and days
/// without slots are left out, an all-day day is `00:00–24:00`. A day's `appointmentOnly`
/// is not carried: the portal keeps one flag per place. Code: `invalid_opening_hours`.
pub fn opening_days_from_day_hours(days: &[DayHours]) -> Result<Vec<OpeningDay>, FieldError> {
    read_day_hours(days).map_err(|(sub, message)| {
        FieldError::new(
            "opening_hours",
            "invalid_opening_hours",
            format!("opening_hours{sub}: {message}"),
        )
    })
}

fn clock(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The portal's opening days as Integreat's seven days (Monday first): a weekday without
/// slots is `closed`, `00:00–24:00` is `allDay`, and every open day gets `appointment_only`.
/// `timezone` goes into every slot (the CMS writes the region's zone, `Europe/Berlin`).
pub fn day_hours_from_opening_days(
    days: &[OpeningDay],
    appointment_only: bool,
    timezone: Option<&str>,
) -> Vec<DayHours> {
    (0u8..7)
        .map(|weekday| {
            let mut slots: Vec<(u16, u16)> = days
                .iter()
                .filter(|d| d.weekday == weekday)
                .flat_map(|d| d.slots.iter().copied())
                .collect();
            slots.sort_unstable();
            let all_day = slots == [(0, 24 * 60)];
            DayHours {
                all_day,
                closed: slots.is_empty(),
                appointment_only: appointment_only && !slots.is_empty(),
                time_slots: if all_day {
                    Vec::new()
                } else {
                    slots
                        .iter()
                        .map(|&(from, to)| TimeSlot {
                            start: clock(from),
                            end: clock(to),
                            timezone: timezone.map(str::to_owned),
                        })
                        .collect()
                },
            }
        })
        .collect()
}

impl Language {
    /// The portal's language: code (lower-cased) and native name, both checked.
    pub fn to_portal(&self) -> Result<super::super::Language, Vec<FieldError>> {
        super::super::Language::new(&self.code, &self.native_name)
    }
}
