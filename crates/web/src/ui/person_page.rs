//! The person page: the record by data class (only what the viewer may see), eligibility
//! findings with their legal basis, the case card (responsible counsellor, status), consents,
//! and the timeline of every change (assessments, plan, consents included) with who made it.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use serde_json::Value;

use ankommen_db::assessments::Assessment;
use ankommen_db::audit::{self, Entry};
use ankommen_db::municipalities;
use ankommen_db::persons::{self as repo, Change, Person};
use ankommen_db::plans::Plan;
use ankommen_domain::DataClass;
use ankommen_domain::date::PartialDate;
use ankommen_domain::eligibility::{Finding, Topic};
use ankommen_domain::plan::StepStatus;
use ankommen_domain::policy::{Action, Resource, can};
use ankommen_domain::residence::{DuldungKind, WorkAnnotation};

use super::case::{CaseForm, CaseView};
use super::consents::ConsentsView;
use super::{Ctx, FormErrors, Page, errors, render_status};
use crate::AppState;
use crate::api::consents::ConsentIn;
use crate::api::persons as api;
use crate::extract::ApiQuery;
use crate::i18n::Lang;
use crate::persons as logic;

/// A form posted from the person page that came back with errors.
pub enum Posted {
    Consent(ConsentIn, FormErrors),
    Case(CaseForm, FormErrors),
}

#[derive(Template)]
#[template(path = "person.html")]
pub struct PersonPage<'a> {
    pub ctx: &'a Ctx,
    pub person: Person,
    pub classes: Vec<DataClass>,
    pub findings: Vec<Finding>,
    pub history: Vec<Change>,
    /// User id → display name, for "who" in the timeline.
    pub names: HashMap<String, String>,
    /// Organisation id → name, municipality id → name: ids in the timeline as names.
    pub orgs: HashMap<String, String>,
    pub towns: HashMap<String, String>,
    /// Plan entry id → how the timeline names it (a step's title, a follow-up's date).
    pub plan_items: HashMap<String, String>,
    pub town: Option<String>,
    pub can_edit: bool,
    pub consents: ConsentsView,
    /// The case worker's view of referrals and suggested offers.
    pub network: super::referrals::Card,
    pub case: CaseView,
    /// The current (waiting or placed) course need, if any.
    pub need: Option<ankommen_db::needs::NeedRow>,
    /// Whether the one-click "put on the waiting list" button shows.
    pub may_add_need: bool,
    /// The situation analyses, newest first; `None` when the viewer may read no section.
    pub assessments: Option<Vec<Assessment>>,
    /// The next open steps and follow-ups; `None` when the viewer may not see the plan.
    pub next_up: Option<Vec<NextUp>>,
}

/// An open step or follow-up of the plan, for the person page.
pub struct NextUp {
    /// German date, or "–" for a step without one.
    pub due: String,
    pub what: String,
    pub overdue: bool,
}

/// Longest value shown in the timeline for a section or a consent (a summary, not the data).
const CLIP: usize = 160;

/// Checkboxes of the analysis: unticked means "not stated", not "no".
const CHECKBOXES: [&str; 4] = ["mornings", "afternoons", "evenings", "needs_childcare"];

