//! Background jobs: administrators see failures and may retry them.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Deserialize;

use ankommen_db::jobs::{self, Job};
use ankommen_domain::policy::{Action, Resource};
use ankommen_domain::validate::FieldError;

use crate::AppState;
use crate::api::path_id;
use crate::auth::CurrentUser;
use crate::error::{AppError, AppResult};
use crate::extract::ApiQuery;

#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct JobOut {
    pub id: String,
    pub kind: String,
    pub status: String,
    pub attempts: i32,
    pub max_attempts: i32,
    pub run_at: String,
    pub last_error: Option<String>,
    pub created_at: String,
}

impl From<Job> for JobOut {
    fn from(j: Job) -> Self {
        let f = ankommen_db::dialect::format_ts;
        Self {
            id: j.id,
            kind: j.kind,
            status: j.status,
            attempts: j.attempts,
            max_attempts: j.max_attempts,
            run_at: f(j.run_at),
            last_error: j.last_error,
            created_at: f(j.created_at),
        }
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct JobParams {
    /// queued, running, done or failed
    pub status: Option<String>,
}

/// List background jobs, newest first.
#[utoipa::path(get, path = "/api/v1/jobs", tag = "admin", params(JobParams), responses((status = 200, body = [JobOut])), security(("bearer" = []), ("cookie" = [])))]
pub async fn list(
    State(state): State<AppState>,
    me: CurrentUser,
    ApiQuery(p): ApiQuery<JobParams>,
) -> AppResult<Json<Vec<JobOut>>> {
    me.authorize(&state, Action::Read, Resource::BackgroundJob)
        .await?;
    let status = p.status.filter(|s| !s.is_empty());
    if let Some(s) = &status
        && ![jobs::QUEUED, jobs::RUNNING, jobs::DONE, jobs::FAILED].contains(&s.as_str())
    {
        return Err(AppError::invalid(FieldError::new(
            "status",
            "unknown_value",
            "must be queued, running, done or failed",
        )));
    }
    let tenant = me.user.tenant_id.clone();
    let rows = state
        .db(move |c| jobs::list(c, &tenant, status.as_deref(), 200))
        .await?;
    Ok(Json(rows.into_iter().map(JobOut::from).collect()))
}

/// Queue a failed job again.
#[utoipa::path(post, path = "/api/v1/jobs/{id}/retry", tag = "admin", responses((status = 204), (status = 404, body = crate::error::Problem)), security(("bearer" = []), ("cookie" = [])))]
pub async fn retry(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    me.authorize(&state, Action::Update, Resource::BackgroundJob)
        .await?;
    let id = path_id(&id)?;
    let who = me.owned_who();
    state.db(move |c| jobs::retry(c, who.get(), &id)).await?;
    Ok(StatusCode::NO_CONTENT)
}
