//! A person's course need on the county's waiting list: what course, from when to when, how
//! far, at which times, with which priority (obligation, job-centre referral, waiting since).

use serde::Deserialize;
use time::Date;

use super::{CourseType, Errs, MAX_TRAVEL_KM, ObligedBy, TimeSlot, module_level, text, texts};
use crate::cefr::CefrLevel;
use crate::validate::{FieldError, optional_text};

/// A course need as posted.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NeedInput {
    #[serde(default, deserialize_with = "text")]
    pub course_type: String,
    /// Integration courses: the start module from the placement test (1–6).
    #[serde(default, deserialize_with = "text")]
    pub start_module: String,
    /// Job-related courses: the person's current level (A1 … C2).
    #[serde(default, deserialize_with = "text")]
    pub level: String,
    #[serde(default, deserialize_with = "text")]
    pub earliest_start: String,
    #[serde(default, deserialize_with = "text")]
    pub latest_start: String,
    #[serde(default, deserialize_with = "text")]
    pub max_travel_km: String,
    #[serde(default, deserialize_with = "texts")]
    pub time_slots: Vec<String>,
    #[serde(default, deserialize_with = "text")]
    pub needs_childcare: String,
    #[serde(default, deserialize_with = "text")]
    pub obliged_by: String,
    #[serde(default, deserialize_with = "text")]
    pub obliged_on: String,
    #[serde(default, deserialize_with = "text")]
    pub job_centre_referral: String,
    /// Default: today.
    #[serde(default, deserialize_with = "text")]
    pub waiting_since: String,
    #[serde(default, deserialize_with = "text")]
    pub note: String,
}

/// A valid course need.
#[derive(Debug, Clone, PartialEq)]
pub struct Need {
    pub course_type: CourseType,
    pub start_module: Option<i64>,
    pub level: Option<CefrLevel>,
    pub earliest_start: Date,
    pub latest_start: Date,
    pub max_travel_km: i64,
    pub time_slots: Vec<TimeSlot>,
    pub needs_childcare: bool,
    pub obliged_by: Option<ObligedBy>,
    pub obliged_on: Option<Date>,
    pub job_centre_referral: bool,
    pub waiting_since: Date,
    pub note: Option<String>,
}

impl Need {
    /// The level the allocation compares with a course's entry levels.
    pub fn allocation_level(&self) -> CefrLevel {
        match (self.level, self.start_module) {
            (Some(l), _) => l,
            (None, Some(m)) => module_level(m),
            (None, None) => CefrLevel::A1,
        }
    }
}

impl NeedInput {
    pub fn validate(&self, today: Date) -> Result<Need, Vec<FieldError>> {
        let mut e = Errs(Vec::new());
        let course_type = e.enumerated("course_type", &self.course_type, CourseType::parse);
        if course_type.is_some_and(CourseType::is_legacy) {
            e.0.push(FieldError::new(
                "course_type",
                "legacy_type",
                "this course type was abolished on 7 Dec 2024",
            ));
        }
        let integration = course_type.is_some_and(CourseType::is_integration);
        let start_module = if self.start_module.trim().is_empty() {
            Some(integration.then_some(1))
        } else if integration {
            e.int("start_module", &self.start_module, 1, 6).map(Some)
        } else {
            e.0.push(FieldError::new(
                "start_module",
                "not_applicable",
                "only integration courses have modules",
            ));
            None
        };
        let level = match self.level.trim() {
            "" if !integration && course_type.is_some() => {
                e.0.push(FieldError::new(
                    "level",
                    "required",
                    "a job-related course needs the person's current level",
                ));
                None
            }
            "" => Some(None),
            raw => match CefrLevel::parse(raw) {
                Ok(l) => Some(Some(l)),
                Err(err) => {
                    e.0.push(FieldError::new("level", "invalid_level", err.to_string()));
                    None
                }
            },
        };
        if let (Some(t), Some(Some(l))) = (course_type, level)
            && let Some((lo, hi)) = t.entry_levels()
            && (l < lo || l > hi)
        {
            e.0.push(FieldError::new(
                "level",
                "level_mismatch",
                format!("this course admits {}–{}", lo.as_str(), hi.as_str()),
            ));
        }
        let earliest = if self.earliest_start.trim().is_empty() {
            Some(today)
        } else {
            e.date("earliest_start", &self.earliest_start)
        };
        let latest = if self.latest_start.trim().is_empty() {
            earliest.map(|d| d + time::Duration::days(183))
        } else {
            e.date("latest_start", &self.latest_start)
        };
        if let (Some(a), Some(b)) = (earliest, latest)
            && b < a
        {
            e.0.push(FieldError::new(
                "latest_start",
                "ends_before_start",
                "the latest start cannot be before the earliest",
            ));
        }
        let km = if self.max_travel_km.trim().is_empty() {
            Some(25)
        } else {
            e.int("max_travel_km", &self.max_travel_km, 1, MAX_TRAVEL_KM)
        };
        let mut slots = e.slots("time_slots", &self.time_slots);
        if self.time_slots.is_empty() {
            slots = TimeSlot::ALL.to_vec();
        }
        let childcare = e.bool("needs_childcare", &self.needs_childcare);
        let obliged_by = match self.obliged_by.trim() {
            "" | "none" => Some(None),
            raw => match ObligedBy::parse(raw) {
                Ok(o) => Some(Some(o)),
                Err(err) => {
                    e.0.push(FieldError::new(
                        "obliged_by",
                        "unknown_value",
                        err.to_string(),
                    ));
                    None
                }
            },
        };
        let obliged_on = e.optional_date("obliged_on", &self.obliged_on);
        if let (Some(None), Some(Some(_))) = (obliged_by, obliged_on) {
            e.0.push(FieldError::new(
                "obliged_by",
                "required",
                "an obligation date needs the authority that issued it",
            ));
        }
        if let Some(Some(d)) = obliged_on
            && d > today
        {
            e.0.push(FieldError::new(
                "obliged_on",
                "future_date",
                "the date lies in the future",
            ));
        }
        let referral = e.bool("job_centre_referral", &self.job_centre_referral);
        let waiting_since = if self.waiting_since.trim().is_empty() {
            Some(today)
        } else {
            e.date("waiting_since", &self.waiting_since)
        };
        if let Some(w) = waiting_since
            && w > today
        {
            e.0.push(FieldError::new(
                "waiting_since",
                "future_date",
                "the date lies in the future",
            ));
        }
        let note = e.keep(optional_text("note", &self.note, 2000));
        if !e.0.is_empty() {
            return Err(e.0);
        }
        match (
            course_type,
            start_module,
            level,
            earliest,
            latest,
            km,
            obliged_by,
            obliged_on,
            waiting_since,
            note,
        ) {
            (
                Some(course_type),
                Some(start_module),
                Some(level),
                Some(earliest_start),
                Some(latest_start),
                Some(max_travel_km),
                Some(obliged_by),
                Some(obliged_on),
                Some(waiting_since),
                Some(note),
            ) => Ok(Need {
                course_type,
                start_module,
                level,
                earliest_start,
                latest_start,
                max_travel_km,
                time_slots: slots,
                needs_childcare: childcare,
                obliged_by,
                obliged_on,
                job_centre_referral: referral,
                waiting_since,
                note,
            }),
            _ => Err(vec![FieldError::new(
                "need",
                "invalid",
                "invalid course need",
            )]),
        }
    }
}
