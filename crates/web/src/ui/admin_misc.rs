//! Administration: API tokens, background jobs, the audit log.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use ankommen_db::audit::{self, AuditRow};
use ankommen_db::jobs::{self, Job};
use ankommen_db::tokens::{self, ApiToken};
use ankommen_db::users::{self, User, UserFilter};
use ankommen_domain::policy::{Action, Resource};

use super::{Ctx, FormErrors, Page, errors, form_errors, render, render_status};
use crate::AppState;
use crate::api::path_id;
use crate::api::tokens::IssueToken;
use crate::extract::{ApiForm, ApiQuery};

pub fn ts(t: &time::PrimitiveDateTime) -> String {
    let berlin = berlin_offset(*t);
    let local = t.assume_utc().to_offset(berlin);
    format!(
        "{:02}.{:02}.{} {:02}:{:02}",
        local.day(),
        local.month() as u8,
        local.year(),
        local.hour(),
        local.minute()
    )
}

/// Central European Time with summer time (last Sunday of March to last Sunday of October, 01:00 UTC).
fn berlin_offset(t: time::PrimitiveDateTime) -> time::UtcOffset {
    let last_sunday = |month: time::Month| {
        let mut d = time::Date::from_calendar_date(
            t.year(),
            month,
            time::util::days_in_month(month, t.year()),
        )
        .unwrap_or(t.date());
        while d.weekday() != time::Weekday::Sunday {
            d = d.previous_day().unwrap_or(d);
        }
        time::PrimitiveDateTime::new(
            d,
            time::Time::from_hms(1, 0, 0).unwrap_or(time::Time::MIDNIGHT),
        )
    };
    let summer = t >= last_sunday(time::Month::March) && t < last_sunday(time::Month::October);
    time::UtcOffset::from_hms(if summer { 2 } else { 1 }, 0, 0).unwrap_or(time::UtcOffset::UTC)
}

#[derive(Template)]
#[template(path = "tokens.html")]
pub struct TokensPage<'a> {
    pub ctx: &'a Ctx,
    pub tokens: Vec<ApiToken>,
    pub users: Vec<User>,
    pub new_token: Option<String>,
    pub errors: FormErrors,
}

impl TokensPage<'_> {
    pub fn username(&self, id: &str) -> String {
        self.users
            .iter()
            .find(|u| u.id == id)
            .map(|u| u.username.clone())
            .unwrap_or_else(|| id.to_owned())
    }
}

async fn tokens_page(
    state: &AppState,
    page: &Page,
    new_token: Option<String>,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let tenant = page.me.user.tenant_id.clone();
    match state
        .db(move |c| {
            Ok((
                tokens::list(c, &tenant)?,
                users::list(c, &tenant, &UserFilter::default())?,
            ))
        })
        .await
    {
        Ok((tokens, users)) => render_status(
            status,
            &TokensPage {
                ctx: &page.ctx,
                tokens,
                users,
                new_token,
                errors,
            },
        ),
        Err(e) => errors::page(&page.ctx, e),
    }
}

pub async fn tokens(State(state): State<AppState>, page: Page) -> Response {
    if let Err(e) = page
        .me
        .authorize(&state, Action::Read, Resource::ApiToken)
        .await
    {
        return errors::page(&page.ctx, e);
    }
    tokens_page(&state, &page, None, FormErrors::default(), StatusCode::OK).await
}

#[derive(Debug, Deserialize, Default)]
pub struct TokenForm {
    #[serde(default)]
    user_id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    expires_in_days: String,
}

pub async fn issue_token(
    State(state): State<AppState>,
    page: Page,
    ApiForm(f): ApiForm<TokenForm>,
) -> Response {
    let days = match f.expires_in_days.trim() {
        "" => None,
        d => Some(d.parse::<i64>().unwrap_or(-1)),
    };
    match crate::api::tokens::issue_token(
        &state,
        &page.me,
        IssueToken {
            user_id: f.user_id,
            name: f.name,
            expires_in_days: days,
        },
    )
    .await
    {
        Ok(issued) => {
            tokens_page(
                &state,
                &page,
                Some(issued.token),
                FormErrors::default(),
                StatusCode::CREATED,
            )
            .await
        }
        Err(e) => match form_errors(&page.ctx, e) {
            Ok(errs) => {
                tokens_page(&state, &page, None, errs, StatusCode::UNPROCESSABLE_ENTITY).await
            }
            Err(e) => errors::page(&page.ctx, e),
        },
    }
}

