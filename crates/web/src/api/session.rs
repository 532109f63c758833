//! `POST /api/v1/session` logs in, `DELETE` logs out, `GET` tells who is logged in.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::api::users::UserOut;
use crate::auth::{self, CurrentUser, LoginError};
use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct LoginResponse {
    /// Session token: send as `Authorization: Bearer <token>`; also set as a cookie.
    pub token: String,
    pub user: UserOut,
}

pub fn login_error(e: LoginError) -> AppError {
    match e {
        LoginError::Invalid => AppError::Unauthorized("wrong user name or password".into()),
        LoginError::Disabled => {
            AppError::forbidden("this account is disabled; ask your administrator")
        }
        LoginError::Locked(wait) => AppError::TooManyRequests {
            retry_after: wait,
            detail: format!(
                "too many failed logins for this user: try again in {} minutes, or ask an administrator to reset the password",
                (wait + 59) / 60
            ),
        },
        LoginError::Failed(e) => e,
    }
}

/// Log in with user name and password.
#[utoipa::path(post, path = "/api/v1/session", tag = "session", request_body = LoginRequest,
    responses((status = 200, body = LoginResponse), (status = 401, body = crate::error::Problem),
              (status = 422, body = crate::error::Problem), (status = 429, body = crate::error::Problem)))]
pub async fn login(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(req): ApiJson<LoginRequest>,
) -> AppResult<Response> {
    if req.username.len() > 256 || req.password.len() > 1024 {
        return Err(AppError::Unauthorized("wrong user name or password".into()));
    }
    let rid = headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let (user, token) = auth::login(&state, &req.username, &req.password, rid)
        .await
        .map_err(login_error)?;
    let cookie = auth::session_cookie(&state, Some(&token));
    let body = LoginResponse {
        token,
        user: UserOut::from(user),
    };
    Ok(([(header::SET_COOKIE, cookie)], Json(body)).into_response())
}

/// Log out: ends the session of the cookie or bearer session token.
#[utoipa::path(delete, path = "/api/v1/session", tag = "session",
    responses((status = 204), (status = 401, body = crate::error::Problem)), security(("bearer" = []), ("cookie" = [])))]
pub async fn logout(State(state): State<AppState>, user: CurrentUser) -> AppResult<Response> {
    auth::logout(&state, &user).await?;
    Ok((
        StatusCode::NO_CONTENT,
        [(header::SET_COOKIE, auth::session_cookie(&state, None))],
    )
        .into_response())
}

/// The logged-in user.
#[utoipa::path(get, path = "/api/v1/session", tag = "session",
    responses((status = 200, body = UserOut), (status = 401, body = crate::error::Problem)), security(("bearer" = []), ("cookie" = [])))]
pub async fn me(user: CurrentUser) -> Json<UserOut> {
    Json(UserOut::from(user.user))
}
