//! The situation analysis (Situationsanalyse): a versioned assessment of a person, saved
//! section by section. Each section is a typed struct with its own rules ([`Content::validate`])
//! and belongs to one data class, so the policy decides per section who may see it.
//!
//! Mobility and time availability are kept in the `education` class: they are what course
//! planning needs (which course, which place, which time of day), and the organisations that
//! plan courses (job centre, course provider) already see that class by their legal role.
//! They reveal nothing about health or family that `education` would not.

use serde::{Deserialize, Deserializer, Serialize};
use time::Date;

use crate::DataClass;
use crate::cefr::{CefrLevel, GermanLevel};
use crate::date::PartialDate;
use crate::validate::FieldError;

/// Longest free text in a section.
pub const MAX_TEXT: usize = 2000;
/// Longest short text (a title, an occupation, a country).
pub const MAX_LINE: usize = 200;

crate::text_enum! {
    /// A section of the situation analysis.
    pub enum Section ("assessment section") {
        /// Partner, children, who needs childcare, household size.
        Family = "family",
        /// Social situation and housing.
        Social = "social",
        /// Self-assessed level, placement test, certificate.
        German = "german",
        Schooling = "schooling",
        /// Training and degrees (with recognition), work experience, current employment.
        Vocational = "vocational",
        /// Health-related limitations: special category (GDPR Art. 9).
        Health = "health",
        Mobility = "mobility",
        Availability = "availability",
        /// Expectations in the person's own words and structured goals.
        Goals = "goals",
        /// The counsellor's assessment.
        Assessment = "assessment",
    }
}

impl Section {
    /// The data class the policy applies to this section.
    pub fn data_class(self) -> DataClass {
        match self {
            Section::Family | Section::Social => DataClass::Family,
            Section::German
            | Section::Schooling
            | Section::Vocational
            | Section::Mobility
            | Section::Availability => DataClass::Education,
            Section::Health => DataClass::Health,
            Section::Goals | Section::Assessment => DataClass::Notes,
        }
    }
}

crate::text_enum! {
    /// Where a partner lives.
    pub enum Partner ("partner") {
        None = "none",
        InHousehold = "in_household",
        InGermany = "in_germany",
        Abroad = "abroad",
    }
}

crate::text_enum! {
    /// Kind of housing.
    pub enum Housing ("housing") {
        SharedAccommodation = "shared_accommodation",
        OwnFlat = "own_flat",
        WithRelatives = "with_relatives",
        Homeless = "homeless",
        Other = "other",
    }
}

crate::text_enum! {
    /// Recognition of a foreign qualification (Anerkennung).
    pub enum Recognition ("recognition status") {
        None = "none",
        Pending = "pending",
        Done = "done",
    }
}

crate::text_enum! {
    /// The county's action fields (Handlungsfelder) for goals and the integration plan.
    pub enum ActionField ("action field") {
        Language = "language",
        Education = "education",
        Training = "training",
        Work = "work",
        Recognition = "recognition",
        Housing = "housing",
        Health = "health",
        FamilyChildcare = "family_childcare",
        SocialParticipation = "social_participation",
    }
}

crate::text_enum! {
    pub enum Weekday ("weekday") {
        Mon = "mon",
        Tue = "tue",
        Wed = "wed",
        Thu = "thu",
        Fri = "fri",
        Sat = "sat",
        Sun = "sun",
    }
}

// ---------------------------------------------------------------------------------------
// Lenient input: forms send every value as text; JSON clients send numbers and booleans.
// Both arrive here, empty text meaning "not recorded".

#[derive(Deserialize)]
#[serde(untagged)]
enum NumOrText {
    Num(i64),
    Text(String),
}

fn opt_num<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    match Option::<NumOrText>::deserialize(d)? {
        None => Ok(None),
        Some(NumOrText::Num(n)) => Ok(Some(n)),
        Some(NumOrText::Text(t)) if t.trim().is_empty() => Ok(None),
        Some(NumOrText::Text(t)) => t
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| serde::de::Error::custom(format!("'{t}' is not a whole number"))),
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum BoolOrText {
    Bool(bool),
    Text(String),
}

fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    match Option::<BoolOrText>::deserialize(d)? {
        None => Ok(None),
        Some(BoolOrText::Bool(b)) => Ok(Some(b)),
        Some(BoolOrText::Text(t)) => match t.trim() {
            "" => Ok(None),
            "yes" | "true" | "on" | "1" => Ok(Some(true)),
            "no" | "false" | "off" | "0" => Ok(Some(false)),
            other => Err(serde::de::Error::custom(format!(
                "'{other}' is not yes or no"
            ))),
        },
    }
}

fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    opt_bool(d).map(|b| b.unwrap_or(false))
}

// ---------------------------------------------------------------------------------------
// Sections.

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Child {
    #[serde(default, deserialize_with = "opt_num")]
    pub birth_year: Option<i64>,
    /// Needs a childcare place for the parent to attend a course.
    #[serde(default, deserialize_with = "flag")]
    pub needs_childcare: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Family {
    /// [`Partner`].
    #[serde(default)]
    pub partner: Option<String>,
    #[serde(default)]
    pub children: Vec<Child>,
    #[serde(default, deserialize_with = "opt_num")]
    pub household_size: Option<i64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Social {
    #[serde(default)]
    pub situation: Option<String>,
    /// [`Housing`].
    #[serde(default)]
    pub housing: Option<String>,
    #[serde(default)]
    pub housing_notes: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct German {
    /// [`GermanLevel`]: `none` or a CEFR level, as the person sees it.
    #[serde(default)]
    pub self_assessed: Option<String>,
    /// [`CefrLevel`] of the placement test (Einstufungstest).
    #[serde(default)]
    pub placement_level: Option<String>,
    #[serde(default)]
    pub placement_date: Option<String>,
    /// Start module of the integration course's language part, 1–6.
    #[serde(default, deserialize_with = "opt_num")]
    pub start_module: Option<i64>,
    /// [`CefrLevel`] of the highest certificate (DTZ, telc, Goethe, …).
    #[serde(default)]
    pub certificate_level: Option<String>,
    #[serde(default)]
    pub certificate_date: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schooling {
    #[serde(default, deserialize_with = "opt_num")]
    pub years: Option<i64>,
    /// ISO 3166 alpha-2.
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub highest_certificate: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Qualification {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    /// [`Recognition`].
    #[serde(default)]
    pub recognition: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkExperience {
    #[serde(default)]
    pub occupation: Option<String>,
    #[serde(default, deserialize_with = "opt_num")]
    pub years: Option<i64>,
    /// Klassifikation der Berufe (KldB 2010): five digits.
    #[serde(default)]
    pub kldb: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocational {
    #[serde(default)]
    pub qualifications: Vec<Qualification>,
    #[serde(default)]
    pub work: Vec<WorkExperience>,
    #[serde(default)]
    pub current_employment: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Health {
    #[serde(default)]
    pub limitations: Option<String>,
    #[serde(default, deserialize_with = "opt_bool")]
    pub affects_participation: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mobility {
    #[serde(default, deserialize_with = "opt_bool")]
    pub driving_licence: Option<bool>,
    #[serde(default, deserialize_with = "opt_bool")]
    pub car: Option<bool>,
    #[serde(default, deserialize_with = "opt_bool")]
    pub public_transport_only: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Availability {
    #[serde(default, deserialize_with = "flag")]
    pub mornings: bool,
    #[serde(default, deserialize_with = "flag")]
    pub afternoons: bool,
    #[serde(default, deserialize_with = "flag")]
    pub evenings: bool,
    /// [`Weekday`]s.
    #[serde(default)]
    pub days: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// [`ActionField`].
    #[serde(default)]
    pub field: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goals {
    /// Expectations in the person's own words.
    #[serde(default)]
    pub own_words: Option<String>,
    #[serde(default)]
    pub goals: Vec<Goal>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CounsellorAssessment {
    #[serde(default)]
    pub text: Option<String>,
}

/// The content of one section.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Content {
    Family(Family),
    Social(Social),
    German(German),
    Schooling(Schooling),
    Vocational(Vocational),
    Health(Health),
    Mobility(Mobility),
    Availability(Availability),
    Goals(Goals),
    Assessment(CounsellorAssessment),
}

/// Reads the content of `section` from any serde format (the API's JSON, a form turned into
/// JSON, the stored text). Type errors (text where a number belongs) are the format's errors;
/// the rules are [`Content::validate`].
pub fn parse<'de, D: Deserializer<'de>>(section: Section, d: D) -> Result<Content, D::Error> {
    Ok(match section {
        Section::Family => Content::Family(Family::deserialize(d)?),
        Section::Social => Content::Social(Social::deserialize(d)?),
        Section::German => Content::German(German::deserialize(d)?),
        Section::Schooling => Content::Schooling(Schooling::deserialize(d)?),
        Section::Vocational => Content::Vocational(Vocational::deserialize(d)?),
        Section::Health => Content::Health(Health::deserialize(d)?),
        Section::Mobility => Content::Mobility(Mobility::deserialize(d)?),
        Section::Availability => Content::Availability(Availability::deserialize(d)?),
        Section::Goals => Content::Goals(Goals::deserialize(d)?),
        Section::Assessment => Content::Assessment(CounsellorAssessment::deserialize(d)?),
    })
}

// ---------------------------------------------------------------------------------------
// Rules.

/// Trims; empty text becomes `None`.
fn tidy(v: &mut Option<String>) {
    if let Some(s) = v {
        let t = s.trim();
        if t.is_empty() {
            *v = None;
        } else if t.len() != s.len() {
            *v = Some(t.to_owned());
        }
    }
}

struct Check {
    errors: Vec<FieldError>,
    today: Date,
}

impl Check {
    fn new(today: Date) -> Self {
        Self {
            errors: Vec::new(),
            today,
        }
    }

    fn push(&mut self, e: FieldError) {
        // One message per field is enough.
        if !self.errors.iter().any(|x| x.field == e.field) {
            self.errors.push(e);
        }
    }

    fn text(&mut self, field: &'static str, v: &Option<String>, max: usize) {
        let Some(s) = v else { return };
        if s.chars().count() > max {
            self.push(
                FieldError::new(
                    field,
                    "too_long",
                    format!("must have at most {max} characters"),
                )
                .with_limit(max),
            );
        } else if s
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
        {
            self.push(FieldError::new(
                field,
                "control_chars",
                "must not contain control characters",
            ));
        }
    }

    fn one_of<T>(
        &mut self,
        field: &'static str,
        v: &Option<String>,
        parse: impl Fn(&str) -> Result<T, crate::UnknownValue>,
    ) {
        if let Some(s) = v
            && let Err(e) = parse(s)
        {
            self.push(FieldError::new(field, "unknown_value", e.to_string()));
        }
    }

    fn level(&mut self, field: &'static str, v: &Option<String>) {
        if let Some(s) = v
            && let Err(e) = CefrLevel::parse(s)
        {
            self.push(FieldError::new(field, "invalid_level", e.to_string()));
        }
    }

    fn range(&mut self, field: &'static str, v: Option<i64>, min: i64, max: i64) {
        if let Some(n) = v
            && !(min..=max).contains(&n)
        {
            self.push(FieldError::new(
                field,
                "implausible_number",
                format!("must be between {min} and {max}"),
            ));
        }
    }

    fn past_date(&mut self, field: &'static str, v: &Option<String>) {
        if let Some(s) = v
            && let Err(e) = PartialDate::parse_not_after(field, s, self.today)
        {
            self.push(e);
        }
    }

    fn country(&mut self, field: &'static str, v: &Option<String>) {
        if let Some(s) = v
            && !(s.len() == 2 && s.chars().all(|c| c.is_ascii_uppercase()))
        {
            self.push(FieldError::new(
                field,
                "invalid_country",
                "must be a two-letter country code (ISO 3166), e.g. SY",
            ));
        }
    }
}

/// Trims and writes a date in the storage form (ISO: "2026-11-02", "2026-11", "2026"), as
/// person dates are stored; text that is no date stays as typed, for the rules to report.
fn iso_date(v: &mut Option<String>) {
    tidy(v);
    if let Some(s) = v
        && let Ok(d) = PartialDate::parse("date", s)
    {
        *s = d.to_string();
    }
}

fn upper(v: &mut Option<String>) {
    tidy(v);
    if let Some(s) = v {
        *s = s.to_uppercase();
    }
}

impl Content {
    pub fn section(&self) -> Section {
        match self {
            Content::Family(_) => Section::Family,
            Content::Social(_) => Section::Social,
            Content::German(_) => Section::German,
            Content::Schooling(_) => Section::Schooling,
            Content::Vocational(_) => Section::Vocational,
            Content::Health(_) => Section::Health,
            Content::Mobility(_) => Section::Mobility,
            Content::Availability(_) => Section::Availability,
            Content::Goals(_) => Section::Goals,
            Content::Assessment(_) => Section::Assessment,
        }
    }

    /// Trims texts, drops empty rows of lists, writes codes in their canonical case.
    pub fn normalize(&mut self) {
        match self {
            Content::Family(f) => {
                tidy(&mut f.partner);
                f.children
                    .retain(|c| c.birth_year.is_some() || c.needs_childcare);
            }
            Content::Social(s) => {
                tidy(&mut s.situation);
                tidy(&mut s.housing);
                tidy(&mut s.housing_notes);
            }
            Content::German(g) => {
                tidy(&mut g.self_assessed);
                if let Some(l) = &mut g.self_assessed
                    && let Ok(parsed) = GermanLevel::parse(l)
                {
                    *l = parsed.as_str().to_owned();
                }
                for l in [&mut g.placement_level, &mut g.certificate_level] {
                    upper(l);
                }
                iso_date(&mut g.placement_date);
                iso_date(&mut g.certificate_date);
            }
            Content::Schooling(s) => {
                upper(&mut s.country);
                tidy(&mut s.highest_certificate);
            }
            Content::Vocational(v) => {
                for q in &mut v.qualifications {
                    tidy(&mut q.title);
                    upper(&mut q.country);
                    tidy(&mut q.recognition);
                }
                v.qualifications
                    .retain(|q| q.title.is_some() || q.country.is_some());
                for w in &mut v.work {
                    tidy(&mut w.occupation);
                    tidy(&mut w.kldb);
                }
                v.work
                    .retain(|w| w.occupation.is_some() || w.years.is_some() || w.kldb.is_some());
                tidy(&mut v.current_employment);
            }
            Content::Health(h) => tidy(&mut h.limitations),
            Content::Mobility(_) => {}
            Content::Availability(a) => {
                for d in &mut a.days {
                    *d = d.trim().to_lowercase();
                }
                a.days.retain(|d| !d.is_empty());
                a.days.sort_by_key(|d| Weekday::parse(d).ok());
                a.days.dedup();
            }
            Content::Goals(g) => {
                tidy(&mut g.own_words);
                for goal in &mut g.goals {
                    tidy(&mut goal.field);
                    tidy(&mut goal.text);
                }
                g.goals.retain(|x| x.field.is_some() || x.text.is_some());
            }
            Content::Assessment(a) => tidy(&mut a.text),
        }
    }

    /// The section's rules, all errors at once. Field names are the section's own; fields of
    /// list rows are named after the list (`children`, `qualifications`, `work`, `goals`).
    pub fn validate(&self, today: Date) -> Vec<FieldError> {
        let mut c = Check::new(today);
        let this_year = i64::from(today.year());
        match self {
            Content::Family(f) => {
                c.one_of("partner", &f.partner, Partner::parse);
                for child in &f.children {
                    match child.birth_year {
                        Some(y) if y > this_year => c.push(FieldError::new(
                            "children",
                            "future_year",
                            format!("the birth year {y} lies in the future"),
                        )),
                        Some(y) => c.range("children", Some(y), this_year - 60, this_year),
                        None => c.push(FieldError::new(
                            "children",
                            "required",
                            "each child needs a birth year",
                        )),
                    }
                }
                c.range("household_size", f.household_size, 1, 30);
                if let Some(n) = f.household_size
                    && (n as usize) < f.children.len() + 1
                    && n >= 1
                {
                    c.push(FieldError::new(
                        "household_size",
                        "household_too_small",
                        "is smaller than the person and their children",
                    ));
                }
            }
            Content::Social(s) => {
                c.text("situation", &s.situation, MAX_TEXT);
                c.one_of("housing", &s.housing, Housing::parse);
                c.text("housing_notes", &s.housing_notes, MAX_TEXT);
            }
            Content::German(g) => {
                if let Some(l) = &g.self_assessed
                    && let Err(e) = GermanLevel::parse(l)
                {
                    c.push(FieldError::new(
                        "self_assessed",
                        "invalid_level",
                        e.to_string(),
                    ));
                }
                c.level("placement_level", &g.placement_level);
                c.past_date("placement_date", &g.placement_date);
                c.range("start_module", g.start_module, 1, 6);
                c.level("certificate_level", &g.certificate_level);
                c.past_date("certificate_date", &g.certificate_date);
            }
            Content::Schooling(s) => {
                c.range("years", s.years, 0, 25);
                c.country("country", &s.country);
                c.text("highest_certificate", &s.highest_certificate, MAX_LINE);
            }
            Content::Vocational(v) => {
                for q in &v.qualifications {
                    c.text("qualifications", &q.title, MAX_LINE);
                    c.country("qualifications", &q.country);
                    c.one_of("qualifications", &q.recognition, Recognition::parse);
                }
                for w in &v.work {
                    c.text("work", &w.occupation, MAX_LINE);
                    c.range("work", w.years, 0, 60);
                    if let Some(k) = &w.kldb
                        && !(k.len() == 5 && k.chars().all(|ch| ch.is_ascii_digit()))
                    {
                        c.push(FieldError::new(
                            "work",
                            "invalid_kldb",
                            "an occupation code (KldB 2010) has five digits",
                        ));
                    }
                }
                c.text("current_employment", &v.current_employment, MAX_TEXT);
            }
            Content::Health(h) => c.text("limitations", &h.limitations, MAX_TEXT),
            Content::Mobility(_) => {}
            Content::Availability(a) => {
                for d in &a.days {
                    c.one_of("days", &Some(d.clone()), Weekday::parse);
                }
            }
            Content::Goals(g) => {
                c.text("own_words", &g.own_words, MAX_TEXT);
                for goal in &g.goals {
                    if goal.field.is_none() {
                        c.push(FieldError::new(
                            "goals",
                            "required",
                            "each goal needs an action field",
                        ));
                    }
                    c.one_of("goals", &goal.field, ActionField::parse);
                    c.text("goals", &goal.text, MAX_TEXT);
                }
            }
            Content::Assessment(a) => c.text("text", &a.text, MAX_TEXT),
        }
        c.errors
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod date_tests {
    use super::*;

    fn german(placement: &str, certificate: &str) -> German {
        let mut c = parse(
            Section::German,
            serde_json::json!({"placement_date": placement, "certificate_date": certificate}),
        )
        .unwrap();
        c.normalize();
        let Content::German(g) = c else { panic!() };
        g
    }

    #[test]
    fn german_dates_are_stored_in_iso_form() {
        let g = german(" 02.11.2026 ", "11.2025");
        assert_eq!(g.placement_date.as_deref(), Some("2026-11-02"));
        assert_eq!(g.certificate_date.as_deref(), Some("2025-11"));
        let g = german("2026-03-04", "00.00.2024");
        assert_eq!(g.placement_date.as_deref(), Some("2026-03-04"));
        assert_eq!(g.certificate_date.as_deref(), Some("2024"));
        // Not a date: kept as typed (trimmed), so the rules name the field.
        let g = german("31.02.2024", "  ");
        assert_eq!(g.placement_date.as_deref(), Some("31.02.2024"));
        assert_eq!(g.certificate_date, None);
        let errs = Content::German(g).validate(time::macros::date!(2026 - 11 - 23));
        assert!(errs.iter().any(|e| e.field == "placement_date"), "{errs:?}");
    }
}
