//! Attendance in a course and its results: the daily status a provider records (IntV § 14
//! Abs. 6 asks for "ordnungsgemäße Teilnahme"; providers keep a daily list with late arrivals
//! and early leaves over 15 minutes), the county's rule when non-attendance is reported to the
//! responsible agency (IntV § 8 Abs. 3, DeuFöV § 9; the law names no number, so the rule is
//! configurable per tenant), the CSV format providers upload, and course results (placement
//! test, DTZ, "Leben in Deutschland", drop-out).
//!
//! Everything here is pure: the CSV is parsed and checked as a whole (every row error with its
//! line number) before anything is written.

use std::collections::{BTreeMap, HashMap};

use time::{Date, Duration};

use crate::cefr::CefrLevel;
use crate::plan::parse_date;
use crate::validate::{FieldError, optional_text};

crate::text_enum! {
    /// A participant's status on one course day.
    pub enum AttendanceStatus ("attendance status") {
        Present = "present",
        /// Absent with a reason the provider accepts (illness with a certificate, an
        /// appointment at an authority).
        Excused = "excused",
        Unexcused = "unexcused",
    }
}

impl AttendanceStatus {
    /// Parses the English or the German name (`anwesend`, `entschuldigt`,
    /// `unentschuldigt`), in any case.
    pub fn parse_lenient(raw: &str) -> Result<Self, crate::UnknownValue> {
        let lower = raw.trim().to_lowercase();
        match lower.as_str() {
            "anwesend" => Ok(Self::Present),
            "entschuldigt" => Ok(Self::Excused),
            "unentschuldigt" => Ok(Self::Unexcused),
            other => Self::parse(other).map_err(|mut e| {
                e.expected
                    .push_str(", anwesend, entschuldigt, unentschuldigt");
                e
            }),
        }
    }
}

/// Longest late arrival or early leave we accept, minutes (a long course day).
pub const MAX_MINUTES: i64 = 600;
/// Longest note on a day, characters.
pub const MAX_NOTE: usize = 500;

// ---------------------------------------------------------------------------------------
// The rule.

/// When non-attendance is reported: `unexcused_limit` unexcused absences within
/// `unexcused_window_days`, or attendance below `min_rate_percent` over the last
/// `rate_window_days`. The county's default is 3 in 14 days, or below 80 % over 4 weeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub unexcused_limit: u32,
    pub unexcused_window_days: u32,
    pub min_rate_percent: u32,
    pub rate_window_days: u32,
}

impl Default for Rule {
    fn default() -> Self {
        Self {
            unexcused_limit: 3,
            unexcused_window_days: 14,
            min_rate_percent: 80,
            rate_window_days: 28,
        }
    }
}

/// The rate rule looks at a window only once this many course days are recorded in it, so
/// that one absence on the first day is not "0 % attendance".
pub const MIN_DAYS_FOR_RATE: u32 = 5;

impl Rule {
    /// Checks a rule from its four numbers (as posted); every error at once.
    pub fn new(
        unexcused_limit: i64,
        unexcused_window_days: i64,
        min_rate_percent: i64,
        rate_window_days: i64,
    ) -> Result<Self, Vec<FieldError>> {
        let mut errs = Vec::new();
        let mut check = |field: &'static str, v: i64, min: i64, max: i64| -> u32 {
            if (min..=max).contains(&v) {
                u32::try_from(v).unwrap_or(0)
            } else {
                errs.push(FieldError::new(
                    field,
                    "out_of_bounds",
                    format!("must be between {min} and {max}"),
                ));
                0
            }
        };
        let rule = Self {
            unexcused_limit: check("unexcused_limit", unexcused_limit, 1, 30),
            unexcused_window_days: check("unexcused_window_days", unexcused_window_days, 1, 90),
            min_rate_percent: check("min_rate_percent", min_rate_percent, 1, 100),
            rate_window_days: check("rate_window_days", rate_window_days, 7, 180),
        };
        if errs.is_empty() { Ok(rule) } else { Err(errs) }
    }
}

/// One recorded day, as the rule needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Record {
    pub day: Date,
    pub status: AttendanceStatus,
}

crate::text_enum! {
    /// Which part of the rule a breach crossed.
    pub enum Threshold ("threshold") {
        /// Too many unexcused absences within the short window.
        UnexcusedAbsences = "unexcused_absences",
        /// Attendance below the minimum rate over the long window.
        LowAttendance = "low_attendance",
    }
}

/// The days a crossed threshold looked at, with its counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub threshold: Threshold,
    /// First and last recorded day that made the breach.
    pub from: Date,
    pub to: Date,
    /// Unexcused absences in the window (both thresholds).
    pub unexcused: u32,
    /// Present days and recorded days in the window.
    pub present: u32,
    pub recorded: u32,
}

impl Window {
    /// Present days in percent of recorded days, rounded down.
    pub fn rate_percent(&self) -> Option<u32> {
        percent(self.present, self.recorded)
    }
}

/// A breach of the rule: one or both thresholds, each with its window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breach {
    pub windows: Vec<Window>,
}

