//! Dates of birth as documents give them: often only a year, or a year and a month, written in
//! the German order or as ISO. We model what is known and never invent the missing day
//! (DESIGN.md §4), so that age rules can say "at least 17, at most 18" instead of guessing.
//!
//! Foreign documents mark unknown parts with zeros ("00.00.1990") or, as many registries
//! do, with the placeholder 1 January ("01.01.1990"). Zeros become a partial date. A
//! 1 January date is kept as given, because it may well be the true birthday, but
//! [`PartialDate::maybe_placeholder`] flags it so that matching and age rules can treat it as
//! "year known, day uncertain".

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::{Date, Month};

use crate::validate::FieldError;

/// Earliest year accepted: nobody alive was born before, and older years are typing errors.
pub const MIN_YEAR: i32 = 1880;

/// A date that may lack its day, or its day and month. Invariant: a day implies a month, and a
/// full date is a real calendar day between [`MIN_YEAR`] and 9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate(Known);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Known {
    Year(i32),
    YearMonth(i32, Month),
    Full(Date),
}

/// How much of a [`PartialDate`] is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// An age in completed years that is exact for full dates and a range for partial ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AgeRange {
    /// The age if the person was born on the latest possible day.
    pub min: u32,
    /// The age if the person was born on the earliest possible day.
    pub max: u32,
}

impl AgeRange {
    /// Whether the age is known to the year.
    pub fn is_exact(self) -> bool {
        self.min == self.max
    }
}

fn malformed(field: &'static str) -> FieldError {
    FieldError::new(
        field,
        "malformed_date",
        "must be a date like 02.04.1990, 04.1990, 00.00.1990, 1990-04-02, 1990-04 or 1990",
    )
}

fn impossible(field: &'static str, raw: &str) -> FieldError {
    FieldError::new(
        field,
        "impossible_date",
        format!("'{raw}' is not a day of the calendar"),
    )
}

/// Digits of one date part; "00", "xx" and "XX" (unknown, as on foreign documents) give 0.
fn number(part: &str, min_len: usize, max_len: usize) -> Option<u32> {
    if !(min_len..=max_len).contains(&part.len()) {
        return None;
    }
    if part.chars().all(|c| c == 'x' || c == 'X') {
        return Some(0);
    }
    if !part.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    part.parse().ok()
}

impl PartialDate {
    /// A year only.
    pub fn from_year(field: &'static str, year: i32) -> Result<Self, FieldError> {
        Self::from_parts(field, &year.to_string(), year, 0, 0)
    }

    /// A full calendar date.
    pub fn from_date(field: &'static str, date: Date) -> Result<Self, FieldError> {
        Self::from_parts(
            field,
            &date.to_string(),
            date.year(),
            u8::from(date.month()).into(),
            date.day().into(),
        )
    }

    /// Parses ISO ("1990", "1990-04", "1990-04-02") or German ("02.04.1990", "04.1990",
    /// "00.04.1990", "00.00.1990") text. Zero or "XX" parts mean unknown. Two-digit years
    /// are rejected: the century of a birth date cannot be guessed safely.
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, FieldError> {
        let text = raw.trim();
        let (year, month, day) = if text.contains('.') {
            // German order: [day.]month.year
            let parts: Vec<&str> = text.split('.').collect();
            match parts.as_slice() {
                [d, m, y] => (number(y, 4, 4), number(m, 1, 2), number(d, 1, 2)),
                [m, y] => (number(y, 4, 4), number(m, 1, 2), Some(0)),
                _ => return Err(malformed(field)),
            }
        } else {
            let parts: Vec<&str> = text.split('-').collect();
            match parts.as_slice() {
                [y] => (number(y, 4, 4), Some(0), Some(0)),
                [y, m] => (number(y, 4, 4), number(m, 2, 2), Some(0)),
                [y, m, d] => (number(y, 4, 4), number(m, 2, 2), number(d, 2, 2)),
                _ => return Err(malformed(field)),
            }
        };
        let (Some(year), Some(month), Some(day)) = (year, month, day) else {
            return Err(malformed(field));
        };
        let year = i32::try_from(year).map_err(|_| malformed(field))?;
        Self::from_parts(field, text, year, month, day)
    }

    /// Parses like [`PartialDate::parse`] and rejects dates after `today` (a birth in the
    /// future). A partial date is in the future only if its earliest possible day is.
    pub fn parse_not_after(
        field: &'static str,
        raw: &str,
        today: Date,
    ) -> Result<Self, FieldError> {
        Self::parse(field, raw)?.not_after(field, today)
    }

    /// Rejects the date if even its earliest possible day lies after `today`.
    pub fn not_after(self, field: &'static str, today: Date) -> Result<Self, FieldError> {
        if self.earliest() > today {
            return Err(FieldError::new(
                field,
                "future_date",
                format!("{self} lies in the future"),
            ));
        }
        Ok(self)
    }

