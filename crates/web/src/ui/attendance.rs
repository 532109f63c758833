//! Attendance pages: the course's grid (participants × course days) with a form to record one
//! day and a CSV upload (pasted; checked as a whole, errors with line numbers); the user's
//! notifications; the placement officers' and immigration office's client report.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use ankommen_db::notifications::NotificationRow;
use ankommen_domain::attendance::{DayInput, InputProblem};

use super::courses::german_date;
use super::{Ctx, Page, errors, render, render_status};
use crate::AppState;
use crate::api::attendance::{self as api, ClientsReport, Grid};
use crate::api::path_id;
use crate::extract::ApiForm;

const STATUSES: [&str; 3] = ["present", "excused", "unexcused"];
/// Course days shown as columns of the grid.
const GRID_DAYS: usize = 10;

#[derive(Template)]
#[template(path = "attendance.html")]
pub struct GridView<'a> {
    pub ctx: &'a Ctx,
    pub grid: Grid,
    pub title: String,
    pub can_record: bool,
    /// The day the form records (default: today, or the last course day).
    pub day: String,
    pub csv: String,
    pub problems: Vec<InputProblem>,
}

impl GridView<'_> {
    pub fn date(&self, iso: &str) -> String {
        german_date(iso)
    }
    pub fn short(&self, iso: &str) -> String {
        let d = german_date(iso);
        d.get(..6).unwrap_or(&d).to_owned()
    }
    pub fn statuses(&self) -> [&'static str; 3] {
        STATUSES
    }
    /// The mark in a cell: ✓ present, E excused, ✗ unexcused (with the status as title).
    pub fn mark(&self, status: &str) -> &'static str {
        match status {
            "present" => "✓",
            "excused" => "E",
            "unexcused" => "✗",
            _ => "",
        }
    }
    /// Whether the radio for `status` is checked: the recorded status, else present.
    pub fn checked(&self, placement: &str, status: &str) -> bool {
        let cur = self.current(placement);
        cur == status || (cur.is_empty() && status == "present")
    }
    /// The status recorded for a participant on the form's day.
    pub fn current(&self, placement: &str) -> String {
        self.grid
            .participants
            .iter()
            .find(|p| p.placement_id == placement)
            .and_then(|p| p.days.get(&self.day))
            .map(|c| c.status.clone())
            .unwrap_or_default()
    }
    pub fn percent(&self, p: &Option<u32>) -> String {
        p.map(|v| format!("{v} %")).unwrap_or_else(|| "–".into())
    }
    /// The grid's columns: the last `GRID_DAYS` course days (the rate counts all).
    pub fn shown_days(&self) -> &[String] {
        let n = self.grid.days.len();
        &self.grid.days[n.saturating_sub(GRID_DAYS)..]
    }
    pub fn hidden_days(&self) -> usize {
        self.grid.days.len().saturating_sub(GRID_DAYS)
    }
    /// A problem in the user's language: "Zeile 3: …", the rule's message where translated.
    pub fn problem(&self, p: &InputProblem) -> String {
        let field = match p.field.strip_prefix("line ") {
            Some(rest) => match rest.split_once(':') {
                Some((n, f)) => format!("{} {n}:{f}", self.ctx.t("attendance-line")),
                None => format!("{} {rest}", self.ctx.t("attendance-line")),
            },
            None => p.field.clone(),
        };
        let key = format!("field-error-{}", p.code);
        if !self.ctx.lang.has(&key) {
            return format!("{field}: {}", p.message);
        }
        // CSV messages start with their column ("day: …"); keep it, translate the rest.
        let column = p.message.split_once(": ").map(|(c, _)| c).filter(|c| {
            [
                "case_number",
                "day",
                "status",
                "late_minutes",
                "left_early_minutes",
                "note",
            ]
            .contains(c)
        });
        // The offending value, quoted in the rule's message ('31.02.2026').
        let value = p
            .message
            .split('\'')
            .nth(1)
            .filter(|v| !v.is_empty())
            .map(|v| format!(" („{v}“)"))
            .unwrap_or_default();
        match column {
            Some(c) => format!("{field} ({c}): {}{value}", self.ctx.t(&key)),
            None => format!("{field}: {}{value}", self.ctx.t(&key)),
        }
    }
    pub fn result_kinds(&self) -> [&'static str; 4] {
        ["placement_test", "dtz", "lid", "drop_out"]
    }
}