impl Breach {
    pub fn thresholds(&self) -> Vec<Threshold> {
        self.windows.iter().map(|w| w.threshold).collect()
    }

    pub fn window(&self, t: Threshold) -> Option<&Window> {
        self.windows.iter().find(|w| w.threshold == t)
    }
}

fn percent(part: u32, whole: u32) -> Option<u32> {
    (whole > 0).then(|| part * 100 / whole)
}

fn days(n: u32) -> Duration {
    Duration::days(i64::from(n))
}

/// Whether `records` (one placement's days, any order) breach `rule` as of `today`.
///
/// Only recent breaches count — the windows must end within the last `rate_window_days`, so
/// uploading an old course's history does not report absences of months ago:
/// - unexcused absences: the latest window of `unexcused_window_days` days ending on an
///   unexcused day that holds at least `unexcused_limit` of them; the window reported runs
///   from its first unexcused day to its last;
/// - attendance: present days of recorded days over the last `rate_window_days` days (late
///   arrivals and early leaves count as present, excused absences as absent), once at least
///   [`MIN_DAYS_FOR_RATE`] days are recorded there.
///
/// Days after `today` are ignored.
pub fn breaches(records: &[Record], rule: &Rule, today: Date) -> Option<Breach> {
    let recent_from = today - days(rule.rate_window_days.max(1) - 1);
    let mut by_day: Vec<Record> = records.iter().copied().filter(|r| r.day <= today).collect();
    by_day.sort_by_key(|r| r.day);
    let mut windows = Vec::new();

    let unexcused: Vec<Date> = by_day
        .iter()
        .filter(|r| r.status == AttendanceStatus::Unexcused)
        .map(|r| r.day)
        .collect();
    let span = days(rule.unexcused_window_days.max(1) - 1);
    for &end in unexcused.iter().rev().take_while(|d| **d >= recent_from) {
        let start = end - span;
        let inside: Vec<&Record> = by_day
            .iter()
            .filter(|r| r.day >= start && r.day <= end)
            .collect();
        let count = inside
            .iter()
            .filter(|r| r.status == AttendanceStatus::Unexcused)
            .count();
        let count = u32::try_from(count).unwrap_or(u32::MAX);
        if count >= rule.unexcused_limit.max(1) {
            let from = inside
                .iter()
                .find(|r| r.status == AttendanceStatus::Unexcused)
                .map_or(end, |r| r.day);
            let in_range: Vec<&&Record> = inside.iter().filter(|r| r.day >= from).collect();
            windows.push(Window {
                threshold: Threshold::UnexcusedAbsences,
                from,
                to: end,
                unexcused: count,
                present: count_of(in_range.iter().map(|r| r.status), AttendanceStatus::Present),
                recorded: u32::try_from(in_range.len()).unwrap_or(u32::MAX),
            });
            break;
        }
    }

    let recent: Vec<&Record> = by_day.iter().filter(|r| r.day >= recent_from).collect();
    let recorded = u32::try_from(recent.len()).unwrap_or(u32::MAX);
    let present = count_of(recent.iter().map(|r| r.status), AttendanceStatus::Present);
    if recorded >= MIN_DAYS_FOR_RATE
        && u64::from(present) * 100 < u64::from(rule.min_rate_percent) * u64::from(recorded)
        && let (Some(first), Some(last)) = (recent.first(), recent.last())
    {
        windows.push(Window {
            threshold: Threshold::LowAttendance,
            from: first.day,
            to: last.day,
            unexcused: count_of(recent.iter().map(|r| r.status), AttendanceStatus::Unexcused),
            present,
            recorded,
        });
    }
    (!windows.is_empty()).then_some(Breach { windows })
}

fn count_of(statuses: impl Iterator<Item = AttendanceStatus>, which: AttendanceStatus) -> u32 {
    u32::try_from(statuses.filter(|s| *s == which).count()).unwrap_or(u32::MAX)
}

/// Whether a breach window is new compared with windows already reported for the same
/// placement and threshold: it is, unless it overlaps one of them. A continuing breach is
/// thereby reported again only once a whole new window breaches.
pub fn is_new(window: &Window, reported: &[(Threshold, Date, Date)]) -> bool {
    !reported
        .iter()
        .any(|(t, from, to)| *t == window.threshold && *from <= window.to && window.from <= *to)
}

/// Counts over all recorded days of a placement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Rate {
    pub recorded: u32,
    pub present: u32,
    pub excused: u32,
    pub unexcused: u32,
    /// Present days in percent of recorded days (rounded down); `None` without records.
    pub percent: Option<u32>,
}

/// Attendance over `records` (those on or before `until`, if given).
pub fn rate(records: &[Record], until: Option<Date>) -> Rate {
    let mut r = Rate::default();
    for rec in records.iter().filter(|x| until.is_none_or(|u| x.day <= u)) {
        r.recorded += 1;
        match rec.status {
            AttendanceStatus::Present => r.present += 1,
            AttendanceStatus::Excused => r.excused += 1,
            AttendanceStatus::Unexcused => r.unexcused += 1,
        }
    }
    r.percent = percent(r.present, r.recorded);
    r
}

