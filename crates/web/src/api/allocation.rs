//! Allocation runs over HTTP: a team lead starts a run for a start-date window, reviews the
//! proposal (placements per course with each person's reasons, who is left out and why),
//! pins or excludes people and re-runs, then confirms (books every seat or none) or
//! discards. Counsellors may look at runs; only team leads change them.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use ankommen_db::allocation::{
    self as repo, Booking, Clash, Computed, Confirmed, PlacementRow, RunRow,
};
use ankommen_domain::Role;
use ankommen_domain::validate::FieldError;

use crate::AppState;
use crate::allocation::{Pair, Proposal, propose};
use crate::api::courses::may_allocate_read;
use crate::api::path_id;
use crate::auth::CurrentUser;
use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;

fn today() -> time::Date {
    ankommen_db::now().date()
}

/// How far ahead a run may look.
const MAX_WINDOW_DAYS: i64 = 366;

fn team_lead(me: &CurrentUser) -> AppResult<()> {
    if me.user.role == Role::TeamLead {
        Ok(())
    } else {
        Err(AppError::forbidden(
            "allocation runs are started and confirmed by team leads",
        ))
    }
}

/// A run with its proposal.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RunOut {
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub run: RunRow,
    #[schema(value_type = Vec<Vec<String>>)]
    pub pinned: Vec<Pair>,
    #[schema(value_type = Vec<Vec<String>>)]
    pub excluded: Vec<Pair>,
    #[schema(value_type = Object)]
    pub proposal: Proposal,
}

impl RunOut {
    pub fn from_row(run: RunRow) -> AppResult<Self> {
        let proposal = serde_json::from_str(&run.proposal)
            .map_err(|e| AppError::Internal(format!("stored proposal unreadable: {e}")))?;
        let pinned = serde_json::from_str(&run.pinned).unwrap_or_default();
        let excluded = serde_json::from_str(&run.excluded).unwrap_or_default();
        Ok(Self {
            run,
            pinned,
            excluded,
            proposal,
        })
    }
}

#[derive(Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StartRun {
    /// First course start date the run considers (ISO or dd.mm.yyyy).
    pub window_from: String,
    /// Last course start date.
    pub window_to: String,
    /// `[need_id, course_id]` pairs to keep fixed.
    #[serde(default)]
    #[schema(value_type = Vec<Vec<String>>)]
    pub pinned: Vec<Pair>,
    /// `[need_id, course_id]` pairs not to use.
    #[serde(default)]
    #[schema(value_type = Vec<Vec<String>>)]
    pub excluded: Vec<Pair>,
}

fn window(from: &str, to: &str) -> AppResult<(time::Date, time::Date)> {
    let mut errs = Vec::new();
    let a = ankommen_domain::plan::parse_date("window_from", from.trim())
        .map_err(|e| errs.push(e))
        .ok();
    let b = ankommen_domain::plan::parse_date("window_to", to.trim())
        .map_err(|e| errs.push(e))
        .ok();
    if let (Some(a), Some(b)) = (a, b) {
        if b < a {
            errs.push(FieldError::new(
                "window_to",
                "ends_before_start",
                "the window cannot end before it starts",
            ));
        } else if (b - a).whole_days() > MAX_WINDOW_DAYS {
            errs.push(
                FieldError::new(
                    "window_to",
                    "window_too_long",
                    "a run looks at most a year ahead",
                )
                .with_limit(MAX_WINDOW_DAYS as usize),
            );
        } else {
            return Ok((a, b));
        }
    }
    Err(AppError::Validation(errs))
}

async fn compute(
    state: &AppState,
    me: &CurrentUser,
    win: (time::Date, time::Date),
    pinned: Vec<Pair>,
    excluded: Vec<Pair>,
) -> AppResult<(Proposal, String, String, String)> {
    let tenant = me.user.tenant_id.clone();
    let (from, to) = (win.0.to_string(), win.1.to_string());
    let (courses, waiting) = state
        .db(move |c| {
            let courses = ankommen_db::courses::list(
                c,
                &tenant,
                &ankommen_db::courses::Filter {
                    starts_from: Some(from),
                    starts_until: Some(to),
                    ..Default::default()
                },
            )?;
            let waiting = ankommen_db::needs::waiting(c, &tenant)?;
            Ok((courses, waiting))
        })
        .await?;
    let courses: Vec<_> = courses.into_iter().map(|l| l.course).collect();
    let (p2, e2) = (pinned.clone(), excluded.clone());
    let proposal =
        tokio::task::spawn_blocking(move || propose(win, today(), &courses, &waiting, &p2, &e2))
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?
            .map_err(|e| {
                AppError::Validation(vec![FieldError::new("pinned", "allocation", e.to_string())])
            })?;
    let text =
        |v: &Vec<Pair>| serde_json::to_string(v).map_err(|e| AppError::Internal(e.to_string()));
    Ok((
        proposal.clone(),
        text(&pinned)?,
        text(&excluded)?,
        serde_json::to_string(&proposal).map_err(|e| AppError::Internal(e.to_string()))?,
    ))
}

