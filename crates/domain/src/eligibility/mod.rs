//! Eligibility: from the recorded [`Facts`] about a person, derive and explain integration-course
//! access, course type and start module, job-related German, access to work and the responsible
//! agency — each as a [`Finding`] with its legal basis and the facts it used.
//!
//! Rules are dated data ([`Rule`]): a change in law is a new row with `valid_from`, and the old
//! row gets a `valid_until`, so the 2024 course reform or the 2026 admission stop are table edits.
//! Within one question the first rule that is in force and applies wins; when none applies the
//! answer is "unknown — check manually", never a guess.

mod agency;
mod context;
mod course;
mod data;
mod facts;
mod integration_course;
mod job_german;
#[cfg(test)]
mod tests;
mod wording;
mod work;

pub use context::Ctx;
pub use data::{
    DatedCountries, EU_FREE_MOVEMENT, GOOD_PROSPECTS, SAFE_COUNTRIES, has_good_prospects,
    is_safe_country,
};
pub use facts::{CourseObligation, CourseType, Facts, ObligationIssuer, Placement, StartModule};
pub use time::Date;

use crate::residence::AgencyKind;

crate::text_enum! {
    /// The question a finding answers.
    pub enum Topic ("eligibility topic") {
        IntegrationCourse = "integration_course",
        CourseType = "course_type",
        StartModule = "start_module",
        JobRelatedGerman = "job_related_german",
        AccessToWork = "access_to_work",
        ResponsibleAgency = "responsible_agency",
    }
}

crate::text_enum! {
    /// The answer of a finding. Course access: entitled … not_eligible; work: permitted …
    /// not_permitted; course type and start module: recommended; agency: responsible.
    pub enum Outcome ("eligibility outcome") {
        /// Legal entitlement (Teilnahmeanspruch).
        Entitled = "entitled",
        /// An obligation document exists.
        Obliged = "obliged",
        /// The named body can oblige the person.
        MayBeObliged = "may_be_obliged",
        /// Admission possible on application (within free places).
        AdmissibleOnApplication = "admissible_on_application",
        /// Admission was granted and stays valid.
        Admitted = "admitted",
        /// The person belongs to a group whose admissions are currently stopped.
        AdmissionSuspended = "admission_suspended",
        NotEligible = "not_eligible",
        /// The course's goal level is already reached.
        AlreadyReached = "already_reached",
        Recommended = "recommended",
        Responsible = "responsible",
        Permitted = "permitted",
        /// Only with a permission (Ausländerbehörde, possibly with BA consent).
        WithPermission = "with_permission",
        NotPermitted = "not_permitted",
        /// The rules cannot decide; the explanation says what to check.
        UnknownCheckManually = "unknown_check_manually",
    }
}

/// Dates go out as "YYYY-MM-DD" (time's own serde form is a tuple, useless to API clients).
pub(crate) mod iso_date {
    use time::Date;

    pub fn option<S: serde::Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => s.collect_str(date),
            None => s.serialize_none(),
        }
    }
}

/// One fact a finding relied on: field name and value as text ("(not recorded)" if missing).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FactUsed {
    pub field: &'static str,
    pub value: String,
}

/// A plain explanation in German and English.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Explanation {
    pub de: String,
    pub en: String,
}

/// A derived, explained answer to one question about one person on one date.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    /// The rule that produced it (stable id, e.g. `ik.entitled`).
    pub rule_id: &'static str,
    pub topic: Topic,
    pub outcome: Outcome,
    /// What exactly: the course type, the start module, the job-related course, the reason
    /// code of an unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Who obliges, grants access or is responsible.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agency: Option<AgencyKind>,
    pub explanation: Explanation,
    /// E.g. "AufenthG § 44 Abs. 1 Satz 1 Nr. 1 Buchst. c".
    pub legal_basis: String,
    /// Since when the applied rule is in force.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "iso_date::option"
    )]
    pub rule_valid_from: Option<Date>,
    pub facts_used: Vec<FactUsed>,
}

/// What a rule's predicate returns when it applies: the parts that depend on the facts.
/// `detail` replaces `{detail}` in the rule's texts (in words: "SGB II", not `sgb2`) and `cite`
/// replaces `{cite}`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hit {
    pub detail: Option<String>,
    pub cite: Option<&'static str>,
    /// Overrides the rule's agency (e.g. who grants a job-related course).
    pub agency: Option<AgencyKind>,
}

impl Hit {
    /// A hit without detail.
    pub fn yes() -> Option<Hit> {
        Some(Hit::default())
    }

    /// A hit carrying a detail.
    pub fn detail(detail: impl Into<String>) -> Option<Hit> {
        Some(Hit {
            detail: Some(detail.into()),
            ..Hit::default()
        })
    }

    /// A hit carrying the precise sub-citation.
    pub fn cite(cite: &'static str) -> Option<Hit> {
        Some(Hit {
            cite: Some(cite),
            ..Hit::default()
        })
    }
}

/// A dated rule. `applies` reads the facts through [`Ctx`], which records what it read.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub id: &'static str,
    pub topic: Topic,
    /// First day the rule is in force (`None`: since before anything we model).
    pub valid_from: Option<Date>,
    /// Last day the rule is in force, inclusive (`None`: open-ended).
    pub valid_until: Option<Date>,
    pub legal_basis: &'static str,
    pub outcome: Outcome,
    pub agency: Option<AgencyKind>,
    pub de: &'static str,
    pub en: &'static str,
    pub applies: fn(&Ctx<'_>) -> Option<Hit>,
}

