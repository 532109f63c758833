//! Data protection pages (issue 7, docs/data-protection.md): the team leads' review of
//! break-the-glass accesses, the form a counsellor sees before opening a record outside the
//! own caseload, a person's data export (GDPR Art. 15) as a printable page and as JSON,
//! erasure on request (Art. 17) and the retention settings. The work is done by
//! `api::privacy`; these handlers only render and translate.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use serde_json::Value;

use ankommen_db::break_glass::Listed;
use ankommen_domain::policy::{Action, Resource};
use ankommen_domain::retention::{MAX_MONTHS, MIN_MONTHS, parse_months};

use super::courses::german_date;
use super::{Ctx, FormErrors, Page, errors, form_errors, render, render_status};
use crate::AppState;
use crate::api::privacy::{self as api, ErasureIn, ReviewIn, SettingsIn, SettingsOut};
use crate::error::AppError;
use crate::extract::{ApiForm, ApiQuery};

// ---------------------------------------------------------------------------------------
// Break-the-glass review (team leads)

#[derive(Template)]
#[template(path = "break_glass.html")]
pub struct ReviewView<'a> {
    pub ctx: &'a Ctx,
    pub items: Vec<Listed>,
    /// Reviewed accesses shown too.
    pub all: bool,
    /// User id → display name (who reviewed).
    pub names: HashMap<String, String>,
    pub errors: FormErrors,
}

impl ReviewView<'_> {
    pub fn reviewer(&self, l: &Listed) -> String {
        l.grant
            .reviewed_by
            .as_ref()
            .map(|id| self.names.get(id).cloned().unwrap_or_else(|| id.clone()))
            .unwrap_or_default()
    }

    pub fn note<'b>(&self, l: &'b Listed) -> &'b str {
        l.grant.review_note.as_deref().unwrap_or("")
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct ReviewQuery {
    all: Option<String>,
}

fn truthy(v: Option<&str>) -> bool {
    matches!(v, Some("1" | "true" | "on" | "yes"))
}

