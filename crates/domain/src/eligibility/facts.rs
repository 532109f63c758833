//! The facts the rules read. Every field is optional because intake is gradual; a rule that
//! needs a missing fact answers "unknown — check manually" and names the fact.

use time::Date;

use crate::cefr::{CefrLevel, GermanLevel};
use crate::date::PartialDate;
use crate::residence::{BenefitsLaw, Residence, WorkAnnotation};
use crate::validate::FieldError;

/// Everything the eligibility rules need about one person.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Facts {
    pub residence: Option<Residence>,
    /// When the current title (or Gestattung, Duldung) was first issued.
    #[serde(serialize_with = "super::iso_date::option")]
    pub first_issued_on: Option<Date>,
    #[serde(serialize_with = "super::iso_date::option")]
    pub valid_until: Option<Date>,
    pub work_annotation: Option<WorkAnnotation>,
    /// Arrival in Germany.
    #[serde(serialize_with = "super::iso_date::option")]
    pub entered_germany_on: Option<Date>,
    /// Asylum application (for AsylG § 61 and the safe-country rule).
    #[serde(serialize_with = "super::iso_date::option")]
    pub asylum_applied_on: Option<Date>,
    /// Still obliged to live in a reception centre (AsylG § 47).
    pub lives_in_reception_centre: Option<bool>,
    pub birth: Option<PartialDate>,
    /// ISO 3166-1 alpha-2 codes, upper case ("SY", "UA", "XK" for Kosovo).
    pub nationalities: Vec<String>,
    /// Overall German, self-assessed or tested.
    pub german_level: Option<GermanLevel>,
    /// Highest German certificate (DTZ, telc, Goethe …).
    pub certificate: Option<CefrLevel>,
    pub placement: Option<Placement>,
    /// Can read and write in Latin script.
    pub literate_latin: Option<bool>,
    /// Can read and write in another script (Arabic, Cyrillic, Tigrinya …).
    pub literate_other_script: Option<bool>,
    pub benefits_law: Option<BenefitsLaw>,
    pub employed: Option<bool>,
    /// Attends (or will continue) school in Germany (AufenthG § 44 Abs. 3 Satz 1 Nr. 1).
    pub in_school: Option<bool>,
    /// Parent of a minor child (AufenthG § 44a Abs. 1 Satz 1 Nr. 3; legacy parents' course).
    pub parent_of_minor: Option<bool>,
    /// Unaccompanied minor in youth-welfare care (SGB VIII § 42a).
    pub unaccompanied_minor: Option<bool>,
    /// An obligation document to attend the integration course.
    pub course_obligation: Option<CourseObligation>,
    /// Date of a BAMF admission under AufenthG § 44 Abs. 4, if granted.
    #[serde(serialize_with = "super::iso_date::option")]
    pub course_admission_on: Option<Date>,
    /// Has attended an integration course before (needed for DeuFöV special courses).
    pub attended_integration_course: Option<bool>,
}

crate::text_enum! {
    /// Integration-course type (IntV §§ 10–13). The last three were abolished by the IntV reform
    /// in force 7 Dec 2024 and remain only for historic records.
    pub enum CourseType ("course type") {
        /// Allgemeiner Integrationskurs: 600 UE language + 100 UE orientation (IntV § 10).
        General = "general",
        /// Alphabetisierungskurs: up to 900 UE + 100 (IntV § 13 Abs. 1).
        Literacy = "literacy",
        /// Zweitschriftlernerkurs: literate, but not in Latin script (IntV § 13 Abs. 1).
        SecondScript = "second_script",
        /// Kurs für Menschen mit besonderem sprachpädagogischem Förderbedarf (IntV § 13 Abs. 1).
        SpecialNeed = "special_need",
        /// Intensivkurs: 400 UE + 100 (IntV § 13 Abs. 2).
        Intensive = "intensive",
        /// Jugendintegrationskurs (abolished Dec 2024).
        Youth = "youth",
        /// Eltern- bzw. Frauenintegrationskurs (abolished Dec 2024).
        ParentsOrWomen = "parents_or_women",
    }
}

impl CourseType {
    /// Hours (UE of 45 min) of the language part, as funded now; legacy types as they were.
    pub fn language_hours(self) -> u16 {
        match self {
            CourseType::General => 600,
            CourseType::Intensive => 400,
            _ => 900,
        }
    }
}