async fn grid_page(
    state: &AppState,
    page: &Page,
    id: &str,
    day: Option<String>,
    csv: String,
    problems: Vec<InputProblem>,
    status: StatusCode,
) -> Response {
    let grid = match api::load_grid(state, &page.me, id).await {
        Ok(g) => g,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let course = match crate::api::courses::get_course(state, &page.me, id).await {
        Ok(c) => c,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let can_record = ankommen_domain::policy::can(
        &page.me.actor(),
        ankommen_domain::policy::Action::Update,
        &ankommen_domain::policy::Resource::Course {
            provider_org: &course.provider_org_id,
        },
    )
    .is_allowed()
        && matches!(
            page.me.user.role,
            ankommen_domain::Role::Provider | ankommen_domain::Role::TeamLead
        );
    let today = ankommen_db::now().date().to_string();
    let day = day.unwrap_or_else(|| {
        grid.days
            .iter()
            .rev()
            .find(|d| d.as_str() <= today.as_str())
            .cloned()
            .unwrap_or(today)
    });
    let title = course
        .title
        .clone()
        .unwrap_or_else(|| super::courses::type_label(&page.ctx, &course.course_type));
    render_status(
        status,
        &GridView {
            ctx: &page.ctx,
            grid,
            title,
            can_record,
            day,
            csv,
            problems,
        },
    )
}

pub async fn grid(State(state): State<AppState>, page: Page, Path(id): Path<String>) -> Response {
    let day = None;
    grid_page(
        &state,
        &page,
        &id,
        day,
        String::new(),
        vec![],
        StatusCode::OK,
    )
    .await
}

/// The day form: `day`, and per participant `status_<placement_id>`, `late_<id>`, `early_<id>`.
pub async fn record_day(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    ApiForm(form): ApiForm<HashMap<String, String>>,
) -> Response {
    let day = form.get("day").cloned().unwrap_or_default();
    let minutes = |k: String| -> Option<i64> {
        form.get(&k)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
            .and_then(|v| v.parse().ok())
    };
    let mut entries: Vec<DayInput> = form
        .iter()
        .filter_map(|(k, v)| {
            let pid = k.strip_prefix("status_")?;
            (!v.is_empty()).then(|| DayInput {
                placement_id: pid.to_owned(),
                status: v.clone(),
                late_minutes: minutes(format!("late_{pid}")),
                left_early_minutes: minutes(format!("early_{pid}")),
                note: None,
                version: None,
            })
        })
        .collect();
    entries.sort_by(|a, b| a.placement_id.cmp(&b.placement_id));
    match api::record_day(&state, &page.me, &id, &day, entries).await {
        Ok(Ok(w)) => Redirect::to(&format!(
            "/courses/{id}/attendance?msg={}",
            if w.notifications > 0 {
                "attendance-saved-alert"
            } else {
                "attendance-saved"
            }
        ))
        .into_response(),
        Ok(Err(problems)) => {
            grid_page(
                &state,
                &page,
                &id,
                Some(day),
                String::new(),
                problems,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => errors::page(&page.ctx, e),
    }
}

pub async fn upload_csv(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    ApiForm(form): ApiForm<HashMap<String, String>>,
) -> Response {
    let csv = form.get("csv").cloned().unwrap_or_default();
    match api::import_csv(&state, &page.me, &id, &csv).await {
        Ok(Ok(w)) => Redirect::to(&format!(
            "/courses/{id}/attendance?msg={}",
            if w.notifications > 0 {
                "attendance-saved-alert"
            } else {
                "attendance-saved"
            }
        ))
        .into_response(),
        Ok(Err(problems)) => {
            grid_page(
                &state,
                &page,
                &id,
                None,
                csv,
                problems,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => errors::page(&page.ctx, e),
    }
}

/// The result form: `placement_id`, `kind`, `value`, `on_date`, `reason`.
pub async fn add_result(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    ApiForm(form): ApiForm<HashMap<String, String>>,
) -> Response {
    let f = |k: &str| {
        form.get(k)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let input = ankommen_domain::attendance::ResultInput {
        kind: f("kind").unwrap_or_default(),
        value: f("value"),
        on_date: f("on_date"),
        reason: f("reason"),
        note: None,
    };
    let placement = f("placement_id").unwrap_or_default();
    match api::add_result(&state, &page.me, &placement, &input).await {
        Ok(_) => {
            Redirect::to(&format!("/courses/{id}/attendance?msg=result-saved")).into_response()
        }
        Err(crate::error::AppError::Validation(errs)) => {
            let problems = errs.into_iter().map(InputProblem::from).collect();
            grid_page(
                &state,
                &page,
                &id,
                None,
                String::new(),
                problems,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => errors::page(&page.ctx, e),
    }
}

#[derive(Template)]
#[template(path = "notifications.html")]
pub struct NotificationsView<'a> {
    pub ctx: &'a Ctx,
    pub items: Vec<NotificationRow>,
    pub unread: i64,
}

impl NotificationsView<'_> {
    pub fn ts(&self, t: &time::PrimitiveDateTime) -> String {
        self.ctx.ts(t)
    }
}

pub async fn notifications(State(state): State<AppState>, page: Page) -> Response {
    match api::load_notifications(&state, &page.me, false, 200).await {
        Ok(n) => render(&NotificationsView {
            ctx: &page.ctx,
            items: n.items,
            unread: n.unread,
        }),
        Err(e) => errors::page(&page.ctx, e),
    }
}

pub async fn mark_read(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
) -> Response {
    let id = match path_id(&id) {
        Ok(id) => id,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let who = page.me.owned_who();
    match state
        .db(move |c| ankommen_db::notifications::mark_read(c, who.get(), &id))
        .await
    {
        Ok(_) => Redirect::to("/notifications").into_response(),
        Err(e) => errors::page(&page.ctx, e),
    }
}

#[derive(Template)]
#[template(path = "clients.html")]
pub struct ClientsView<'a> {
    pub ctx: &'a Ctx,
    pub report: ClientsReport,
}

impl ClientsView<'_> {
    pub fn date(&self, iso: &str) -> String {
        german_date(iso)
    }
    pub fn percent(&self, p: &Option<u32>) -> String {
        p.map(|v| format!("{v} %")).unwrap_or_else(|| "–".into())
    }
    pub fn breached(&self, c: &crate::api::attendance::ClientOut) -> bool {
        c.breaches.as_ref().is_some_and(|b| !b.is_empty())
    }
}

pub async fn clients(State(state): State<AppState>, page: Page) -> Response {
    match api::load_clients(&state, &page.me).await {
        Ok(report) => render(&ClientsView {
            ctx: &page.ctx,
            report,
        }),
        Err(e) => errors::page(&page.ctx, e),
    }
}
