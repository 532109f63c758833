//! The view a rule has of the facts. Every accessor records the field it read, so a finding's
//! "facts used" list is exactly what its rule looked at, including facts that were missing.

use std::cell::RefCell;

use time::Date;

use super::FactUsed;
use super::data;
use super::facts::{CourseObligation, Facts, Placement};
use crate::cefr::{CefrLevel, GermanLevel};
use crate::residence::{
    BenefitsLaw, DuldungKind, Paragraph, ResidenceStatus, TitleParagraph, WorkAnnotation,
};

const NOT_RECORDED: &str = "(not recorded)";

/// Facts plus evaluation date, with a record of what was read.
pub struct Ctx<'a> {
    facts: &'a Facts,
    on: Date,
    used: RefCell<Vec<FactUsed>>,
}

fn show<T: ToString>(value: Option<T>) -> String {
    value.map_or_else(|| NOT_RECORDED.to_owned(), |v| v.to_string())
}

impl<'a> Ctx<'a> {
    pub fn new(facts: &'a Facts, on: Date) -> Self {
        Self {
            facts,
            on,
            used: RefCell::new(Vec::new()),
        }
    }

    /// Records a fact under `field`; the first value recorded for a field is kept.
    pub fn note(&self, field: &'static str, value: String) {
        let mut used = self.used.borrow_mut();
        if !used.iter().any(|f| f.field == field) {
            used.push(FactUsed { field, value });
        }
    }

    pub fn into_used(self) -> Vec<FactUsed> {
        self.used.into_inner()
    }

    /// The evaluation date (not recorded as a fact: every finding depends on it).
    pub fn on(&self) -> Date {
        self.on
    }

    pub fn status(&self) -> Option<ResidenceStatus> {
        let status = self.facts.residence.as_ref().map(|r| r.status);
        self.note("residence.status", show(status));
        status
    }

    pub fn is_status(&self, wanted: ResidenceStatus) -> bool {
        self.status() == Some(wanted)
    }