fn computed<'a>(
    p: &'a Proposal,
    pinned: &'a str,
    excluded: &'a str,
    proposal: &'a str,
) -> Computed<'a> {
    Computed {
        pinned,
        excluded,
        proposal,
        placed: i32::try_from(p.placed).unwrap_or(i32::MAX),
        waiting: i32::try_from(p.people.len()).unwrap_or(i32::MAX),
        duration_ms: i32::try_from(p.duration_ms).unwrap_or(i32::MAX),
    }
}

/// Shared by API and UI.
pub async fn start_run(state: &AppState, me: &CurrentUser, body: StartRun) -> AppResult<RunOut> {
    team_lead(me)?;
    let win = window(&body.window_from, &body.window_to)?;
    let (proposal, pinned, excluded, json) =
        compute(state, me, win, body.pinned, body.excluded).await?;
    let who = me.owned_who();
    let row = state
        .db(move |c| {
            repo::create(
                c,
                who.get(),
                (&win.0.to_string(), &win.1.to_string()),
                &computed(&proposal, &pinned, &excluded, &json),
            )
        })
        .await?;
    RunOut::from_row(row)
}

/// Shared by API and UI.
pub async fn load_run(state: &AppState, me: &CurrentUser, id: &str) -> AppResult<RunOut> {
    may_allocate_read(me)?;
    let id = path_id(id)?;
    let tenant = me.user.tenant_id.clone();
    let row = state.db(move |c| repo::get(c, &tenant, &id)).await?;
    RunOut::from_row(row)
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Rerun {
    pub version: i32,
    #[serde(default)]
    #[schema(value_type = Vec<Vec<String>>)]
    pub pinned: Vec<Pair>,
    #[serde(default)]
    #[schema(value_type = Vec<Vec<String>>)]
    pub excluded: Vec<Pair>,
}

/// Shared by API and UI.
pub async fn rerun_run(
    state: &AppState,
    me: &CurrentUser,
    id: &str,
    body: Rerun,
) -> AppResult<RunOut> {
    team_lead(me)?;
    let before = load_run(state, me, id).await?;
    if before.run.status != repo::PROPOSED {
        return Err(AppError::Conflict(format!(
            "the run is {} and can no longer be changed",
            before.run.status
        )));
    }
    let win = window(&before.run.window_from, &before.run.window_to)?;
    let (proposal, pinned, excluded, json) =
        compute(state, me, win, body.pinned, body.excluded).await?;
    let who = me.owned_who();
    let rid = before.run.id.clone();
    let row = state
        .db(move |c| {
            repo::rerun(
                c,
                who.get(),
                &rid,
                body.version,
                &computed(&proposal, &pinned, &excluded, &json),
            )
        })
        .await?;
    RunOut::from_row(row)
}

/// What a confirmation answers.
pub enum ConfirmOutcome {
    Booked(Box<RunOut>, Vec<PlacementRow>),
    Clashes(Vec<Clash>),
}

/// Shared by API and UI.
pub async fn confirm_run(
    state: &AppState,
    me: &CurrentUser,
    id: &str,
    version: i32,
) -> AppResult<ConfirmOutcome> {
    team_lead(me)?;
    let run = load_run(state, me, id).await?;
    let bookings: Vec<Booking> = run
        .proposal
        .people
        .iter()
        .filter_map(|p| {
            Some(Booking {
                need_id: p.need_id.clone(),
                course_id: p.course_id.clone()?,
            })
        })
        .collect();
    let who = me.owned_who();
    let rid = run.run.id.clone();
    let result = state
        .db(move |c| repo::confirm(c, who.get(), &rid, version, &bookings))
        .await?;
    Ok(match result {
        Confirmed::Booked { run, placements } => {
            crate::jobs::notify_providers(state, me, &run.id).await?;
            ConfirmOutcome::Booked(Box::new(RunOut::from_row(*run)?), placements)
        }
        Confirmed::Clashes(c) => ConfirmOutcome::Clashes(c),
    })
}

/// Shared by API and UI.
pub async fn discard_run(
    state: &AppState,
    me: &CurrentUser,
    id: &str,
    version: i32,
) -> AppResult<RunOut> {
    team_lead(me)?;
    let id = path_id(id)?;
    let who = me.owned_who();
    let row = state
        .db(move |c| repo::discard(c, who.get(), &id, version))
        .await?;
    RunOut::from_row(row)
}

/// Start a run: proposal for the waiting list and the courses starting in the window.
#[utoipa::path(post, path = "/api/v1/allocation-runs", tag = "allocation", request_body = StartRun,
    responses((status = 201, body = RunOut), (status = 403, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn create(
    State(state): State<AppState>,
    me: CurrentUser,
    ApiJson(body): ApiJson<StartRun>,
) -> AppResult<(StatusCode, Json<RunOut>)> {
    Ok((
        StatusCode::CREATED,
        Json(start_run(&state, &me, body).await?),
    ))
}

/// Runs, newest first (without their proposals).
#[utoipa::path(get, path = "/api/v1/allocation-runs", tag = "allocation",
    responses((status = 200, body = [Object])), security(("bearer" = []), ("cookie" = [])))]
pub async fn list(State(state): State<AppState>, me: CurrentUser) -> AppResult<Json<Vec<RunRow>>> {
    may_allocate_read(&me)?;
    let tenant = me.user.tenant_id.clone();
    Ok(Json(state.db(move |c| repo::list(c, &tenant, 100)).await?))
}

#[utoipa::path(get, path = "/api/v1/allocation-runs/{id}", tag = "allocation",
    responses((status = 200, body = RunOut), (status = 404, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn get(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<RunOut>> {
    Ok(Json(load_run(&state, &me, &id).await?))
}

/// Re-run a proposed run with new pins and exclusions.
#[utoipa::path(post, path = "/api/v1/allocation-runs/{id}/rerun", tag = "allocation", request_body = Rerun,
    responses((status = 200, body = RunOut), (status = 409, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn rerun(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<Rerun>,
) -> AppResult<Json<RunOut>> {
    Ok(Json(rerun_run(&state, &me, &id, body).await?))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VersionOnly {
    pub version: i32,
}

/// The answer to a confirmation.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ConfirmedOut {
    #[serde(flatten)]
    pub run: RunOut,
    #[schema(value_type = [Object])]
    pub placements: Vec<PlacementRow>,
}

/// Confirm: books every proposed seat or none. If seats or needs changed meanwhile, 409
/// with `clashes` (which courses are full, which people are no longer waiting); re-run then.
#[utoipa::path(post, path = "/api/v1/allocation-runs/{id}/confirm", tag = "allocation", request_body = VersionOnly,
    responses((status = 200, body = ConfirmedOut), (status = 409, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn confirm(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<VersionOnly>,
) -> AppResult<Response> {
    match confirm_run(&state, &me, &id, body.version).await? {
        ConfirmOutcome::Booked(run, placements) => Ok(Json(ConfirmedOut {
            run: *run,
            placements,
        })
        .into_response()),
        ConfirmOutcome::Clashes(clashes) => {
            let body = serde_json::json!({
                "type": "https://ankommen.example/problems/conflict",
                "title": "Conflict",
                "status": 409,
                "detail": format!(
                    "{} placement(s) no longer fit: seats were taken or people placed meanwhile; nothing was booked. Re-run the proposal.",
                    clashes.len()
                ),
                "clashes": clashes,
            });
            let mut res = (StatusCode::CONFLICT, Json(body)).into_response();
            res.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/problem+json"),
            );
            Ok(res)
        }
    }
}

/// Discard a proposed run.
#[utoipa::path(post, path = "/api/v1/allocation-runs/{id}/discard", tag = "allocation", request_body = VersionOnly,
    responses((status = 200, body = RunOut), (status = 409, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn discard(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<VersionOnly>,
) -> AppResult<Json<RunOut>> {
    Ok(Json(discard_run(&state, &me, &id, body.version).await?))
}