impl PersonPage<'_> {
    pub fn sees(&self, class: &str) -> bool {
        self.classes.iter().any(|c| c.as_str() == class)
    }

    pub fn explanation(&self, f: &Finding) -> String {
        if self.ctx.lang == Lang::En {
            f.explanation.en.clone()
        } else {
            f.explanation.de.clone()
        }
    }

    pub fn topic(&self, f: &Finding) -> String {
        let key = serde_json::to_value(f.topic)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        self.ctx.t(&format!("topic-{key}"))
    }

    pub fn outcome(&self, f: &Finding) -> String {
        serde_json::to_value(f.outcome)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    /// The finding's detail in words of the page's language (a start module stays a number).
    pub fn detail(&self, f: &Finding) -> Option<String> {
        f.detail
            .as_deref()
            .map(|d| detail_label(self.ctx, f.topic, d))
    }

    pub fn outcome_label(&self, f: &Finding) -> String {
        let key = format!("outcome-{}", self.outcome(f));
        if self.ctx.lang.has(&key) {
            self.ctx.t(&key)
        } else {
            self.outcome(f)
        }
    }

    pub fn opt<'b>(&self, v: &'b Option<String>) -> &'b str {
        v.as_deref().unwrap_or("–")
    }

    pub fn ts(&self, t: &time::PrimitiveDateTime) -> String {
        super::admin_misc::ts(t)
    }

    /// Who made a change: their display name, or "system" for jobs and imports.
    pub fn who(&self, id: &Option<String>) -> String {
        match id {
            Some(id) => self.names.get(id).cloned().unwrap_or_else(|| id.clone()),
            None => self.ctx.t("persons-by-system"),
        }
    }

    pub fn assessment_status(&self, a: &Assessment) -> String {
        self.ctx.t(&format!("assessment-status-{}", a.status))
    }

    /// When an analysis was completed, or else when it was started.
    pub fn assessment_date(&self, a: &Assessment) -> String {
        match &a.completed_at {
            Some(t) => format!("{} {}", self.ctx.t("assessment-completed-at"), self.ts(t)),
            None => format!(
                "{} {}",
                self.ctx.t("assessment-created"),
                self.ts(&a.created_at)
            ),
        }
    }

    /// The changed field of a timeline entry, naming the plan entry it belongs to.
    pub fn field_label(&self, h: &Change) -> String {
        let item = h
            .field
            .strip_prefix("plan.")
            .and_then(|rest| rest.split('.').nth(1))
            .and_then(|id| self.plan_items.get(id));
        self.ctx
            .history_label_of(&h.field, item.map(String::as_str))
    }

    /// The value before a change, readable.
    pub fn before(&self, h: &Change) -> String {
        self.value(&h.field, h.old_value.as_deref())
    }

    /// The value after a change, readable.
    pub fn after(&self, h: &Change) -> String {
        self.value(&h.field, h.new_value.as_deref())
    }

    fn value(&self, field: &str, v: Option<&str>) -> String {
        let Some(v) = v.filter(|v| !v.is_empty()) else {
            return "–".to_owned();
        };
        let parts: Vec<&str> = field.split('.').collect();
        match parts.as_slice() {
            ["assessment", _, section] => section_summary(self.ctx, section, v),
            ["plan", kind, _, field] => self.plan_value(kind, field, v),
            ["consent", _] => self.consent_summary(v),
            ["referral", _] => self.referral_summary(v),
            [field] => self.person_value(field, v),
            _ => v.to_owned(),
        }
    }

    fn org(&self, id: &str) -> String {
        self.orgs.get(id).cloned().unwrap_or_else(|| id.to_owned())
    }

    fn person_value(&self, field: &str, v: &str) -> String {
        let ctx = self.ctx;
        match field {
            "sex"
            | "residence_status"
            | "residence_duldung_kind"
            | "work_annotation"
            | "benefits_law"
            | "german_level" => ctx.option(field, v),
            "case_status" => ctx.key_or(&format!("case-status-{v}"), v),
            "counsellor_id" => self.who(&Some(v.to_owned())),
            "responsible_org_id" => self.org(v),
            "municipality_id" => self.towns.get(v).cloned().unwrap_or_else(|| v.to_owned()),
            "languages" => languages(v),
            "birth_date" | "residence_valid_until" => date_text(v),
            _ if field.ends_with("_on") => date_text(v),
            _ => yes_no_or(ctx, v),
        }
    }

    fn plan_value(&self, kind: &str, field: &str, v: &str) -> String {
        let ctx = self.ctx;
        match field {
            "action_field" => ctx.key_or(&format!("ao-field-{v}"), v),
            "status" if kind == "goal" => ctx.key_or(&format!("plan-goal-status-{v}"), v),
            "status" => ctx.key_or(&format!("plan-step-status-{v}"), v),
            "owner_kind" => ctx.key_or(&format!("plan-owner-{v}"), v),
            "owner_org_id" => self.org(v),
            "kind" => ctx.key_or(&format!("plan-follow-up-kind-{v}"), v),
            "due_on" | "done_on" => date_text(v),
            _ => yes_no_or(ctx, v),
        }
    }

    /// A referral as stored in the history (JSON) in a line: receiver, state, reason or outcome.
    fn referral_summary(&self, v: &str) -> String {
        let ctx = self.ctx;
        let Ok(Value::Object(m)) = serde_json::from_str::<Value>(v) else {
            return clip(v);
        };
        let text = |k: &str| {
            m.get(k)
                .and_then(Value::as_str)
                .filter(|s| !s.trim().is_empty())
        };
        let mut parts = Vec::new();
        if let Some(org) = text("to_org_id") {
            parts.push(self.org(org));
        }
        if let Some(state) = text("state") {
            parts.push(ctx.key_or(&format!("referral-state-{state}"), state));
        }
        for (key, label) in [
            ("decline_reason", "referral-decline-reason"),
            ("withdraw_reason", "referral-withdraw-reason"),
            ("outcome", "referral-outcome"),
        ] {
            if let Some(t) = text(key) {
                parts.push(format!("{}: {t}", ctx.t(label)));
            }
        }
        clip(&parts.join("; "))
    }

    /// A consent as stored in the history (JSON) in a line: recipient, scope, purpose, dates.
    fn consent_summary(&self, v: &str) -> String {
        let ctx = self.ctx;
        let Ok(Value::Object(m)) = serde_json::from_str::<Value>(v) else {
            return clip(v);
        };
        let text = |k: &str| {
            m.get(k)
                .and_then(Value::as_str)
                .filter(|s| !s.trim().is_empty())
        };
        let mut parts = Vec::new();
        if let Some(org) = text("recipient_org_id") {
            parts.push(self.org(org));
        }
        if let Some(scope) = text("scope") {
            let classes: Vec<String> = scope
                .split(',')
                .map(|c| ctx.t(&format!("consent-class-{}", c.trim())))
                .collect();
            parts.push(format!(
                "{}: {}",
                ctx.t("consent-scope"),
                classes.join(", ")
            ));
        }
        if let Some(purpose) = text("purpose") {
            parts.push(format!("{}: {purpose}", ctx.t("consent-purpose")));
        }
        for (key, label) in [
            ("given_on", "consent-given-on"),
            ("expires_on", "consent-expires-on"),
            ("withdrawn_on", "consent-withdrawn-on"),
        ] {
            if let Some(d) = text(key) {
                parts.push(format!("{} {}", ctx.t(label), date_text(d)));
            }
        }
        if let Some(d) = text("document_ref") {
            parts.push(format!("{}: {d}", ctx.t("consent-document-ref")));
        }
        clip(&parts.join("; "))
    }
}

