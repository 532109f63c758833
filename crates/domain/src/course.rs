//! German courses and the need for one: the catalogue types (integration courses by IntV
//! §§ 10–13, job-related courses by DeuFöV §§ 12–13), a course as a provider records it, and
//! a person's course need on the county's waiting list. Input arrives as text (forms) or JSON
//! (numbers, booleans); [`CourseInput::validate`] and [`NeedInput::validate`] collect every
//! field error at once.

use serde::{Deserialize, Deserializer};
use time::Date;

use crate::cefr::CefrLevel;
use crate::plan::parse_date;
use crate::validate::{FieldError, optional_text};

/// Largest integration-course group (IntV § 14 Abs. 2; BAMF may allow exceptions).
pub const MAX_INTEGRATION_GROUP: i64 = 25;
/// Largest group we accept for job-related courses (the billing guideline's value was not
/// found; 30 leaves room for the exceptions providers report).
pub const MAX_GROUP: i64 = 30;
/// The IntV reform in force on this day abolished the youth, parents' and women's courses.
pub const REFORM_2024: Date = time::macros::date!(2024 - 12 - 07);
/// Farthest a person can be expected to travel to a course, km.
pub const MAX_TRAVEL_KM: i64 = 150;

crate::text_enum! {
    /// Course types of the catalogue.
    pub enum CourseType ("course type") {
        /// Allgemeiner Integrationskurs: 600 UE language + 100 UE orientation (IntV § 10).
        IkGeneral = "ik_general",
        /// Alphabetisierungskurs: up to 900 + 100 UE (IntV § 13 Abs. 1).
        IkLiteracy = "ik_literacy",
        /// Zweitschriftlernerkurs (IntV § 13 Abs. 1).
        IkSecondScript = "ik_second_script",
        /// Intensivkurs: 400 + 100 UE (IntV § 13 Abs. 2).
        IkIntensive = "ik_intensive",
        /// Legacy (abolished 7 Dec 2024): Jugendintegrationskurs.
        IkYouth = "ik_youth",
        /// Legacy (abolished 7 Dec 2024): Elternintegrationskurs.
        IkParents = "ik_parents",
        /// Legacy (abolished 7 Dec 2024): Frauenintegrationskurs.
        IkWomen = "ik_women",
        /// Basisberufssprachkurs B1 → B2 (DeuFöV § 12).
        BskB1B2 = "bsk_b1_b2",
        /// Basisberufssprachkurs B2 → C1.
        BskB2C1 = "bsk_b2_c1",
        /// Basisberufssprachkurs C1 → C2.
        BskC1C2 = "bsk_c1_c2",
        /// Spezialkurs A2 → B1 (DeuFöV § 13 Abs. 1 Nr. 3).
        BskA2B1 = "bsk_a2_b1",
        /// Spezialkurs unter A2 → A2 (DeuFöV § 13 Abs. 1 Nr. 4).
        BskBelowA2 = "bsk_below_a2",
        /// Spezialkurs für Berufsgruppen im Anerkennungsverfahren (DeuFöV § 13 Abs. 1 Nr. 1).
        BskRecognition = "bsk_recognition",
        /// Job-Berufssprachkurs: 100–150 UE at the workplace, from A2.
        JobBsk = "job_bsk",
    }
}

/// The engine's kind of a course: who may share a course (`ankommen_allocate::CourseType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Integration,
    Literacy,
    SecondScript,
    Intensive,
    JobRelated,
    Recognition,
    JobBsk,
}

impl CourseType {
    /// Abolished by the 2024 reform: kept for historic records, not for new courses.
    pub fn is_legacy(self) -> bool {
        matches!(
            self,
            CourseType::IkYouth | CourseType::IkParents | CourseType::IkWomen
        )
    }

    /// An integration course (modules), not a job-related one (levels).
    pub fn is_integration(self) -> bool {
        self.as_str().starts_with("ik_")
    }

    pub fn family(self) -> Family {
        use CourseType as T;
        match self {
            T::IkGeneral | T::IkYouth | T::IkParents | T::IkWomen => Family::Integration,
            T::IkLiteracy => Family::Literacy,
            T::IkSecondScript => Family::SecondScript,
            T::IkIntensive => Family::Intensive,
            T::BskB1B2 | T::BskB2C1 | T::BskC1C2 | T::BskA2B1 | T::BskBelowA2 => Family::JobRelated,
            T::BskRecognition => Family::Recognition,
            T::JobBsk => Family::JobBsk,
        }
    }

