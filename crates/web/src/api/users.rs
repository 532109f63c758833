//! User accounts (administrators manage them; team leads may view them).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use ankommen_db::users::{self, User, UserFilter};
use ankommen_domain::policy::{Action, Resource};
use ankommen_domain::validate::FieldError;
use ankommen_domain::{Role, password};

use crate::AppState;
use crate::api::path_id;
use crate::auth::CurrentUser;
use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, ApiQuery};
use crate::input::{self, RawUser};

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct UserOut {
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub role: String,
    pub org_id: String,
    pub org_name: String,
    pub org_kind: String,
    pub locale: String,
    pub disabled: bool,
    pub last_login_at: Option<String>,
    /// Send back unchanged with an update (optimistic concurrency).
    pub version: i32,
}

impl From<User> for UserOut {
    fn from(u: User) -> Self {
        Self {
            id: u.id,
            username: u.username,
            display_name: u.display_name,
            email: u.email,
            role: u.role.as_str().to_owned(),
            org_id: u.org_id,
            org_name: u.org_name,
            org_kind: u.org_kind.as_str().to_owned(),
            locale: u.locale,
            disabled: u.disabled,
            last_login_at: u.last_login_at.map(ankommen_db::dialect::format_ts),
            version: u.version,
        }
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ListParams {
    pub org_id: Option<String>,
    pub role: Option<String>,
    /// Part of the user name or display name.
    pub q: Option<String>,
    #[serde(default)]
    pub include_disabled: bool,
}

/// List users of the tenant.
#[utoipa::path(get, path = "/api/v1/users", tag = "admin", params(ListParams),
    responses((status = 200, body = [UserOut]), (status = 401, body = crate::error::Problem), (status = 403, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn list(
    State(state): State<AppState>,
    me: CurrentUser,
    ApiQuery(p): ApiQuery<ListParams>,
) -> AppResult<Json<Vec<UserOut>>> {
    me.authorize(&state, Action::Read, Resource::UserAccount)
        .await?;
    let role = match p.role.as_deref().filter(|r| !r.is_empty()) {
        Some(r) => Some(Role::parse(r).map_err(|e| {
            AppError::invalid(FieldError::new("role", "unknown_value", e.to_string()))
        })?),
        None => None,
    };
    let filter = UserFilter {
        org_id: p.org_id,
        role,
        include_disabled: p.include_disabled,
        query: p.q,
    };
    let tenant = me.user.tenant_id.clone();
    let rows = state.db(move |c| users::list(c, &tenant, &filter)).await?;
    Ok(Json(rows.into_iter().map(UserOut::from).collect()))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct CreateUser {
    #[serde(flatten)]
    pub user: RawUser,
    /// Initial password; at least 10 characters.
    pub password: String,
}

/// Hashes a new password after checking the rules.
pub async fn hash_new_password(password: String, username: String) -> AppResult<String> {
    password::check_new(&password, &username).map_err(|e| {
        AppError::invalid(FieldError::new(
            "password",
            password_code(&e),
            e.to_string(),
        ))
    })?;
    tokio::task::spawn_blocking(move || password::hash(&password))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(e.to_string()))
}

pub use crate::input::password_code;

/// Create a user.
#[utoipa::path(post, path = "/api/v1/users", tag = "admin", request_body = CreateUser,
    responses((status = 201, body = UserOut), (status = 403, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn create(
    State(state): State<AppState>,
    me: CurrentUser,
    ApiJson(body): ApiJson<CreateUser>,
) -> AppResult<(StatusCode, Json<UserOut>)> {
    me.authorize(&state, Action::Create, Resource::UserAccount)
        .await?;
    let input = input::new_user(&body.user, &body.password).map_err(AppError::Validation)?;
    let hash = hash_new_password(body.password, input.username.clone()).await?;
    let who = me.owned_who();
    let user = state
        .db(move |c| users::create(c, who.get(), &input, &hash))
        .await?;
    Ok((StatusCode::CREATED, Json(UserOut::from(user))))
}

/// One user.
#[utoipa::path(get, path = "/api/v1/users/{id}", tag = "admin",
    responses((status = 200, body = UserOut), (status = 404, body = crate::error::Problem)), security(("bearer" = []), ("cookie" = [])))]
pub async fn get(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<UserOut>> {
    me.authorize(&state, Action::Read, Resource::UserAccount)
        .await?;
    let id = path_id(&id)?;
    let tenant = me.user.tenant_id.clone();
    Ok(Json(UserOut::from(
        state.db(move |c| users::get(c, &tenant, &id)).await?,
    )))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct UpdateUser {
    #[serde(flatten)]
    pub user: RawUser,
    #[serde(default)]
    pub disabled: bool,
    /// The version read; a stale version answers 409.
    pub version: i32,
}

/// Update a user (profile, role, organisation, disabled). Disabling ends their sessions.
#[utoipa::path(put, path = "/api/v1/users/{id}", tag = "admin", request_body = UpdateUser,
    responses((status = 200, body = UserOut), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn update(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<UpdateUser>,
) -> AppResult<Json<UserOut>> {
    me.authorize(&state, Action::Update, Resource::UserAccount)
        .await?;
    let id = path_id(&id)?;
    let input = input::user(&body.user).map_err(AppError::Validation)?;
    if id == me.user.id && (body.disabled || input.role != me.user.role) {
        return Err(AppError::invalid(FieldError::new(
            "role",
            "self_lockout",
            "you cannot disable yourself or change your own role",
        )));
    }
    let who = me.owned_who();
    let user = state
        .db(move |c| users::update(c, who.get(), &id, body.version, &input, body.disabled))
        .await?;
    Ok(Json(UserOut::from(user)))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct ChangePassword {
    pub current_password: String,
    pub new_password: String,
}

/// Change one's own password; other sessions of the user end.
#[utoipa::path(put, path = "/api/v1/me/password", tag = "session", request_body = ChangePassword,
    responses((status = 204), (status = 422, body = crate::error::Problem)), security(("bearer" = []), ("cookie" = [])))]
pub async fn change_own_password(
    State(state): State<AppState>,
    me: CurrentUser,
    ApiJson(body): ApiJson<ChangePassword>,
) -> AppResult<StatusCode> {
    change_password(&state, &me, body.current_password, body.new_password).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Shared by API and UI: checks the current password, then sets the new one.
pub async fn change_password(
    state: &AppState,
    me: &CurrentUser,
    current: String,
    new: String,
) -> AppResult<()> {
    me.authorize(state, Action::Update, Resource::OwnProfile)
        .await?;
    let username = me.user.username.clone();
    let creds = state.db(move |c| users::credentials(c, &username)).await?;
    let stored = creds.map(|(_, h)| h).ok_or_else(AppError::not_found)?;
    let ok = tokio::task::spawn_blocking(move || password::verify(&current, &stored))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    if !ok {
        return Err(AppError::invalid(FieldError::new(
            "current_password",
            "wrong_password",
            "the current password is wrong",
        )));
    }
    let hash = hash_new_password(new, me.user.username.clone()).await?;
    let (who, keep) = (me.owned_who(), me.session_hash().map(str::to_owned));
    state
        .db(move |c| users::set_password(c, who.get(), &who.user_id, &hash, keep.as_deref()))
        .await
}