/// Start module 1–6 of the integration course's language part (Basis 1–3, Aufbau 4–6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct StartModule(u8);

impl StartModule {
    pub fn new(module: u8) -> Result<Self, FieldError> {
        if (1..=6).contains(&module) {
            Ok(Self(module))
        } else {
            Err(FieldError::new(
                "placement.start_module",
                "out_of_range",
                "must be a module from 1 to 6",
            ))
        }
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

/// Result of the integration-course placement test (IntV § 11 Abs. 2).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Placement {
    #[serde(serialize_with = "super::iso_date::option")]
    pub tested_on: Option<Date>,
    pub start_module: Option<StartModule>,
    /// The course type the test recommends; overrides what the facts would suggest.
    pub recommended_course: Option<CourseType>,
    /// The test predicts success in an intensive course (IntV § 13 Abs. 2).
    pub intensive_suitable: Option<bool>,
}

crate::text_enum! {
    /// Who issued an obligation to attend the integration course (AufenthG § 44a Abs. 1).
    pub enum ObligationIssuer ("obligation issuer") {
        /// Ausländerbehörde (§ 44a Abs. 1 Satz 1 Nr. 1 and 3).
        ImmigrationOffice = "immigration_office",
        /// Jobcenter (§ 44a Abs. 1 Satz 1 Nr. 2).
        JobCentre = "job_centre",
        /// AsylbLG authority (§ 44a Abs. 1 Satz 1 Nr. 4).
        AsylblgOffice = "asylblg_office",
    }
}

/// An existing obligation to attend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct CourseObligation {
    pub issued_by: ObligationIssuer,
    #[serde(serialize_with = "super::iso_date::option")]
    pub issued_on: Option<Date>,
}

impl Facts {
    /// Adds what a situation analysis knows to facts taken from the person record: the
    /// placement test (date, start module), the highest certificate, the self-assessed level
    /// when the record has none, whether the person has a minor child, and current employment.
    /// Sections the caller may not read must not be passed: findings list the facts they used.
    pub fn add_assessment<'a>(
        &mut self,
        sections: impl IntoIterator<Item = &'a crate::assessment::Content>,
        on: Date,
    ) {
        use crate::assessment::Content;
        for section in sections {
            match section {
                Content::German(g) => {
                    let tested_on = date_of(&g.placement_date);
                    let start_module = g
                        .start_module
                        .and_then(|m| u8::try_from(m).ok())
                        .and_then(|m| StartModule::new(m).ok());
                    if tested_on.is_some() || start_module.is_some() {
                        let placement = self.placement.get_or_insert_with(Placement::default);
                        placement.tested_on = placement.tested_on.or(tested_on);
                        placement.start_module = placement.start_module.or(start_module);
                    }
                    let certificate = g
                        .certificate_level
                        .as_deref()
                        .and_then(|l| CefrLevel::parse(l).ok());
                    if let Some(c) = certificate {
                        self.certificate = Some(self.certificate.map_or(c, |old| old.max(c)));
                    }
                    if self.german_level.is_none() {
                        self.german_level = g
                            .placement_level
                            .as_deref()
                            .and_then(|l| CefrLevel::parse(l).ok())
                            .map(GermanLevel::from)
                            .or_else(|| {
                                g.self_assessed
                                    .as_deref()
                                    .and_then(|l| GermanLevel::parse(l).ok())
                            });
                    }
                }
                Content::Family(f) => {
                    let minor = f.children.iter().any(|c| {
                        c.birth_year.is_some_and(|y| {
                            i64::from(on.year()) - y < 18 && y <= i64::from(on.year())
                        })
                    });
                    self.parent_of_minor = Some(self.parent_of_minor == Some(true) || minor);
                }
                Content::Vocational(v)
                    if v.current_employment
                        .as_deref()
                        .is_some_and(|e| !e.trim().is_empty()) =>
                {
                    self.employed = Some(true);
                }
                _ => {}
            }
        }
    }
}

fn date_of(raw: &Option<String>) -> Option<Date> {
    raw.as_deref()
        .and_then(|d| PartialDate::parse("date", d).ok())
        .and_then(PartialDate::as_date)
}