async fn review_page(
    state: &AppState,
    page: &Page,
    all: bool,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let items = match api::grants(state, &page.me, all).await {
        Ok(items) => items,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let tenant = page.me.user.tenant_id.clone();
    let users = state
        .db(move |c| {
            ankommen_db::users::list(
                c,
                &tenant,
                &ankommen_db::users::UserFilter {
                    include_disabled: true,
                    ..Default::default()
                },
            )
        })
        .await;
    let names = match users {
        Ok(u) => u.into_iter().map(|u| (u.id, u.display_name)).collect(),
        Err(e) => return errors::page(&page.ctx, e),
    };
    render_status(
        status,
        &ReviewView {
            ctx: &page.ctx,
            items,
            all,
            names,
            errors,
        },
    )
}

/// GET /break-glass (`?all=1`: reviewed accesses too).
pub async fn review_list(
    State(state): State<AppState>,
    page: Page,
    ApiQuery(q): ApiQuery<ReviewQuery>,
) -> Response {
    let all = truthy(q.all.as_deref());
    review_page(&state, &page, all, FormErrors::default(), StatusCode::OK).await
}

/// POST /break-glass/{id}/review: `note`, `revoke` (checkbox).
pub async fn review(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    ApiForm(form): ApiForm<HashMap<String, String>>,
) -> Response {
    let input = ReviewIn {
        note: form
            .get("note")
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty()),
        revoke: truthy(form.get("revoke").map(String::as_str)),
    };
    match api::review(&state, &page.me, &id, input).await {
        Ok(_) => Redirect::to("/break-glass?msg=reviewed").into_response(),
        Err(e) => {
            let status = e.status();
            match form_errors(&page.ctx, e) {
                Ok(errs) => review_page(&state, &page, false, errs, status).await,
                Err(e) => errors::page(&page.ctx, e),
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Break the glass: the counsellor's form

#[derive(Template)]
#[template(path = "break_glass_form.html")]
pub struct BreakGlassForm<'a> {
    pub ctx: &'a Ctx,
    pub person_id: String,
    pub hours: i32,
    pub min_reason: usize,
    pub error: Option<String>,
}

/// The page a counsellor sees for a person outside the own caseload: opening the record
/// needs a reason; the access is time-limited, audited and reviewed by team leads.
pub async fn break_glass_form(
    state: &AppState,
    page: &Page,
    person_id: &str,
    error: Option<String>,
    status: StatusCode,
) -> Response {
    let tenant = page.me.user.tenant_id.clone();
    let hours = match state
        .db(move |c| ankommen_db::retention::network_settings(c, &tenant))
        .await
    {
        Ok(s) => s.break_glass_hours,
        Err(e) => return errors::page(&page.ctx, e),
    };
    render_status(
        status,
        &BreakGlassForm {
            ctx: &page.ctx,
            person_id: person_id.to_owned(),
            hours,
            min_reason: ankommen_db::break_glass::MIN_REASON,
            error,
        },
    )
}

// ---------------------------------------------------------------------------------------
// Data export (Art. 15)

/// A label and a value.
pub struct Fact {
    pub label: String,
    pub value: String,
}

pub struct AnalysisRow {
    pub number: String,
    pub status: String,
    pub sections: String,
}

pub struct StepItem {
    pub title: String,
    pub status: String,
    pub due: String,
}

pub struct GoalItem {
    pub title: String,
    pub status: String,
    pub steps: Vec<StepItem>,
}

pub struct ConsentRow {
    pub recipient: String,
    pub scope: String,
    pub purpose: String,
    pub dates: String,
}

pub struct NeedItem {
    pub course_type: String,
    pub status: String,
    pub waiting_since: String,
}

pub struct CourseItem {
    pub course: String,
    pub status: String,
    pub days: usize,
}

pub struct ReferralItem {
    pub organisation: String,
    pub purpose: String,
    pub scope: String,
    pub state: String,
    pub sent: String,
}

pub struct AccessRow {
    pub organisation: String,
    pub at: String,
    pub action: String,
    pub classes: String,
}

#[derive(Template)]
#[template(path = "export.html")]
pub struct ExportView<'a> {
    pub ctx: &'a Ctx,
    pub person_id: String,
    pub case_number: String,
    pub name: String,
    pub exported_at: String,
    pub person: Vec<Fact>,
    pub names: Vec<String>,
    pub history_count: usize,
    pub analyses: Vec<AnalysisRow>,
    pub goals: Vec<GoalItem>,
    pub follow_ups: usize,
    pub consents: Vec<ConsentRow>,
    pub needs: Vec<NeedItem>,
    pub courses: Vec<CourseItem>,
    pub referrals: Vec<ReferralItem>,
    pub accesses: Vec<AccessRow>,
}

/// The text of a JSON value: strings as they are, numbers and booleans written out, else "".
fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}

fn arr(v: &Value) -> &[Value] {
    v.as_array().map(Vec::as_slice).unwrap_or(&[])
}

/// A stored timestamp (`2026-01-02T03:04:05.000000Z`) in Berlin time, German-style.
fn stamp(raw: &str) -> String {
    let fmt = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");
    raw.get(..19)
        .and_then(|s| time::PrimitiveDateTime::parse(s, &fmt).ok())
        .map(|t| super::admin_misc::ts(&t))
        .unwrap_or_else(|| raw.to_owned())
}

fn date_or_dash(v: &Value) -> String {
    match v.as_str() {
        Some(s) if !s.is_empty() => german_date(s),
        _ => "–".to_owned(),
    }
}

/// Data class names (comma-separated) as labels.
fn class_labels(ctx: &Ctx, list: &str) -> String {
    list.split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| ctx.key_or(&format!("consent-class-{c}"), c))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Names for the ids an export carries: users, organisations, towns, courses.
#[derive(Default)]
struct Lookup {
    users: HashMap<String, String>,
    orgs: HashMap<String, String>,
    towns: HashMap<String, String>,
    courses: HashMap<String, String>,
}

fn person_facts(ctx: &Ctx, values: &Value, names: &Lookup) -> Vec<Fact> {
    let fields = ankommen_db::persons::PersonValues::default().fields();
    fields
        .into_iter()
        .filter_map(|(field, _)| {
            let v = &values[field];
            let raw = text(v);
            if raw.is_empty() || raw == "[]" {
                return None;
            }
            let name_of = |m: &HashMap<String, String>| m.get(&raw).cloned().unwrap_or(raw.clone());
            let value = match field {
                "counsellor_id" => name_of(&names.users),
                "responsible_org_id" => name_of(&names.orgs),
                "municipality_id" => name_of(&names.towns),
                "case_status" => ctx.case_status(&raw),
                "literate_latin" => ctx.yes_no(v.as_bool().unwrap_or(false)),
                "languages" => languages(&raw),
                f if f.ends_with("_on") || f.ends_with("_until") || f == "birth_date" => {
                    german_date(&raw)
                }
                _ => ctx.option(field, &raw),
            };
            Some(Fact {
                label: ctx.label(field),
                value,
            })
        })
        .collect()
}

/// `[{"language": "ar", "level": "C2"}]` → `ar (C2)`.
fn languages(raw: &str) -> String {
    match serde_json::from_str::<Value>(raw) {
        Ok(Value::Array(list)) => list
            .iter()
            .map(|l| {
                let level = text(&l["level"]);
                if level.is_empty() {
                    text(&l["language"])
                } else {
                    format!("{} ({level})", text(&l["language"]))
                }
            })
            .collect::<Vec<_>>()
            .join(", "),
        _ => raw.to_owned(),
    }
}

fn export_view<'a>(ctx: &'a Ctx, doc: &Value, names: &Lookup) -> ExportView<'a> {
    let person = &doc["person"];
    let values = &person["values"];
    let analyses = arr(&doc["situation_analyses"])
        .iter()
        .map(|a| AnalysisRow {
            number: text(&a["analysis"]["number"]),
            status: ctx.key_or(
                &format!("assessment-status-{}", text(&a["analysis"]["status"])),
                &text(&a["analysis"]["status"]),
            ),
            sections: a["sections"]
                .as_object()
                .map(|m| {
                    m.keys()
                        .map(|k| ctx.key_or(&format!("assessment-section-{k}"), k))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default(),
        })
        .collect();
    let plan = &doc["plan"];
    let steps = arr(&plan["steps"]);
    let goals = arr(&plan["goals"])
        .iter()
        .map(|g| GoalItem {
            title: text(&g["title"]),
            status: ctx.key_or(
                &format!("plan-goal-status-{}", text(&g["status"])),
                &text(&g["status"]),
            ),
            steps: steps
                .iter()
                .filter(|s| s["goal_id"] == g["id"])
                .map(|s| StepItem {
                    title: text(&s["title"]),
                    status: ctx.key_or(
                        &format!("plan-step-status-{}", text(&s["status"])),
                        &text(&s["status"]),
                    ),
                    due: date_or_dash(&s["due_on"]),
                })
                .collect(),
        })
        .collect();
    let consents = arr(&doc["consents"])
        .iter()
        .map(|k| {
            let c = &k["consent"];
            let mut dates = format!(
                "{} {}",
                ctx.t("consent-given-on"),
                date_or_dash(&c["given_on"])
            );
            if c["expires_on"].is_string() {
                dates.push_str(&format!(
                    "; {} {}",
                    ctx.t("consent-expires-on"),
                    date_or_dash(&c["expires_on"])
                ));
            }
            if c["withdrawn_on"].is_string() {
                dates.push_str(&format!(
                    "; {} {}",
                    ctx.t("consent-withdrawn-on"),
                    date_or_dash(&c["withdrawn_on"])
                ));
            }
            ConsentRow {
                recipient: text(&k["recipient"]),
                scope: class_labels(ctx, &text(&c["scope"])),
                purpose: text(&c["purpose"]),
                dates,
            }
        })
        .collect();
    let needs = arr(&doc["course_needs"])
        .iter()
        .map(|n| NeedItem {
            course_type: ctx.option("course_type", &text(&n["course_type"])),
            status: ctx.option("need_status", &text(&n["status"])),
            waiting_since: date_or_dash(&n["waiting_since"]),
        })
        .collect();
    let courses = arr(&doc["courses"])
        .iter()
        .map(|c| {
            let id = text(&c["placement"]["course_id"]);
            CourseItem {
                course: names.courses.get(&id).cloned().unwrap_or(id),
                status: ctx.option("placement_status", &text(&c["placement"]["status"])),
                days: arr(&c["attendance"]).len(),
            }
        })
        .collect();
    let referrals = arr(&doc["referrals"])
        .iter()
        .map(|r| {
            let x = &r["referral"];
            let state = text(&x["state"]);
            ReferralItem {
                organisation: text(&r["to_organisation"]),
                purpose: text(&x["purpose"]),
                scope: class_labels(ctx, &text(&x["scope"])),
                state: ctx.key_or(&format!("dp-referral-state-{state}"), &state),
                sent: x["sent_at"]
                    .as_str()
                    .map(stamp)
                    .unwrap_or_else(|| "–".to_owned()),
            }
        })
        .collect();
    let accesses = arr(&doc["accesses"])
        .iter()
        .map(|a| {
            let action = text(&a["action"]);
            let mut label = ctx.key_or(
                &format!("dp-action-{}", action.replace(['.', '_'], "-")),
                &action,
            );
            if text(&a["outcome"]) == "denied" {
                label = format!("{label} ({})", ctx.t("dp-denied"));
            }
            AccessRow {
                organisation: a["organisation"]
                    .as_str()
                    .filter(|o| !o.is_empty())
                    .map(str::to_owned)
                    .unwrap_or_else(|| ctx.t("audit-system")),
                at: stamp(&text(&a["at"])),
                action: label,
                classes: class_labels(ctx, &text(&a["data_classes"])),
            }
        })
        .collect();
    ExportView {
        ctx,
        person_id: text(&person["id"]),
        case_number: text(&person["case_number"]),
        name: format!(
            "{}, {}",
            text(&values["family_name"]),
            text(&values["given_names"])
        ),
        exported_at: stamp(&text(&doc["exported_at"])),
        person: person_facts(ctx, values, names),
        names: arr(&person["names"])
            .iter()
            .map(|n| {
                format!(
                    "{}, {} ({})",
                    text(&n["family_name"]),
                    text(&n["given_names"]),
                    text(&n["kind"])
                )
            })
            .collect(),
        history_count: arr(&doc["history"]).len(),
        analyses,
        goals,
        follow_ups: arr(&plan["follow_ups"]).len(),
        consents,
        needs,
        courses,
        referrals,
        accesses,
    }
}

/// GET /persons/{id}/export: the export as a readable, printable page.
pub async fn export_page(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
) -> Response {
    let doc = match api::export(&state, &page.me, &id).await {
        Ok(doc) => doc,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let tenant = page.me.user.tenant_id.clone();
    let course_ids: Vec<String> = arr(&doc["courses"])
        .iter()
        .map(|c| text(&c["placement"]["course_id"]))
        .collect();
    let loaded = state
        .db(move |c| {
            let users = ankommen_db::users::list(
                c,
                &tenant,
                &ankommen_db::users::UserFilter {
                    include_disabled: true,
                    ..Default::default()
                },
            )?;
            let orgs = ankommen_db::orgs::list(c, &tenant)?;
            let towns = ankommen_db::municipalities::list(c, &tenant)?;
            let mut courses = HashMap::new();
            for id in course_ids {
                if let Ok(course) = ankommen_db::courses::get(c, &tenant, &id) {
                    let title = course.title.clone().unwrap_or_default();
                    courses.insert(id, (title, course.course_type));
                }
            }
            Ok((users, orgs, towns, courses))
        })
        .await;
    let (users, orgs, towns, courses) = match loaded {
        Ok(x) => x,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let names = Lookup {
        users: users.into_iter().map(|u| (u.id, u.display_name)).collect(),
        orgs: orgs.into_iter().map(|o| (o.id, o.name)).collect(),
        towns: towns.into_iter().map(|m| (m.id, m.name)).collect(),
        courses: courses
            .into_iter()
            .map(|(id, (title, kind))| {
                let kind = page.ctx.option("course_type", &kind);
                let name = if title.is_empty() {
                    kind
                } else {
                    format!("{title} ({kind})")
                };
                (id, name)
            })
            .collect(),
    };
    render(&export_view(&page.ctx, &doc, &names))
}

/// GET /persons/{id}/export.json: the export as a JSON attachment.
pub async fn export_json(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
) -> Response {
    let doc = match api::export(&state, &page.me, &id).await {
        Ok(doc) => doc,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let case: String = text(&doc["person"]["case_number"])
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let disposition = format!("attachment; filename=\"ankommen-auskunft-{case}.json\"");
    let body = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| doc.to_string());
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json; charset=utf-8"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition)
                    .unwrap_or_else(|_| HeaderValue::from_static("attachment")),
            ),
        ],
        body,
    )
        .into_response()
}