pub async fn revoke_token(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
) -> Response {
    if let Err(e) = page
        .me
        .authorize(&state, Action::Delete, Resource::ApiToken)
        .await
    {
        return errors::page(&page.ctx, e);
    }
    let result = match path_id(&id) {
        Ok(id) => {
            let who = page.me.owned_who();
            state.db(move |c| tokens::revoke(c, who.get(), &id)).await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Redirect::to("/admin/tokens?msg=token-revoked").into_response(),
        Err(e) => errors::page(&page.ctx, e),
    }
}

#[derive(Template)]
#[template(path = "jobs.html")]
pub struct JobsPage<'a> {
    pub ctx: &'a Ctx,
    pub jobs: Vec<Job>,
    pub status: String,
}

impl JobsPage<'_> {
    pub fn job_status_key(&self, status: &str) -> String {
        format!("job-status-{status}")
    }
}

#[derive(Debug, Deserialize, Default)]
pub struct JobQuery {
    #[serde(default)]
    status: String,
}

pub async fn jobs(
    State(state): State<AppState>,
    page: Page,
    ApiQuery(q): ApiQuery<JobQuery>,
) -> Response {
    if let Err(e) = page
        .me
        .authorize(&state, Action::Read, Resource::BackgroundJob)
        .await
    {
        return errors::page(&page.ctx, e);
    }
    let status = [jobs::QUEUED, jobs::RUNNING, jobs::DONE, jobs::FAILED]
        .into_iter()
        .find(|s| *s == q.status);
    let tenant = page.me.user.tenant_id.clone();
    match state.db(move |c| jobs::list(c, &tenant, status, 200)).await {
        Ok(jobs) => render(&JobsPage {
            ctx: &page.ctx,
            jobs,
            status: status.unwrap_or("").to_owned(),
        }),
        Err(e) => errors::page(&page.ctx, e),
    }
}

pub async fn retry_job(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
) -> Response {
    if let Err(e) = page
        .me
        .authorize(&state, Action::Update, Resource::BackgroundJob)
        .await
    {
        return errors::page(&page.ctx, e);
    }
    let result = match path_id(&id) {
        Ok(id) => {
            let who = page.me.owned_who();
            state.db(move |c| jobs::retry(c, who.get(), &id)).await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Redirect::to("/admin/jobs?msg=job-queued").into_response(),
        Err(e) => errors::page(&page.ctx, e),
    }
}

#[derive(Template)]
#[template(path = "audit.html")]
pub struct AuditPage<'a> {
    pub ctx: &'a Ctx,
    pub rows: Vec<AuditRow>,
    pub users: Vec<User>,
    pub next_before: Option<i64>,
}

impl AuditPage<'_> {
    pub fn actor(&self, id: &Option<String>) -> String {
        match id {
            None => self.ctx.t("audit-system"),
            Some(id) => self
                .users
                .iter()
                .find(|u| &u.id == id)
                .map(|u| u.username.clone())
                .unwrap_or_else(|| id.clone()),
        }
    }
}

#[derive(Debug, Deserialize, Default)]
pub struct AuditQuery {
    before: Option<i64>,
}

pub async fn audit(
    State(state): State<AppState>,
    page: Page,
    ApiQuery(q): ApiQuery<AuditQuery>,
) -> Response {
    if let Err(e) = page
        .me
        .authorize(&state, Action::Read, Resource::AuditLog)
        .await
    {
        return errors::page(&page.ctx, e);
    }
    let tenant = page.me.user.tenant_id.clone();
    let filter = UserFilter {
        include_disabled: true,
        ..Default::default()
    };
    match state
        .db(move |c| {
            Ok((
                audit::recent(c, &tenant, 100, q.before, None)?,
                users::list(c, &tenant, &filter)?,
            ))
        })
        .await
    {
        Ok((rows, users)) => {
            let next_before = if rows.len() == 100 {
                rows.last().map(|r| r.seq)
            } else {
                None
            };
            render(&AuditPage {
                ctx: &page.ctx,
                rows,
                users,
                next_before,
            })
        }
        Err(e) => errors::page(&page.ctx, e),
    }
}
