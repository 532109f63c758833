//! Bearer API tokens, issued and revoked by administrators. A token is shown once.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use ankommen_db::tokens::{self, ApiToken};
use ankommen_domain::policy::{Action, Resource};
use ankommen_domain::validate::{FieldError, required_text};

use crate::AppState;
use crate::api::path_id;
use crate::auth::{self, CurrentUser};
use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct TokenOut {
    pub id: String,
    pub user_id: String,
    pub name: String,
    pub expires_at: Option<String>,
    pub revoked_at: Option<String>,
    pub last_used_at: Option<String>,
    pub created_at: String,
}

impl From<ApiToken> for TokenOut {
    fn from(t: ApiToken) -> Self {
        let f = ankommen_db::dialect::format_ts;
        Self {
            id: t.id,
            user_id: t.user_id,
            name: t.name,
            expires_at: t.expires_at.map(f),
            revoked_at: t.revoked_at.map(f),
            last_used_at: t.last_used_at.map(f),
            created_at: f(t.created_at),
        }
    }
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct IssueToken {
    /// The user the token acts as.
    pub user_id: String,
    /// What the token is for, e.g. "Schnittstelle Kursträger".
    pub name: String,
    /// Days until the token expires (1–730); none for no expiry.
    pub expires_in_days: Option<i64>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct IssuedToken {
    #[serde(flatten)]
    pub info: TokenOut,
    /// The secret; shown only now.
    pub token: String,
}

/// List API tokens.
#[utoipa::path(get, path = "/api/v1/api-tokens", tag = "admin", responses((status = 200, body = [TokenOut])), security(("bearer" = []), ("cookie" = [])))]
pub async fn list(
    State(state): State<AppState>,
    me: CurrentUser,
) -> AppResult<Json<Vec<TokenOut>>> {
    me.authorize(&state, Action::Read, Resource::ApiToken)
        .await?;
    let tenant = me.user.tenant_id.clone();
    Ok(Json(
        state
            .db(move |c| tokens::list(c, &tenant))
            .await?
            .into_iter()
            .map(TokenOut::from)
            .collect(),
    ))
}

/// Shared by API and UI: validates and issues a token; returns it with its secret.
pub async fn issue_token(
    state: &AppState,
    me: &CurrentUser,
    req: IssueToken,
) -> AppResult<IssuedToken> {
    me.authorize(state, Action::Create, Resource::ApiToken)
        .await?;
    let name = required_text("name", &req.name, 100)?;
    let user_id = ankommen_domain::ids::UserId::parse(req.user_id.trim())
        .map_err(|e| AppError::invalid(FieldError::new("user_id", "invalid_id", e.to_string())))?
        .into_string();
    let expires_at = match req.expires_in_days {
        None => None,
        Some(d) if (1..=730).contains(&d) => Some(ankommen_db::now() + time::Duration::days(d)),
        Some(_) => {
            return Err(AppError::invalid(FieldError::new(
                "expires_in_days",
                "out_of_range",
                "must be between 1 and 730",
            )));
        }
    };
    let (token, hash) = auth::new_token();
    let who = me.owned_who();
    let issued = state
        .db(move |c| tokens::issue(c, who.get(), &user_id, &name, &hash, expires_at))
        .await
        .map_err(|e| match e {
            AppError::NotFound => {
                AppError::invalid(FieldError::new("user_id", "no_such_user", "no such user"))
            }
            other => other,
        })?;
    Ok(IssuedToken {
        info: TokenOut::from(issued),
        token,
    })
}

/// Issue an API token for a user.
#[utoipa::path(post, path = "/api/v1/api-tokens", tag = "admin", request_body = IssueToken,
    responses((status = 201, body = IssuedToken), (status = 422, body = crate::error::Problem)), security(("bearer" = []), ("cookie" = [])))]
pub async fn issue(
    State(state): State<AppState>,
    me: CurrentUser,
    ApiJson(req): ApiJson<IssueToken>,
) -> AppResult<(StatusCode, Json<IssuedToken>)> {
    Ok((
        StatusCode::CREATED,
        Json(issue_token(&state, &me, req).await?),
    ))
}

/// Revoke an API token; it stops working at once.
#[utoipa::path(delete, path = "/api/v1/api-tokens/{id}", tag = "admin",
    responses((status = 200, body = TokenOut), (status = 404, body = crate::error::Problem)), security(("bearer" = []), ("cookie" = [])))]
pub async fn revoke(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<TokenOut>> {
    me.authorize(&state, Action::Delete, Resource::ApiToken)
        .await?;
    let id = path_id(&id)?;
    let who = me.owned_who();
    Ok(Json(TokenOut::from(
        state.db(move |c| tokens::revoke(c, who.get(), &id)).await?,
    )))
}