// ---------------------------------------------------------------------------------------
// Erasure on request (Art. 17)

#[derive(Template)]
#[template(path = "erasure_blocked.html")]
pub struct ErasureView<'a> {
    pub ctx: &'a Ctx,
    pub person_id: String,
    /// Translated reasons the erasure cannot proceed now.
    pub blockers: Vec<String>,
    pub request_ref: String,
    pub errors: FormErrors,
}

/// POST /persons/{id}/erasure: `request_ref` (where the request is filed).
pub async fn erase(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    ApiForm(form): ApiForm<HashMap<String, String>>,
) -> Response {
    let request_ref = form
        .get("request_ref")
        .map(|r| r.trim().to_owned())
        .unwrap_or_default();
    let input = ErasureIn {
        request_ref: request_ref.clone(),
    };
    match api::erase(&state, &page.me, &id, input).await {
        Ok(()) => Redirect::to(&format!("/persons/{id}?msg=erased")).into_response(),
        Err(AppError::Validation(errs)) => {
            let blockers = match api::erasure_check(&state, &page.me, &id).await {
                Ok(check) => check.blockers,
                Err(e) => return errors::page(&page.ctx, e),
            };
            let errs: Vec<_> = errs.into_iter().filter(|f| f.field != "erasure").collect();
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &ErasureView {
                    ctx: &page.ctx,
                    person_id: id,
                    blockers: blockers
                        .iter()
                        .map(|b| page.ctx.key_or(&format!("dp-blocker-{b}"), b))
                        .collect(),
                    request_ref,
                    errors: FormErrors::from_fields(&page.ctx, &errs),
                },
            )
        }
        Err(e) => errors::page(&page.ctx, e),
    }
}