impl Rule {
    /// A rule in force since always, without agency or texts; chain the setters below.
    pub const fn new(
        id: &'static str,
        topic: Topic,
        outcome: Outcome,
        legal_basis: &'static str,
        applies: fn(&Ctx<'_>) -> Option<Hit>,
    ) -> Self {
        Self {
            id,
            topic,
            valid_from: None,
            valid_until: None,
            legal_basis,
            outcome,
            agency: None,
            de: "",
            en: "",
            applies,
        }
    }

    pub const fn from(mut self, day: Date) -> Self {
        self.valid_from = Some(day);
        self
    }

    /// Last day in force (inclusive).
    pub const fn until(mut self, day: Date) -> Self {
        self.valid_until = Some(day);
        self
    }

    pub const fn agency(mut self, agency: AgencyKind) -> Self {
        self.agency = Some(agency);
        self
    }

    pub const fn text(mut self, de: &'static str, en: &'static str) -> Self {
        self.de = de;
        self.en = en;
        self
    }

    /// Whether the rule is in force on `on`.
    pub fn in_force(&self, on: Date) -> bool {
        self.valid_from.is_none_or(|from| from <= on)
            && self.valid_until.is_none_or(|until| on <= until)
    }
}

/// The groups of rules, in the order findings are reported. Within a group the first rule in
/// force that applies wins.
pub fn rule_groups() -> [(&'static str, &'static [Rule]); 7] {
    [
        ("integration_course", integration_course::ACCESS),
        (
            "integration_course_obligation",
            integration_course::OBLIGATION,
        ),
        ("course_type", course::COURSE_TYPE),
        ("start_module", course::START_MODULE),
        ("job_related_german", job_german::RULES),
        ("access_to_work", work::RULES),
        ("responsible_agency", agency::RULES),
    ]
}

/// Every rule, for documentation and review screens.
pub fn all_rules() -> impl Iterator<Item = &'static Rule> {
    rule_groups()
        .into_iter()
        .flat_map(|(_, rules)| rules.iter())
}

/// Evaluates all questions for `facts` on the date `on`.
pub fn evaluate(facts: &Facts, on: Date) -> Vec<Finding> {
    let mut findings = Vec::new();
    let access = first_match(integration_course::ACCESS, facts, on)
        .unwrap_or_else(|| no_rule(Topic::IntegrationCourse, facts, on));
    // Course type, start module and obligation only matter while a course is still an option.
    let course_open = !matches!(
        access.outcome,
        Outcome::NotEligible | Outcome::AlreadyReached
    );
    findings.push(access);
    if course_open {
        // An obligation is optional: most people simply are not obliged.
        findings.extend(first_match(integration_course::OBLIGATION, facts, on));
        for (topic, rules) in [
            (Topic::CourseType, course::COURSE_TYPE),
            (Topic::StartModule, course::START_MODULE),
        ] {
            findings
                .push(first_match(rules, facts, on).unwrap_or_else(|| no_rule(topic, facts, on)));
        }
    }
    for (topic, rules) in [
        (Topic::JobRelatedGerman, job_german::RULES),
        (Topic::AccessToWork, work::RULES),
        (Topic::ResponsibleAgency, agency::RULES),
    ] {
        findings.push(first_match(rules, facts, on).unwrap_or_else(|| no_rule(topic, facts, on)));
    }
    findings
}

fn first_match(rules: &[Rule], facts: &Facts, on: Date) -> Option<Finding> {
    rules
        .iter()
        .filter(|rule| rule.in_force(on))
        .find_map(|rule| {
            let ctx = Ctx::new(facts, on);
            let hit = (rule.applies)(&ctx)?;
            Some(finding(rule, hit, ctx.into_used()))
        })
}

fn finding(rule: &Rule, hit: Hit, facts_used: Vec<FactUsed>) -> Finding {
    let raw = hit.detail.clone().unwrap_or_default();
    let (de, en) = hit
        .detail
        .as_deref()
        .map(|d| wording::words(rule.topic, d))
        .unwrap_or_default();
    let fill = |text: &str, detail: &str| {
        text.replace("{detail}", detail)
            .replace("{cite}", hit.cite.unwrap_or(""))
    };
    Finding {
        rule_id: rule.id,
        topic: rule.topic,
        outcome: rule.outcome,
        detail: hit.detail.clone(),
        agency: hit.agency.or(rule.agency),
        explanation: Explanation {
            de: fill(rule.de, &de),
            en: fill(rule.en, &en),
        },
        legal_basis: fill(rule.legal_basis, &raw).trim().to_owned(),
        rule_valid_from: rule.valid_from,
        facts_used,
    }
}

/// No rule in force covers the situation (e.g. a date before the modelled law).
fn no_rule(topic: Topic, facts: &Facts, on: Date) -> Finding {
    let ctx = Ctx::new(facts, on);
    ctx.note("evaluated_on", on.to_string());
    Finding {
        rule_id: "no_rule",
        topic,
        outcome: Outcome::UnknownCheckManually,
        detail: Some("no_rule".to_owned()),
        agency: None,
        explanation: Explanation {
            de: "Für diese Situation und dieses Datum gibt es keine hinterlegte Regel. Bitte manuell prüfen."
                .to_owned(),
            en: "No rule covers this situation on this date. Please check manually.".to_owned(),
        },
        legal_basis: String::new(),
        rule_valid_from: None,
        facts_used: ctx.into_used(),
    }
}