/// The detail of a finding in words: `eligibility-detail-<code>` in Fluent; a number (the
/// start module) as it is, a date German-style, a work annotation as the option's label.
pub fn detail_label(ctx: &Ctx, topic: Topic, detail: &str) -> String {
    if detail.chars().all(|c| c.is_ascii_digit()) {
        return detail.to_owned();
    }
    if let Some(d) = iso_date(detail) {
        return d;
    }
    if topic == Topic::AccessToWork
        && let Some(a) = WorkAnnotation::ALL.iter().find(|a| a.label_de() == detail)
    {
        return ctx.option("work_annotation", a.as_str());
    }
    // "unknown_paragraph: 104z", "read_annotation: 25(5)": the code, then the paragraph.
    let (code, paragraph) = match detail.split_once(": ") {
        Some((code, p)) => (code, Some(p)),
        None => (detail, None),
    };
    // A Duldung kind (why course access is closed) has its own words, apart from course types.
    let key = if topic == Topic::IntegrationCourse && DuldungKind::parse(code).is_ok() {
        format!("eligibility-detail-duldung_{code}")
    } else {
        format!("eligibility-detail-{code}")
    };
    if !ctx.lang.has(&key) {
        return detail.to_owned();
    }
    match paragraph {
        Some(p) => format!("{}: § {p}", ctx.t(&key)),
        None => ctx.t(&key),
    }
}

/// A full ISO date ("2026-06-15") as "15.06.2026".
fn iso_date(v: &str) -> Option<String> {
    let b = v.as_bytes();
    let iso = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    iso.then(|| super::plans::german_date(v))
}

/// A stored date (ISO, possibly partial) German-style; anything else as it is.
fn date_text(v: &str) -> String {
    PartialDate::parse("date", v)
        .map(PartialDate::to_german)
        .unwrap_or_else(|_| v.to_owned())
}

