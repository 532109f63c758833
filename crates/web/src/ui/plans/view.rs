//! The plan arranged for the pages: goals grouped by action field with their steps, labels
//! in a given language, overdue marks.

use ankommen_db::orgs::Organisation;
use ankommen_db::plans::{FollowUpRow, Plan, StepRow};
use ankommen_domain::plan::{ActionField, StepStatus};
use time::Date;

use crate::i18n::Lang;

/// `2026-12-01` → `01.12.2026`; anything else as it is.
pub fn german_date(iso: &str) -> String {
    match iso.split('-').collect::<Vec<_>>().as_slice() {
        [y, m, d] => format!("{d}.{m}.{y}"),
        _ => iso.to_owned(),
    }
}

pub struct StepView {
    pub id: String,
    pub title: String,
    pub owner: String,
    pub owner2: Option<String>,
    pub due_on: String,
    pub status: String,
    pub status_label: String,
    pub status_label2: Option<String>,
    pub reason: Option<String>,
    pub overdue: bool,
    pub version: i32,
    pub is_final: bool,
}

pub struct GoalView {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub status: String,
    pub status_label: String,
    pub status_label2: Option<String>,
    pub reason: Option<String>,
    pub version: i32,
    pub steps: Vec<StepView>,
}

pub struct FieldGroup {
    pub label: String,
    pub label2: Option<String>,
    pub goals: Vec<GoalView>,
}

pub struct FollowUpView {
    pub id: String,
    pub due_on: String,
    pub kind_label: String,
    pub kind_label2: Option<String>,
    pub note: Option<String>,
    pub done: bool,
    pub overdue: bool,
    pub version: i32,
}

/// Labels in the page's language and, for the printable plan, a second one.
#[derive(Debug, Clone, Copy)]
pub struct Langs {
    pub first: Lang,
    pub second: Option<Lang>,
}

impl Langs {
    pub fn one(lang: Lang) -> Self {
        Self {
            first: lang,
            second: None,
        }
    }

    fn t(self, key: &str) -> (String, Option<String>) {
        let first = self.first.t(key);
        let second = self.second.map(|l| l.t(key)).filter(|s| *s != first);
        (first, second)
    }
}

fn owner_label(langs: Langs, step: &StepRow, orgs: &[Organisation]) -> (String, Option<String>) {
    match step.owner_org_id.as_deref() {
        Some(id) => orgs
            .iter()
            .find(|o| o.id == id)
            .map(|o| (o.name.clone(), None))
            .unwrap_or_else(|| langs.t("plan-owner-partner_organisation")),
        None => langs.t(&format!("plan-owner-{}", step.owner_kind)),
    }
}

fn step_view(langs: Langs, s: &StepRow, orgs: &[Organisation], today: &str) -> StepView {
    let status = StepStatus::parse(&s.status).ok();
    let is_final = status.is_some_and(StepStatus::is_final);
    let (owner, owner2) = owner_label(langs, s, orgs);
    let (status_label, status_label2) = langs.t(&format!("plan-step-status-{}", s.status));
    StepView {
        id: s.id.clone(),
        title: s.title.clone(),
        owner,
        owner2,
        due_on: s
            .due_on
            .as_deref()
            .map(german_date)
            .unwrap_or_else(|| "–".to_owned()),
        status: s.status.clone(),
        status_label,
        status_label2,
        reason: s.status_reason.clone(),
        overdue: !is_final && s.due_on.as_deref().is_some_and(|d| d < today),
        version: s.version,
        is_final,
    }
}

/// Goals by action field (in the county's order), each with its steps.
pub fn groups(langs: Langs, plan: &Plan, orgs: &[Organisation], today: Date) -> Vec<FieldGroup> {
    let today = today.to_string();
    ActionField::ALL
        .iter()
        .filter_map(|field| {
            let goals: Vec<GoalView> = plan
                .goals
                .iter()
                .filter(|g| g.action_field == field.as_str())
                .map(|g| {
                    let (status_label, status_label2) =
                        langs.t(&format!("plan-goal-status-{}", g.status));
                    GoalView {
                        id: g.id.clone(),
                        title: g.title.clone(),
                        description: g.description.clone(),
                        status: g.status.clone(),
                        status_label,
                        status_label2,
                        reason: g.status_reason.clone(),
                        version: g.version,
                        steps: plan
                            .steps
                            .iter()
                            .filter(|s| s.goal_id == g.id)
                            .map(|s| step_view(langs, s, orgs, &today))
                            .collect(),
                    }
                })
                .collect();
            let (label, label2) = langs.t(&format!("ao-field-{}", field.as_str()));
            (!goals.is_empty()).then_some(FieldGroup {
                label,
                label2,
                goals,
            })
        })
        .collect()
}

pub fn follow_ups(langs: Langs, rows: &[FollowUpRow], today: Date) -> Vec<FollowUpView> {
    let today = today.to_string();
    rows.iter()
        .map(|f| {
            let (kind_label, kind_label2) = langs.t(&format!("plan-follow-up-kind-{}", f.kind));
            FollowUpView {
                id: f.id.clone(),
                due_on: german_date(&f.due_on),
                kind_label,
                kind_label2,
                note: f.note.clone(),
                done: f.done_at.is_some(),
                overdue: f.done_at.is_none() && f.due_on < today,
                version: f.version,
            }
        })
        .collect()
}
