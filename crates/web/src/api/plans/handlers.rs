//! The plan's HTTP handlers (JSON); the logic they share with the UI is in the parent.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;

use super::out::{FollowUpOut, GoalOut, PlanOut, StepOut};
use super::{FollowUpIn, GoalIn, StepIn, load_plan, save_follow_up, save_goal, save_step};
use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::AppResult;
use crate::extract::ApiJson;

/// A person's integration plan: goals, steps, follow-ups (responsible counsellor and team
/// leads; data class `notes`).
#[utoipa::path(get, path = "/api/v1/persons/{id}/plan", tag = "plans",
    responses((status = 200, body = PlanOut), (status = 403, body = crate::error::Problem), (status = 404, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn get(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<PlanOut>> {
    let (_, plan) = load_plan(&state, &me, &id).await?;
    Ok(Json(PlanOut::from(&plan)))
}

/// Add a goal in an action field.
#[utoipa::path(post, path = "/api/v1/persons/{id}/plan/goals", tag = "plans", request_body = GoalIn,
    responses((status = 201, body = GoalOut), (status = 403, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn create_goal(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<GoalIn>,
) -> AppResult<(StatusCode, Json<GoalOut>)> {
    let row = save_goal(&state, &me, &id, None, body).await?;
    Ok((StatusCode::CREATED, Json(GoalOut::from(&row))))
}

/// Change a goal (carry `version`); `dropped` needs a reason, leaving a final status `reopen`.
#[utoipa::path(put, path = "/api/v1/persons/{id}/plan/goals/{goal_id}", tag = "plans", request_body = GoalIn,
    responses((status = 200, body = GoalOut), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn update_goal(
    State(state): State<AppState>,
    me: CurrentUser,
    Path((id, goal_id)): Path<(String, String)>,
    ApiJson(body): ApiJson<GoalIn>,
) -> AppResult<Json<GoalOut>> {
    let row = save_goal(&state, &me, &id, Some(&goal_id), body).await?;
    Ok(Json(GoalOut::from(&row)))
}

/// Add a step to a goal.
#[utoipa::path(post, path = "/api/v1/persons/{id}/plan/steps", tag = "plans", request_body = StepIn,
    responses((status = 201, body = StepOut), (status = 403, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn create_step(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<StepIn>,
) -> AppResult<(StatusCode, Json<StepOut>)> {
    let row = save_step(&state, &me, &id, None, body).await?;
    Ok((StatusCode::CREATED, Json(StepOut::from(&row))))
}

/// Change a step (carry `version`), e.g. its status.
#[utoipa::path(put, path = "/api/v1/persons/{id}/plan/steps/{step_id}", tag = "plans", request_body = StepIn,
    responses((status = 200, body = StepOut), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn update_step(
    State(state): State<AppState>,
    me: CurrentUser,
    Path((id, step_id)): Path<(String, String)>,
    ApiJson(body): ApiJson<StepIn>,
) -> AppResult<Json<StepOut>> {
    let row = save_step(&state, &me, &id, Some(&step_id), body).await?;
    Ok(Json(StepOut::from(&row)))
}

/// Add a follow-up; it lands on the responsible counsellor's dashboard.
#[utoipa::path(post, path = "/api/v1/persons/{id}/plan/follow-ups", tag = "plans", request_body = FollowUpIn,
    responses((status = 201, body = FollowUpOut), (status = 403, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn create_follow_up(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<FollowUpIn>,
) -> AppResult<(StatusCode, Json<FollowUpOut>)> {
    let row = save_follow_up(&state, &me, &id, None, body).await?;
    Ok((StatusCode::CREATED, Json(FollowUpOut::from(&row))))
}

/// Change a follow-up (carry `version`), e.g. mark it done.
#[utoipa::path(put, path = "/api/v1/persons/{id}/plan/follow-ups/{follow_up_id}", tag = "plans", request_body = FollowUpIn,
    responses((status = 200, body = FollowUpOut), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn update_follow_up(
    State(state): State<AppState>,
    me: CurrentUser,
    Path((id, follow_up_id)): Path<(String, String)>,
    ApiJson(body): ApiJson<FollowUpIn>,
) -> AppResult<Json<FollowUpOut>> {
    let row = save_follow_up(&state, &me, &id, Some(&follow_up_id), body).await?;
    Ok(Json(FollowUpOut::from(&row)))
}