    /// The teaching units of a whole course (language + orientation for integration courses).
    pub fn default_hours(self) -> i64 {
        use CourseType as T;
        match self {
            T::IkGeneral | T::IkYouth | T::IkParents | T::IkWomen => 700,
            T::IkLiteracy | T::IkSecondScript => 1000,
            T::IkIntensive => 500,
            T::BskB1B2 | T::BskB2C1 | T::BskC1C2 | T::BskA2B1 | T::BskBelowA2 => 400,
            T::BskRecognition => 600,
            T::JobBsk => 150,
        }
    }

    /// The levels a participant may have to join (lowest, highest), for job-related courses;
    /// `None` for integration courses, which go by start module.
    pub fn entry_levels(self) -> Option<(CefrLevel, CefrLevel)> {
        use CefrLevel as L;
        use CourseType as T;
        match self {
            T::BskBelowA2 => Some((L::A1, L::A1)),
            T::BskA2B1 => Some((L::A2, L::A2)),
            T::BskB1B2 => Some((L::B1, L::B1)),
            T::BskB2C1 => Some((L::B2, L::B2)),
            T::BskC1C2 => Some((L::C1, L::C1)),
            T::BskRecognition => Some((L::B1, L::C1)),
            T::JobBsk => Some((L::A2, L::C1)),
            _ => None,
        }
    }
}

crate::text_enum! {
    /// Time of day a course runs or a person can attend.
    pub enum TimeSlot ("time of day") {
        Morning = "morning",
        Afternoon = "afternoon",
        Evening = "evening",
    }
}

crate::text_enum! {
    /// Where a course need stands.
    pub enum NeedStatus ("need status") {
        /// On the waiting list.
        Waiting = "waiting",
        /// A confirmed allocation booked a seat.
        Placed = "placed",
        /// No longer needed (moved away, found a course elsewhere); needs a reason.
        Withdrawn = "withdrawn",
    }
}

crate::text_enum! {
    /// Who obliged a person to attend (AufenthG § 44a Abs. 1).
    pub enum ObligedBy ("obliging authority") {
        ImmigrationOffice = "immigration_office",
        JobCentre = "job_centre",
        AsylumBenefitsOffice = "asylum_benefits_office",
    }
}

/// The level a start module stands for in allocation: modules 1–3 are the basic course (A1),
/// 4–6 the advanced course (A2).
pub fn module_level(module: i64) -> CefrLevel {
    if module <= 3 {
        CefrLevel::A1
    } else {
        CefrLevel::A2
    }
}

// ---------------------------------------------------------------------------------------
// Lenient text input: a JSON number or boolean becomes its text.

#[derive(Deserialize)]
#[serde(untagged)]
enum Scalar {
    Text(String),
    Int(i64),
    Float(f64),
    Bool(bool),
}

pub(crate) fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match Option::<Scalar>::deserialize(d)? {
        None => String::new(),
        Some(Scalar::Text(t)) => t,
        Some(Scalar::Int(i)) => i.to_string(),
        Some(Scalar::Float(f)) => f.to_string(),
        Some(Scalar::Bool(b)) => b.to_string(),
    })
}

pub(crate) fn texts<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        Many(Vec<String>),
        One(String),
    }
    Ok(match Option::<OneOrMany>::deserialize(d)? {
        None => vec![],
        Some(OneOrMany::Many(v)) => v,
        // "mon,wed,fri" from a form or a CSV cell.
        Some(OneOrMany::One(s)) => s
            .split(',')
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty())
            .collect(),
    })
}

pub(crate) struct Errs(pub(crate) Vec<FieldError>);

impl Errs {
    pub(crate) fn keep<T>(&mut self, r: Result<T, FieldError>) -> Option<T> {
        r.map_err(|e| self.0.push(e)).ok()
    }