    fn from_parts(
        field: &'static str,
        raw: &str,
        year: i32,
        month: u32,
        day: u32,
    ) -> Result<Self, FieldError> {
        if !(MIN_YEAR..=9999).contains(&year) {
            return Err(FieldError::new(
                field,
                "implausible_date",
                format!("the year must lie between {MIN_YEAR} and 9999"),
            ));
        }
        if month == 0 {
            // "15.00.1990": a day without its month is no date we can keep.
            return if day == 0 {
                Ok(Self(Known::Year(year)))
            } else {
                Err(impossible(field, raw))
            };
        }
        let month = u8::try_from(month)
            .ok()
            .and_then(|m| Month::try_from(m).ok())
            .ok_or_else(|| impossible(field, raw))?;
        if day == 0 {
            return Ok(Self(Known::YearMonth(year, month)));
        }
        let day = u8::try_from(day).map_err(|_| impossible(field, raw))?;
        Date::from_calendar_date(year, month, day)
            .map(|d| Self(Known::Full(d)))
            .map_err(|_| impossible(field, raw))
    }

    /// The year, always known.
    pub fn year(self) -> i32 {
        match self.0 {
            Known::Year(y) | Known::YearMonth(y, _) => y,
            Known::Full(d) => d.year(),
        }
    }

    /// The month, if known.
    pub fn month(self) -> Option<Month> {
        match self.0 {
            Known::Year(_) => None,
            Known::YearMonth(_, m) => Some(m),
            Known::Full(d) => Some(d.month()),
        }
    }

    /// The day of the month, if known.
    pub fn day(self) -> Option<u8> {
        match self.0 {
            Known::Full(d) => Some(d.day()),
            _ => None,
        }
    }

    /// The full date, if known.
    pub fn as_date(self) -> Option<Date> {
        match self.0 {
            Known::Full(d) => Some(d),
            _ => None,
        }
    }

    /// How much is known.
    pub fn precision(self) -> Precision {
        match self.0 {
            Known::Year(_) => Precision::Year,
            Known::YearMonth(..) => Precision::Month,
            Known::Full(_) => Precision::Day,
        }
    }

    /// A full date on 1 January: perhaps the true birthday, perhaps the placeholder that
    /// registries in many countries write when only the year is known.
    pub fn maybe_placeholder(self) -> bool {
        matches!(self.0, Known::Full(d) if d.month() == Month::January && d.day() == 1)
    }

    /// The earliest day the date can stand for.
    pub fn earliest(self) -> Date {
        let (year, month) = (self.year(), self.month().unwrap_or(Month::January));
        self.as_date()
            .or_else(|| Date::from_calendar_date(year, month, 1).ok())
            .unwrap_or(Date::MIN)
    }

    /// The latest day the date can stand for.
    pub fn latest(self) -> Date {
        let (year, month) = (self.year(), self.month().unwrap_or(Month::December));
        self.as_date()
            .or_else(|| Date::from_calendar_date(year, month, month.length(year)).ok())
            .unwrap_or(Date::MAX)
    }

    /// Age in completed years on `on`: exact for full dates, a range for partial ones; `None`
    /// if the person cannot have been born yet. Birthdays count from the day itself, so
    /// someone born on 29 February turns a year older on 1 March in common years.
    pub fn age_on(self, on: Date) -> Option<AgeRange> {
        if on < self.earliest() {
            return None;
        }
        let max = completed_years(self.earliest(), on);
        let min = if on < self.latest() {
            0
        } else {
            completed_years(self.latest(), on)
        };
        Some(AgeRange { min, max })
    }

    /// German display form: "02.04.1990", "04.1990" or "1990".
    pub fn to_german(self) -> String {
        match self.0 {
            Known::Year(y) => format!("{y:04}"),
            Known::YearMonth(y, m) => format!("{:02}.{y:04}", u8::from(m)),
            Known::Full(d) => format!("{:02}.{:02}.{:04}", d.day(), u8::from(d.month()), d.year()),
        }
    }
}

/// Completed years from `born` to `on` (`born <= on`).
fn completed_years(born: Date, on: Date) -> u32 {
    let mut years = on.year() - born.year();
    if (on.month(), on.day()) < (born.month(), born.day()) {
        years -= 1;
    }
    u32::try_from(years).unwrap_or(0)
}