    pub fn paragraph(&self) -> Option<&'a Paragraph> {
        let paragraph = self
            .facts
            .residence
            .as_ref()
            .and_then(|r| r.paragraph.as_ref());
        self.note("residence.paragraph", show(paragraph.map(Paragraph::raw)));
        paragraph
    }

    /// The known paragraph of the title, if the status takes one.
    pub fn known_paragraph(&self) -> Option<TitleParagraph> {
        self.paragraph().and_then(Paragraph::known)
    }

    pub fn paragraph_in(&self, list: &[TitleParagraph]) -> bool {
        self.known_paragraph().is_some_and(|p| list.contains(&p))
    }

    pub fn duldung_kind(&self) -> Option<DuldungKind> {
        let kind = self.facts.residence.as_ref().and_then(|r| r.duldung_kind);
        self.note("residence.duldung_kind", show(kind));
        kind
    }

    pub fn first_issued_on(&self) -> Option<Date> {
        self.note("first_issued_on", show(self.facts.first_issued_on));
        self.facts.first_issued_on
    }

    pub fn valid_until(&self) -> Option<Date> {
        self.note("valid_until", show(self.facts.valid_until));
        self.facts.valid_until
    }

    pub fn work_annotation(&self) -> Option<WorkAnnotation> {
        self.note("work_annotation", show(self.facts.work_annotation));
        self.facts.work_annotation
    }

    pub fn entered_germany_on(&self) -> Option<Date> {
        self.note("entered_germany_on", show(self.facts.entered_germany_on));
        self.facts.entered_germany_on
    }

    pub fn asylum_applied_on(&self) -> Option<Date> {
        self.note("asylum_applied_on", show(self.facts.asylum_applied_on));
        self.facts.asylum_applied_on
    }

    pub fn lives_in_reception_centre(&self) -> Option<bool> {
        self.note(
            "lives_in_reception_centre",
            show(self.facts.lives_in_reception_centre),
        );
        self.facts.lives_in_reception_centre
    }

    /// `Some(true)` if certainly at least `years` old, `None` if unknown or ambiguous.
    pub fn age_at_least(&self, years: u32) -> Option<bool> {
        self.note("birth_date", show(self.facts.birth));
        let age = self.facts.birth?.age_on(self.on)?;
        if age.min >= years {
            Some(true)
        } else if age.max < years {
            Some(false)
        } else {
            None
        }
    }

    pub fn nationalities(&self) -> &'a [String] {
        let list = &self.facts.nationalities;
        let text = if list.is_empty() {
            NOT_RECORDED.to_owned()
        } else {
            list.join(", ")
        };
        self.note("nationalities", text);
        list
    }

    /// Nationality of a safe country of origin (AsylG § 29a, Anlage II) on the evaluation date.
    pub fn safe_country_national(&self) -> bool {
        self.nationalities()
            .iter()
            .any(|n| data::is_safe_country(n, self.on))
    }

    /// Nationality on the "good prospects to stay" list in force on `on`.
    pub fn good_prospects(&self) -> bool {
        self.nationalities()
            .iter()
            .any(|n| data::has_good_prospects(n, self.on))
    }

    /// EU/EEA/Swiss free movement: by status, or by nationality when no status is recorded.
    pub fn is_eu(&self) -> bool {
        match self.status() {
            Some(ResidenceStatus::EuFreedomOfMovement) => true,
            None => self
                .nationalities()
                .iter()
                .any(|n| data::EU_FREE_MOVEMENT.contains(&n.as_str())),
            Some(_) => false,
        }
    }

    pub fn german_level(&self) -> Option<GermanLevel> {
        self.note("german_level", show(self.facts.german_level));
        self.facts.german_level
    }

    pub fn certificate(&self) -> Option<CefrLevel> {
        self.note("certificate", show(self.facts.certificate));
        self.facts.certificate
    }

    /// The best known German: the higher of recorded level and certificate.
    pub fn best_german(&self) -> Option<GermanLevel> {
        let level = self.german_level();
        let cert = self.certificate().map(GermanLevel::Level);
        level.max(cert)
    }

    /// `Some(true)` if German is known to reach `level`; `None` if nothing is recorded.
    pub fn german_at_least(&self, level: CefrLevel) -> Option<bool> {
        self.best_german().map(|g| g.at_least(level))
    }

    pub fn placement(&self) -> Option<&'a Placement> {
        let placement = self.facts.placement.as_ref();
        self.note(
            "placement.start_module",
            show(placement.and_then(|p| p.start_module).map(|m| m.get())),
        );
        self.note(
            "placement.recommended_course",
            show(placement.and_then(|p| p.recommended_course)),
        );
        placement
    }

    pub fn literate_latin(&self) -> Option<bool> {
        self.note("literate_latin", show(self.facts.literate_latin));
        self.facts.literate_latin
    }

    pub fn literate_other_script(&self) -> Option<bool> {
        self.note(
            "literate_other_script",
            show(self.facts.literate_other_script),
        );
        self.facts.literate_other_script
    }

    pub fn benefits_law(&self) -> Option<BenefitsLaw> {
        self.note("benefits_law", show(self.facts.benefits_law));
        self.facts.benefits_law
    }

    pub fn employed(&self) -> Option<bool> {
        self.note("employed", show(self.facts.employed));
        self.facts.employed
    }

    pub fn in_school(&self) -> Option<bool> {
        self.note("in_school", show(self.facts.in_school));
        self.facts.in_school
    }

    pub fn parent_of_minor(&self) -> Option<bool> {
        self.note("parent_of_minor", show(self.facts.parent_of_minor));
        self.facts.parent_of_minor
    }

    pub fn unaccompanied_minor(&self) -> Option<bool> {
        self.note("unaccompanied_minor", show(self.facts.unaccompanied_minor));
        self.facts.unaccompanied_minor
    }

    pub fn course_obligation(&self) -> Option<CourseObligation> {
        let ob = self.facts.course_obligation;
        self.note(
            "course_obligation",
            show(ob.map(|o| match o.issued_on {
                Some(d) => format!("{} ({d})", o.issued_by),
                None => o.issued_by.to_string(),
            })),
        );
        ob
    }

    pub fn course_admission_on(&self) -> Option<Date> {
        self.note("course_admission_on", show(self.facts.course_admission_on));
        self.facts.course_admission_on
    }

    pub fn attended_integration_course(&self) -> Option<bool> {
        self.note(
            "attended_integration_course",
            show(self.facts.attended_integration_course),
        );
        self.facts.attended_integration_course
    }

    /// Whether at least `months` calendar months have passed from `since` to the evaluation date.
    pub fn months_since(&self, since: Date, months: u32) -> bool {
        add_months(since, months).is_some_and(|deadline| deadline <= self.on)
    }

    /// Whether the title expired before the evaluation date.
    pub fn title_expired(&self) -> bool {
        self.valid_until().is_some_and(|until| until < self.on)
    }

    /// Arrival in Germany, or failing that the asylum application or first issue of the status.
    pub fn stay_since(&self) -> Option<Date> {
        self.entered_germany_on()
            .or_else(|| self.asylum_applied_on())
            .or_else(|| self.first_issued_on())
    }
}

/// `date` plus `months` calendar months, clamped to the month's last day.
pub(crate) fn add_months(date: Date, months: u32) -> Option<Date> {
    let total =
        i64::from(date.year()) * 12 + i64::from(u8::from(date.month())) - 1 + i64::from(months);
    let year = i32::try_from(total.div_euclid(12)).ok()?;
    let month = time::Month::try_from(u8::try_from(total.rem_euclid(12) + 1).ok()?).ok()?;
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).ok()
}