    pub(crate) fn enumerated<T>(
        &mut self,
        field: &'static str,
        raw: &str,
        parse: fn(&str) -> Result<T, crate::UnknownValue>,
    ) -> Option<T> {
        if raw.trim().is_empty() {
            self.0
                .push(FieldError::new(field, "required", "must not be empty"));
            return None;
        }
        parse(raw.trim())
            .map_err(|e| {
                self.0
                    .push(FieldError::new(field, "unknown_value", e.to_string()))
            })
            .ok()
    }

    fn int(&mut self, field: &'static str, raw: &str, min: i64, max: i64) -> Option<i64> {
        let raw = raw.trim();
        if raw.is_empty() {
            self.0
                .push(FieldError::new(field, "required", "must not be empty"));
            return None;
        }
        match raw.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Some(n),
            Ok(_) => {
                self.0.push(FieldError::new(
                    field,
                    "out_of_bounds",
                    format!("must be between {min} and {max}"),
                ));
                None
            }
            Err(_) => {
                self.0.push(FieldError::new(
                    field,
                    "not_a_number",
                    format!("'{raw}' is not a whole number"),
                ));
                None
            }
        }
    }

    fn date(&mut self, field: &'static str, raw: &str) -> Option<Date> {
        if raw.trim().is_empty() {
            self.0
                .push(FieldError::new(field, "required", "must not be empty"));
            return None;
        }
        self.keep(parse_date(field, raw.trim()))
    }

    fn optional_date(&mut self, field: &'static str, raw: &str) -> Option<Option<Date>> {
        if raw.trim().is_empty() {
            return Some(None);
        }
        self.keep(parse_date(field, raw.trim())).map(Some)
    }

    fn bool(&mut self, field: &'static str, raw: &str) -> bool {
        match raw.trim() {
            "" | "false" | "no" | "off" | "0" => false,
            "true" | "yes" | "on" | "1" => true,
            other => {
                self.0.push(FieldError::new(
                    field,
                    "not_a_flag",
                    format!("'{other}' is not yes or no"),
                ));
                false
            }
        }
    }

    fn slots(&mut self, field: &'static str, raw: &[String]) -> Vec<TimeSlot> {
        let mut out = Vec::new();
        for s in raw {
            match TimeSlot::parse(s.trim()) {
                Ok(t) if !out.contains(&t) => out.push(t),
                Ok(_) => {}
                Err(e) => self
                    .0
                    .push(FieldError::new(field, "unknown_value", e.to_string())),
            }
        }
        out.sort();
        out
    }
}

// ---------------------------------------------------------------------------------------
// Courses.

/// A course as posted (every value as text; JSON numbers and booleans are accepted).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseInput {
    #[serde(default, deserialize_with = "text")]
    pub course_type: String,
    /// The provider's organisation (the provider's own for provider users).
    #[serde(default, deserialize_with = "text")]
    pub provider_org_id: String,
    #[serde(default, deserialize_with = "text")]
    pub title: String,
    /// BAMF course number (Kursnummer), optional.
    #[serde(default, deserialize_with = "text")]
    pub bamf_number: String,
    /// Integration courses: the module the course begins with (1–6).
    #[serde(default, deserialize_with = "text")]
    pub start_module: String,
    #[serde(default, deserialize_with = "text")]
    pub hours: String,
    #[serde(default, deserialize_with = "text")]
    pub street: String,
    #[serde(default, deserialize_with = "text")]
    pub postcode: String,
    #[serde(default, deserialize_with = "text")]
    pub municipality_id: String,
    /// WGS84; empty: the municipality's centre.
    #[serde(default, deserialize_with = "text")]
    pub latitude: String,
    #[serde(default, deserialize_with = "text")]
    pub longitude: String,
    /// Weekdays (`mon` … `sun`), a list or comma-separated.
    #[serde(default, deserialize_with = "texts")]
    pub days: Vec<String>,
    #[serde(default, deserialize_with = "text")]
    pub time_slot: String,
    /// "08:30".
    #[serde(default, deserialize_with = "text")]
    pub starts_at: String,
    #[serde(default, deserialize_with = "text")]
    pub ends_at: String,
    #[serde(default, deserialize_with = "text")]
    pub starts_on: String,
    #[serde(default, deserialize_with = "text")]
    pub ends_on: String,
    #[serde(default, deserialize_with = "text")]
    pub capacity: String,
    /// Seats the provider filled outside the county's allocation (self-payers, BAMF).
    #[serde(default, deserialize_with = "text")]
    pub seats_taken_outside: String,
    #[serde(default, deserialize_with = "text")]
    pub childcare: String,
    #[serde(default, deserialize_with = "text")]
    pub step_free: String,
}