// ---------------------------------------------------------------------------------------
// Retention and network settings (administrators; team leads read)

/// One retention period on the form.
pub struct RuleRow {
    /// The input's name: `retention_<record type>`.
    pub name: String,
    pub label: String,
    pub value: String,
    pub reference: String,
    pub disposal: String,
    pub is_default: bool,
}

#[derive(Template)]
#[template(path = "data_protection.html")]
pub struct SettingsView<'a> {
    pub ctx: &'a Ctx,
    pub rules: Vec<RuleRow>,
    pub referral_reminder_days: String,
    pub break_glass_hours: String,
    pub can_edit: bool,
    pub errors: FormErrors,
    pub min_months: u32,
    pub max_months: u32,
}

impl SettingsView<'_> {
    pub fn err(&self, field: &str) -> &str {
        self.errors.get(field).unwrap_or("")
    }
}

fn settings_view<'a>(
    page: &'a Page,
    current: &SettingsOut,
    posted: Option<&HashMap<String, String>>,
    errors: FormErrors,
) -> SettingsView<'a> {
    let ctx = &page.ctx;
    let value =
        |name: &str, current: String| posted.and_then(|p| p.get(name).cloned()).unwrap_or(current);
    SettingsView {
        ctx,
        rules: current
            .retention
            .iter()
            .map(|r| {
                let t = r.record_type.as_str();
                let name = format!("retention_{t}");
                RuleRow {
                    value: value(&name, r.months.to_string()),
                    name,
                    label: ctx.key_or(&format!("dp-type-{t}"), t),
                    reference: ctx.key_or(&format!("dp-reference-{t}"), r.reference),
                    disposal: ctx.key_or(&format!("dp-disposal-{}", r.disposal), r.disposal),
                    is_default: r.is_default,
                }
            })
            .collect(),
        referral_reminder_days: value(
            "referral_reminder_days",
            current.network.referral_reminder_days.to_string(),
        ),
        break_glass_hours: value(
            "break_glass_hours",
            current.network.break_glass_hours.to_string(),
        ),
        can_edit: page.me.user.role == ankommen_domain::Role::Admin,
        errors,
        min_months: MIN_MONTHS,
        max_months: MAX_MONTHS,
    }
}

