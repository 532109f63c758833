//! Data protection pages (issue 7, docs/data-protection.md): the team leads' review of
//! break-the-glass accesses, the form a counsellor sees before opening a record outside the
//! own caseload, erasure on request (Art. 17) and the retention settings (the data export is
//! in `ui::export`). The work is done by
//! `api::privacy`; these handlers only render and translate.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use serde_json::Value;

use ankommen_db::break_glass::Listed;
use ankommen_domain::policy::{Action, Resource};
use ankommen_domain::retention::{MAX_MONTHS, MIN_MONTHS, parse_months};

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