/// A valid course.
#[derive(Debug, Clone, PartialEq)]
pub struct Course {
    pub course_type: CourseType,
    pub provider_org_id: String,
    pub title: Option<String>,
    pub bamf_number: Option<String>,
    pub start_module: Option<i64>,
    pub hours: i64,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub municipality_id: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub days: Vec<crate::assessment::Weekday>,
    pub time_slot: TimeSlot,
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    pub starts_on: Date,
    pub ends_on: Date,
    pub capacity: i64,
    pub seats_taken_outside: i64,
    pub childcare: bool,
    pub step_free: bool,
}

fn clock(errs: &mut Errs, field: &'static str, raw: &str) -> Option<Option<String>> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Some(None);
    }
    let ok = raw.len() == 5
        && raw.as_bytes()[2] == b':'
        && raw[..2].parse::<u8>().is_ok_and(|h| h < 24)
        && raw[3..].parse::<u8>().is_ok_and(|m| m < 60);
    if ok {
        Some(Some(raw.to_owned()))
    } else {
        errs.0.push(FieldError::new(
            field,
            "malformed_time",
            "a time of day like 08:30 is needed",
        ));
        None
    }
}

fn coordinate(errs: &mut Errs, field: &'static str, raw: &str, range: (f64, f64)) -> Option<f64> {
    let raw = raw.trim().replace(',', ".");
    if raw.is_empty() {
        return None;
    }
    match raw.parse::<f64>() {
        Ok(v) if v >= range.0 && v <= range.1 => Some(v),
        _ => {
            errs.0.push(FieldError::new(
                field,
                "out_of_bounds",
                format!(
                    "must be a coordinate in Germany ({} to {})",
                    range.0, range.1
                ),
            ));
            None
        }
    }
}