/// GET /admin/data-protection.
pub async fn settings_page(State(state): State<AppState>, page: Page) -> Response {
    match api::settings(&state, &page.me).await {
        Ok(current) => render(&settings_view(&page, &current, None, FormErrors::default())),
        Err(e) => errors::page(&page.ctx, e),
    }
}

/// A whole number within `range`, else `None`.
fn number_in(raw: &str, range: std::ops::RangeInclusive<i64>) -> Option<i64> {
    raw.trim().parse::<i64>().ok().filter(|n| range.contains(n))
}

/// POST /admin/data-protection: `retention_<record type>` (months), `referral_reminder_days`,
/// `break_glass_hours`. Every field is checked first; only changed periods are stored.
pub async fn save_settings_form(
    State(state): State<AppState>,
    page: Page,
    ApiForm(form): ApiForm<HashMap<String, String>>,
) -> Response {
    if let Err(e) = page
        .me
        .authorize(&state, Action::Update, Resource::Settings)
        .await
    {
        return errors::page(&page.ctx, e);
    }
    let current = match api::settings(&state, &page.me).await {
        Ok(s) => s,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let ctx = &page.ctx;
    let field = |name: &str| form.get(name).map(|v| v.trim()).unwrap_or("");
    let mut errs = Vec::new();
    let mut input = SettingsIn::default();
    for rule in &current.retention {
        let t = rule.record_type.as_str();
        let name = format!("retention_{t}");
        match parse_months(field(&name)) {
            Ok(m) if m != rule.months => {
                input.retention.insert(t.to_owned(), Value::from(m));
            }
            Ok(_) => {}
            Err(_) => errs.push((name, ctx.t("dp-error-months"))),
        }
    }
    match number_in(field("referral_reminder_days"), 1..=60) {
        Some(d) => input.referral_reminder_days = Some(d),
        None => errs.push(("referral_reminder_days".to_owned(), ctx.t("dp-error-days"))),
    }
    match number_in(field("break_glass_hours"), 1..=168) {
        Some(h) => input.break_glass_hours = Some(h),
        None => errs.push(("break_glass_hours".to_owned(), ctx.t("dp-error-hours"))),
    }
    let errors = if errs.is_empty() {
        match api::save_settings(&state, &page.me, input).await {
            Ok(_) => return Redirect::to("/admin/data-protection?msg=saved").into_response(),
            Err(e) => match form_errors(ctx, e) {
                Ok(errs) => errs,
                Err(e) => return errors::page(ctx, e),
            },
        }
    } else {
        FormErrors(errs)
    };
    render_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &settings_view(&page, &current, Some(&form), errors),
    )
}