mod input;
pub use input::*;

// ---------------------------------------------------------------------------------------
// Course results.

crate::text_enum! {
    /// Kinds of course results.
    pub enum ResultKind ("result kind") {
        /// Einstufungstest: the start module (1–6) or, for job-related courses, a level.
        PlacementTest = "placement_test",
        /// Deutsch-Test für Zuwanderer: A2, B1 or below A2 (IntV § 17).
        Dtz = "dtz",
        /// Test "Leben in Deutschland": passed or failed.
        Lid = "lid",
        /// The person left the course; needs a reason.
        DropOut = "drop_out",
    }
}

impl ResultKind {
    /// Results the responsible agency and counsellor are told of.
    pub fn notifies(self) -> bool {
        !matches!(self, ResultKind::PlacementTest)
    }
}

/// A course result as posted.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultInput {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub value: Option<String>,
    /// Default: today.
    #[serde(default)]
    pub on_date: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A valid course result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseResult {
    pub kind: ResultKind,
    /// The stored value: a module "1"–"6" or a CEFR level (placement test), `A2`/`B1`/
    /// `below_a2` (DTZ), `passed`/`failed` (LiD), none for a drop-out.
    pub value: Option<String>,
    pub on_date: Date,
    pub reason: Option<String>,
    pub note: Option<String>,
}

impl ResultInput {
    /// Checks a result for a placement in a course that starts on `course_starts_on`.
    pub fn validate(
        &self,
        course_starts_on: Date,
        today: Date,
    ) -> Result<CourseResult, Vec<FieldError>> {
        let mut errs = Vec::new();
        let kind = if self.kind.trim().is_empty() {
            errs.push(FieldError::new("kind", "required", "must not be empty"));
            None
        } else {
            ResultKind::parse(self.kind.trim())
                .map_err(|e| errs.push(FieldError::new("kind", "unknown_value", e.to_string())))
                .ok()
        };
        let raw = self.value.as_deref().map(str::trim).unwrap_or("");
        let value = match kind {
            None => None,
            Some(ResultKind::PlacementTest) => {
                if let Ok(m) = raw.parse::<u8>()
                    && (1..=6).contains(&m)
                {
                    Some(m.to_string())
                } else if let Ok(l) = CefrLevel::parse(&raw.to_uppercase()) {
                    Some(l.as_str().to_owned())
                } else {
                    errs.push(FieldError::new(
                        "value",
                        "unknown_value",
                        "a placement test gives a start module (1–6) or a level (A1 … C2)",
                    ));
                    None
                }
            }
            Some(ResultKind::Dtz) => match raw.to_lowercase().replace([' ', '-'], "_").as_str() {
                "a2" => Some("A2".to_owned()),
                "b1" => Some("B1".to_owned()),
                "below_a2" | "unter_a2" => Some("below_a2".to_owned()),
                _ => {
                    errs.push(FieldError::new(
                        "value",
                        "unknown_value",
                        "the DTZ result is A2, B1 or below_a2",
                    ));
                    None
                }
            },
            Some(ResultKind::Lid) => match raw.to_lowercase().as_str() {
                "passed" | "bestanden" => Some("passed".to_owned()),
                "failed" | "nicht_bestanden" | "nicht bestanden" => Some("failed".to_owned()),
                _ => {
                    errs.push(FieldError::new(
                        "value",
                        "unknown_value",
                        "the result of 'Leben in Deutschland' is passed or failed",
                    ));
                    None
                }
            },
            Some(ResultKind::DropOut) => {
                if !raw.is_empty() {
                    errs.push(FieldError::new(
                        "value",
                        "not_applicable",
                        "a drop-out has no value; give the reason",
                    ));
                }
                None
            }
        };
        let on_date = match self
            .on_date
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => Some(today),
            Some(d) => parse_date("on_date", d).map_err(|e| errs.push(e)).ok(),
        };
        if let Some(d) = on_date {
            if d > today {
                errs.push(FieldError::new(
                    "on_date",
                    "future_date",
                    "the date lies in the future",
                ));
            } else if d < course_starts_on && kind.is_some_and(|k| k != ResultKind::PlacementTest) {
                errs.push(FieldError::new(
                    "on_date",
                    "before_course",
                    format!("the course starts on {course_starts_on}"),
                ));
            }
        }
        let reason = optional_text("reason", self.reason.as_deref().unwrap_or(""), 500)
            .map_err(|e| errs.push(e))
            .ok()
            .flatten();
        if kind == Some(ResultKind::DropOut) && reason.is_none() {
            errs.push(FieldError::new(
                "reason",
                "required",
                "a drop-out needs a reason",
            ));
        }
        let note = optional_text("note", self.note.as_deref().unwrap_or(""), 2000)
            .map_err(|e| errs.push(e))
            .ok()
            .flatten();
        match (kind, on_date) {
            (Some(kind), Some(on_date)) if errs.is_empty() => Ok(CourseResult {
                kind,
                value,
                on_date,
                reason,
                note,
            }),
            _ => Err(errs),
        }
    }
}

#[cfg(test)]
mod tests;