impl CourseInput {
    /// Validates a new course, or a changed one (`existing`: it was stored before, so a legacy
    /// type may stay).
    pub fn validate(&self, existing: bool) -> Result<Course, Vec<FieldError>> {
        let mut e = Errs(Vec::new());
        let course_type = e.enumerated("course_type", &self.course_type, CourseType::parse);
        let provider = self.provider_org_id.trim().to_owned();
        if provider.is_empty() {
            e.0.push(FieldError::new(
                "provider_org_id",
                "required",
                "must not be empty",
            ));
        }
        let title = e.keep(optional_text("title", &self.title, 200));
        let bamf_number = e.keep(optional_text("bamf_number", &self.bamf_number, 40));
        let start_module = match course_type {
            Some(t) if t.is_integration() => {
                if self.start_module.trim().is_empty() {
                    Some(Some(1))
                } else {
                    e.int("start_module", &self.start_module, 1, 6).map(Some)
                }
            }
            _ if self.start_module.trim().is_empty() => Some(None),
            _ => {
                e.0.push(FieldError::new(
                    "start_module",
                    "not_applicable",
                    "only integration courses have modules",
                ));
                None
            }
        };
        let hours = if self.hours.trim().is_empty() {
            course_type.map(CourseType::default_hours)
        } else {
            e.int("hours", &self.hours, 1, 1500)
        };
        let street = e.keep(optional_text("street", &self.street, 200));
        let postcode = e.keep(optional_text("postcode", &self.postcode, 5));
        if let Some(Some(p)) = &postcode
            && !(p.len() == 5 && p.bytes().all(|b| b.is_ascii_digit()))
        {
            e.0.push(FieldError::new(
                "postcode",
                "invalid_postcode",
                "a German postcode has five digits",
            ));
        }
        let municipality_id = self.municipality_id.trim().to_owned();
        if municipality_id.is_empty() {
            e.0.push(FieldError::new(
                "municipality_id",
                "required",
                "must not be empty",
            ));
        }
        let latitude = coordinate(&mut e, "latitude", &self.latitude, (47.2, 55.1));
        let longitude = coordinate(&mut e, "longitude", &self.longitude, (5.8, 15.1));
        if latitude.is_some() != longitude.is_some()
            && !(self.latitude.trim().is_empty() && self.longitude.trim().is_empty())
            && e.0
                .iter()
                .all(|x| x.field != "latitude" && x.field != "longitude")
        {
            e.0.push(FieldError::new(
                "longitude",
                "incomplete",
                "give both latitude and longitude, or neither",
            ));
        }
        let mut days = Vec::new();
        for d in &self.days {
            match crate::assessment::Weekday::parse(d.trim()) {
                Ok(w) if !days.contains(&w) => days.push(w),
                Ok(_) => {}
                Err(err) => {
                    e.0.push(FieldError::new("days", "unknown_value", err.to_string()))
                }
            }
        }
        days.sort();
        if self.days.is_empty() {
            e.0.push(FieldError::new(
                "days",
                "required",
                "name at least one weekday",
            ));
        }
        let time_slot = e.enumerated("time_slot", &self.time_slot, TimeSlot::parse);
        let starts_at = clock(&mut e, "starts_at", &self.starts_at);
        let ends_at = clock(&mut e, "ends_at", &self.ends_at);
        if let (Some(Some(a)), Some(Some(b))) = (&starts_at, &ends_at)
            && b <= a
        {
            e.0.push(FieldError::new(
                "ends_at",
                "ends_before_start",
                "must be after the start time",
            ));
        }
        let starts_on = e.date("starts_on", &self.starts_on);
        let ends_on = e.date("ends_on", &self.ends_on);
        if let (Some(s), Some(t)) = (starts_on, ends_on) {
            if t < s {
                e.0.push(FieldError::new(
                    "ends_on",
                    "ends_before_start",
                    "the course cannot end before it starts",
                ));
            } else if (t - s).whole_days() > 3 * 366 {
                e.0.push(FieldError::new(
                    "ends_on",
                    "implausible_date",
                    "a course lasts at most three years",
                ));
            }
        }
        if let (Some(t), Some(s)) = (course_type, starts_on)
            && t.is_legacy()
            && !existing
            && s >= REFORM_2024
        {
            e.0.push(FieldError::new(
                "course_type",
                "legacy_type",
                "this course type was abolished on 7 Dec 2024; it is kept for earlier courses only",
            ));
        }
        let max = match course_type {
            Some(t) if t.is_integration() => MAX_INTEGRATION_GROUP,
            _ => MAX_GROUP,
        };
        let capacity = e.int("capacity", &self.capacity, 1, max);
        let outside = if self.seats_taken_outside.trim().is_empty() {
            Some(0)
        } else {
            e.int("seats_taken_outside", &self.seats_taken_outside, 0, max)
        };
        if let (Some(c), Some(o)) = (capacity, outside)
            && o > c
        {
            e.0.push(FieldError::new(
                "seats_taken_outside",
                "over_capacity",
                "cannot exceed the capacity",
            ));
        }
        let childcare = e.bool("childcare", &self.childcare);
        let step_free = e.bool("step_free", &self.step_free);
        if !e.0.is_empty() {
            return Err(e.0);
        }
        match (
            course_type,
            title,
            bamf_number,
            start_module,
            hours,
            street,
            postcode,
            time_slot,
            starts_at,
            ends_at,
            starts_on,
            ends_on,
            capacity,
            outside,
        ) {
            (
                Some(course_type),
                Some(title),
                Some(bamf_number),
                Some(start_module),
                Some(hours),
                Some(street),
                Some(postcode),
                Some(time_slot),
                Some(starts_at),
                Some(ends_at),
                Some(starts_on),
                Some(ends_on),
                Some(capacity),
                Some(seats_taken_outside),
            ) => Ok(Course {
                course_type,
                provider_org_id: provider,
                title,
                bamf_number,
                start_module,
                hours,
                street,
                postcode,
                municipality_id,
                latitude,
                longitude,
                days,
                time_slot,
                starts_at,
                ends_at,
                starts_on,
                ends_on,
                capacity,
                seats_taken_outside,
                childcare,
                step_free,
            }),
            _ => Err(vec![FieldError::new("course", "invalid", "invalid course")]),
        }
    }
}

mod need;
pub use need::{Need, NeedInput};

#[cfg(test)]
mod tests;