/// The storage and API form: ISO with the unknown parts left out ("1990", "1990-04",
/// "1990-04-02"), which sorts and compares as text within one precision.
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Known::Year(y) => write!(f, "{y:04}"),
            Known::YearMonth(y, m) => write!(f, "{y:04}-{:02}", u8::from(m)),
            Known::Full(d) => write!(
                f,
                "{:04}-{:02}-{:02}",
                d.year(),
                u8::from(d.month()),
                d.day()
            ),
        }
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str> as Deserialize>::deserialize(d)?;
        PartialDate::parse("date", &text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn p(raw: &str) -> PartialDate {
        PartialDate::parse("birth_date", raw).unwrap()
    }

    fn code(raw: &str) -> &'static str {
        PartialDate::parse_not_after("birth_date", raw, date!(2026 - 11 - 23))
            .unwrap_err()
            .code
    }

    #[test]
    fn parses_iso_and_german_forms_to_the_same_storage_text() {
        for (raw, iso) in [
            ("1990", "1990"),
            ("1990-04", "1990-04"),
            ("1990-04-02", "1990-04-02"),
            ("02.04.1990", "1990-04-02"),
            ("2.4.1990", "1990-04-02"),
            ("04.1990", "1990-04"),
            ("00.04.1990", "1990-04"),
            ("00.00.1990", "1990"),
            ("XX.XX.1990", "1990"),
            ("1990-00-00", "1990"),
            (" 01.01.1990 ", "1990-01-01"),
        ] {
            assert_eq!(p(raw).to_string(), iso, "{raw}");
        }
    }

    #[test]
    fn rejects_bad_input_with_stable_codes() {
        assert_eq!(code("31.02.1990"), "impossible_date");
        assert_eq!(code("29.02.1991"), "impossible_date");
        assert_eq!(code("1990-13"), "impossible_date");
        assert_eq!(code("15.00.1990"), "impossible_date");
        assert_eq!(code("02.04.90"), "malformed_date");
        assert_eq!(code("1990/04/02"), "malformed_date");
        assert_eq!(code(""), "malformed_date");
        assert_eq!(code("April 1990"), "malformed_date");
        assert_eq!(code("1990-4-2"), "malformed_date");
        assert_eq!(code("1850"), "implausible_date");
        assert_eq!(code("24.11.2026"), "future_date");
        assert_eq!(code("12.2026"), "future_date");
        assert_eq!(code("2027"), "future_date");
        let err = PartialDate::parse("birth_date", "31.02.1990").unwrap_err();
        assert_eq!(err.field, "birth_date");
        assert!(err.message.contains("31.02.1990"));
    }

    #[test]
    fn partial_dates_of_this_year_or_month_are_not_in_the_future() {
        let today = date!(2026 - 11 - 23);
        assert!(PartialDate::parse_not_after("d", "2026", today).is_ok());
        assert!(PartialDate::parse_not_after("d", "11.2026", today).is_ok());
        assert!(PartialDate::parse_not_after("d", "23.11.2026", today).is_ok());
    }

    #[test]
    fn placeholder_is_kept_but_flagged() {
        let d = p("01.01.1990");
        assert_eq!(d.precision(), Precision::Day);
        assert!(d.maybe_placeholder());
        assert!(!p("02.01.1990").maybe_placeholder());
        assert!(!p("1990").maybe_placeholder());
    }

    #[test]
    fn parts_and_range() {
        let d = p("04.1990");
        assert_eq!(
            (d.year(), d.month(), d.day()),
            (1990, Some(Month::April), None)
        );
        assert_eq!(d.earliest(), date!(1990 - 04 - 01));
        assert_eq!(d.latest(), date!(1990 - 04 - 30));
        assert_eq!(p("1992").latest(), date!(1992 - 12 - 31));
        assert_eq!(p("02.1992").latest(), date!(1992 - 02 - 29));
        assert_eq!(p("02.04.1990").to_german(), "02.04.1990");
        assert_eq!(p("1990-04").to_german(), "04.1990");
    }

    #[test]
    fn age_is_exact_for_full_dates_and_a_range_otherwise() {
        let on = date!(2026 - 06 - 15);
        assert_eq!(
            p("1990-06-15").age_on(on),
            Some(AgeRange { min: 36, max: 36 })
        );
        assert_eq!(
            p("1990-06-16").age_on(on),
            Some(AgeRange { min: 35, max: 35 })
        );
        assert_eq!(p("1990").age_on(on), Some(AgeRange { min: 35, max: 36 }));
        assert_eq!(p("1990-06").age_on(on), Some(AgeRange { min: 35, max: 36 }));
        assert_eq!(p("2026").age_on(on), Some(AgeRange { min: 0, max: 0 }));
        assert_eq!(p("2026-07").age_on(on), None);
        assert!(p("1990-06-15").age_on(on).unwrap().is_exact());
        // Born 29 February: a year older on 1 March of a common year, not on 28 February.
        let leap = p("2008-02-29");
        assert_eq!(leap.age_on(date!(2026 - 02 - 28)).unwrap().max, 17);
        assert_eq!(leap.age_on(date!(2026 - 03 - 01)).unwrap().max, 18);
    }

    #[test]
    fn serde_uses_the_iso_text() {
        let d = p("00.04.1990");
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"1990-04\"");
        let back: PartialDate = serde_json::from_str("\"1990-04\"").unwrap();
        assert_eq!(back, d);
        assert!(serde_json::from_str::<PartialDate>("\"31.02.1990\"").is_err());
    }

    #[test]
    fn constructors_validate_too() {
        assert_eq!(
            PartialDate::from_year("y", 1990).unwrap().to_string(),
            "1990"
        );
        assert!(PartialDate::from_year("y", 10_000).is_err());
        let d = PartialDate::from_date("d", date!(2001 - 09 - 11)).unwrap();
        assert_eq!(d.as_date(), Some(date!(2001 - 09 - 11)));
    }
}