/// A stored boolean as "ja"/"nein", anything else as it is.
fn yes_no_or(ctx: &Ctx, v: &str) -> String {
    match v {
        "true" => ctx.yes_no(true),
        "false" => ctx.yes_no(false),
        _ => v.to_owned(),
    }
}

/// `[{"language": "ar", "level": "C2"}, …]` as "ar (C2), uk".
fn languages(v: &str) -> String {
    let Ok(Value::Array(list)) = serde_json::from_str::<Value>(v) else {
        return clip(v);
    };
    let shown: Vec<String> = list
        .iter()
        .filter_map(|l| {
            let lang = l.get("language")?.as_str()?;
            Some(match l.get("level").and_then(Value::as_str) {
                Some(level) if !level.is_empty() => format!("{lang} ({level})"),
                _ => lang.to_owned(),
            })
        })
        .collect();
    if shown.is_empty() {
        "–".to_owned()
    } else {
        shown.join(", ")
    }
}

/// At most [`CLIP`] characters, with "…" when cut.
fn clip(s: &str) -> String {
    if s.chars().count() <= CLIP {
        s.to_owned()
    } else {
        let cut: String = s.chars().take(CLIP - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A section of the situation analysis as stored (JSON) in a line: its filled fields as
/// "Label: value" in the form's order, lists by their entries' names or their count.
fn section_summary(ctx: &Ctx, section: &str, v: &str) -> String {
    let Ok(Value::Object(m)) = serde_json::from_str::<Value>(v) else {
        return clip(v);
    };
    let mut keys = super::assessments::field_order(section);
    let rest: Vec<&str> = m
        .keys()
        .map(String::as_str)
        .filter(|k| !keys.contains(k))
        .collect();
    keys.extend(rest);
    let parts: Vec<String> = keys
        .into_iter()
        .filter_map(|k| {
            let shown = json_value(ctx, k, m.get(k)?)?;
            Some(format!("{}: {shown}", field_name(ctx, k)))
        })
        .collect();
    if parts.is_empty() {
        ctx.t("persons-history-empty")
    } else {
        clip(&parts.join("; "))
    }
}

/// The label of a field of the analysis without its hint ("Einstiegsmodul (1–6)" →
/// "Einstiegsmodul").
fn field_name(ctx: &Ctx, key: &str) -> String {
    let label = ctx.key_or(&format!("af-{key}"), key);
    match label.split_once(" (") {
        Some((name, _)) if label.ends_with(')') => name.to_owned(),
        _ => label,
    }
}

fn json_value(ctx: &Ctx, key: &str, v: &Value) -> Option<String> {
    match v {
        Value::Null | Value::Object(_) => None,
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => Some(coded(ctx, key, s)),
        Value::Bool(false) if CHECKBOXES.contains(&key) => None,
        Value::Bool(b) => Some(ctx.yes_no(*b)),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(a) if a.is_empty() => None,
        Value::Array(a) if a.iter().all(Value::is_string) => Some(
            a.iter()
                .filter_map(Value::as_str)
                .map(|s| coded(ctx, key, s))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        Value::Array(rows) => {
            // Rows of a list: by their names (a goal's text, a degree's title) or how many.
            let named: Vec<&str> = rows
                .iter()
                .filter_map(|r| {
                    ["text", "title", "occupation"]
                        .iter()
                        .find_map(|k| r.get(k)?.as_str().filter(|s| !s.is_empty()))
                })
                .collect();
            Some(if named.len() == rows.len() {
                named.join(", ")
            } else {
                rows.len().to_string()
            })
        }
    }
}

/// A coded value of the analysis by its option label, a date German-style.
fn coded(ctx: &Ctx, key: &str, s: &str) -> String {
    let option = format!("ao-{key}-{s}");
    if ctx.lang.has(&option) {
        ctx.t(&option)
    } else if key.ends_with("_date") {
        date_text(s)
    } else {
        s.to_owned()
    }
}

/// The next three open steps and follow-ups, soonest first (steps without a date last).
fn next_up(ctx: &Ctx, plan: &Plan, today: &str) -> Vec<NextUp> {
    let mut items: Vec<(Option<&str>, String)> = Vec::new();
    for s in &plan.steps {
        if StepStatus::parse(&s.status).is_ok_and(|st| !st.is_final()) {
            items.push((
                s.due_on.as_deref(),
                format!("{}: {}", ctx.t("plan-step"), s.title),
            ));
        }
    }
    for f in plan.follow_ups.iter().filter(|f| f.done_at.is_none()) {
        let kind = ctx.key_or(&format!("plan-follow-up-kind-{}", f.kind), &f.kind);
        let what = match f.note.as_deref().filter(|n| !n.trim().is_empty()) {
            Some(note) => format!("{}: {kind} – {note}", ctx.t("plan-follow-up")),
            None => format!("{}: {kind}", ctx.t("plan-follow-up")),
        };
        items.push((Some(f.due_on.as_str()), what));
    }
    // Dated first (ISO sorts as text), then undated.
    items.sort_by_key(|(due, _)| (due.is_none(), due.map(str::to_owned)));
    items
        .into_iter()
        .take(3)
        .map(|(due, what)| NextUp {
            due: due.map(date_text).unwrap_or_else(|| "–".to_owned()),
            what: clip(&what),
            overdue: due.is_some_and(|d| d < today),
        })
        .collect()
}

/// How the timeline names each plan entry: goals and steps by title, follow-ups by date.
fn plan_items(ctx: &Ctx, plan: &Plan) -> HashMap<String, String> {
    let goals = plan
        .goals
        .iter()
        .map(|g| (g.id.clone(), ctx.quoted(&g.title)));
    let steps = plan
        .steps
        .iter()
        .map(|s| (s.id.clone(), ctx.quoted(&s.title)));
    let follow_ups = plan
        .follow_ups
        .iter()
        .map(|f| (f.id.clone(), date_text(&f.due_on)));
    goals.chain(steps).chain(follow_ups).collect()
}

#[derive(Debug, Deserialize, Default)]
pub struct ShowQuery {
    reason: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<ShowQuery>,
) -> Response {
    let reason = q.reason.filter(|r| !r.trim().is_empty());
    page_with(&state, &page, &id, reason, None, StatusCode::OK).await
}

/// The person page with a form posted from it and its errors.
pub async fn render_page(
    state: &AppState,
    page: &Page,
    id: &str,
    posted: Posted,
    status: StatusCode,
) -> Response {
    page_with(state, page, id, None, Some(posted), status).await
}

async fn page_with(
    state: &AppState,
    page: &Page,
    id: &str,
    reason: Option<String>,
    posted: Option<Posted>,
    status: StatusCode,
) -> Response {
    let had_reason = reason.is_some();
    let (person, classes) = match api::read_person(state, &page.me, id, reason).await {
        Ok(x) => x,
        Err(e) => {
            // A counsellor outside the own caseload: offer to break the glass (with a reason).
            let glass = page.me.user.role == ankommen_domain::Role::Counsellor
                && match &e {
                    crate::error::AppError::NotFound => !had_reason,
                    crate::error::AppError::Validation(errs) => {
                        errs.iter().any(|f| f.field == "reason")
                    }
                    _ => false,
                };
            if glass {
                let (tenant, pid) = (page.me.user.tenant_id.clone(), id.to_owned());
                let exists = state
                    .db(move |c| repo::exists(c, &tenant, &pid))
                    .await
                    .unwrap_or(false);
                if exists {
                    let (error, status) = match &e {
                        crate::error::AppError::Validation(errs) => (
                            errs.iter()
                                .find(|f| f.field == "reason")
                                .map(|f| page.ctx.field_message(f)),
                            StatusCode::UNPROCESSABLE_ENTITY,
                        ),
                        _ => (None, StatusCode::FORBIDDEN),
                    };
                    return super::privacy::break_glass_form(state, page, id, error, status).await;
                }
            }
            return errors::page(&page.ctx, e);
        }
    };
    let mut consents = match super::consents::view(state, &page.me, &person, &classes).await {
        Ok(v) => v,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let network = if consents.can_manage {
        match super::referrals::card(state, page, &person).await {
            Ok(c) => c,
            Err(e) => return errors::page(&page.ctx, e),
        }
    } else {
        super::referrals::Card::default()
    };
    let mut case = CaseView::new(&page.me, &person);
    match posted {
        Some(Posted::Consent(form, errs)) => {
            consents.form = form;
            consents.errors = errs;
        }
        Some(Posted::Case(form, errs)) => {
            case.form = form;
            case.errors = errs;
        }
        None => {}
    }
    let findings = if classes.contains(&DataClass::Residence) {
        match crate::api::assessments::latest_sections(state, &page.me, &person).await {
            Ok(sections) => {
                logic::eligibility(&person.values, &sections, ankommen_db::now().date())
            }
            Err(e) => return errors::page(&page.ctx, e),
        }
    } else {
        vec![]
    };
    let tenant = page.me.user.tenant_id.clone();
    let section_readable =
        crate::api::assessments::section_classes(&page.me, &person.values, Action::Read, None);
    let show_assessments = !section_readable.is_empty();
    let show_plan = can(
        &page.me.actor(),
        Action::Read,
        &Resource::PersonData {
            class: ankommen_domain::plan::DATA_CLASS,
            relation: logic::relation(&page.me, &person.values, None, &[]),
        },
    )
    .is_allowed();
    let who = page.me.owned_who();
    let pid = person.id.clone();
    let show_need = classes.contains(&ankommen_db::needs::DATA_CLASS);
    let may_add_need = show_need
        && logic::is_case_worker(&page.me)
        && logic::allowed_classes(&page.me, &person.values, Action::Update, None, &[])
            .contains(&ankommen_db::needs::DATA_CLASS);
    let loaded = state
        .db(move |c| {
            let history = repo::changes(c, &tenant, &pid)?;
            let users = ankommen_db::users::list(
                c,
                &tenant,
                &ankommen_db::users::UserFilter {
                    include_disabled: true,
                    ..Default::default()
                },
            )?;
            let towns = municipalities::list(c, &tenant)?;
            let orgs = ankommen_db::orgs::list(c, &tenant)?;
            let assessments = if show_assessments {
                Some(ankommen_db::assessments::list(c, &tenant, &pid)?)
            } else {
                None
            };
            let plan = if show_plan {
                let plan = ankommen_db::plans::get(c, &tenant, &pid)?;
                let mut entry = Entry::new("plan.read", "person", Some(&pid));
                entry.person_id = Some(&pid);
                entry.data_classes = &[ankommen_domain::plan::DATA_CLASS];
                audit::record(c, who.get(), entry)?;
                Some(plan)
            } else {
                None
            };
            let need = if show_need {
                ankommen_db::needs::for_person(c, &tenant, &pid)?
                    .into_iter()
                    .find(|n| n.status != "withdrawn")
            } else {
                None
            };
            Ok((history, users, towns, orgs, assessments, plan, need))
        })
        .await;
    let (history, users, towns, orgs, assessments, plan, need) = match loaded {
        Ok(x) => x,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let towns: HashMap<String, String> = towns.into_iter().map(|m| (m.id, m.name)).collect();
    let town = person
        .values
        .municipality_id
        .as_ref()
        .and_then(|t| towns.get(t).cloned());
    let mut visible = classes.clone();
    visible.extend(section_readable);
    let history = history
        .into_iter()
        .filter(|h| DataClass::parse(&h.data_class).is_ok_and(|c| visible.contains(&c)))
        .collect();
    case.add_users(&users);
    let names = users.into_iter().map(|u| (u.id, u.display_name)).collect();
    let orgs = orgs.into_iter().map(|o| (o.id, o.name)).collect();
    let today = ankommen_db::now().date().to_string();
    let next_up = plan.as_ref().map(|p| next_up(&page.ctx, p, &today));
    let plan_items = plan
        .as_ref()
        .map(|p| plan_items(&page.ctx, p))
        .unwrap_or_default();
    let can_edit =
        !logic::allowed_classes(&page.me, &person.values, Action::Update, None, &[]).is_empty();
    render_status(
        status,
        &PersonPage {
            ctx: &page.ctx,
            person,
            classes,
            findings,
            history,
            names,
            orgs,
            towns,
            plan_items,
            town,
            can_edit,
            consents,
            network,
            case,
            need,
            may_add_need,
            assessments,
            next_up,
        },
    )
}

#[cfg(test)]
mod tests;
