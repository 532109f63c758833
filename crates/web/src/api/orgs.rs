//! Organisations of the network, and the county's municipalities.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use ankommen_db::municipalities;
use ankommen_db::orgs::{self, Organisation};
use ankommen_domain::policy::{Action, Resource};

use crate::AppState;
use crate::api::path_id;
use crate::auth::CurrentUser;
use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::input::{self, RawOrg};

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct OrgOut {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub parent_id: Option<String>,
    pub municipality_id: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub disabled: bool,
    pub version: i32,
}

impl From<Organisation> for OrgOut {
    fn from(o: Organisation) -> Self {
        Self {
            id: o.id,
            name: o.name,
            kind: o.kind,
            parent_id: o.parent_id,
            municipality_id: o.municipality_id,
            email: o.email,
            phone: o.phone,
            disabled: o.disabled,
            version: o.version,
        }
    }
}

/// List organisations.
#[utoipa::path(get, path = "/api/v1/organisations", tag = "admin",
    responses((status = 200, body = [OrgOut]), (status = 403, body = crate::error::Problem)), security(("bearer" = []), ("cookie" = [])))]
pub async fn list(State(state): State<AppState>, me: CurrentUser) -> AppResult<Json<Vec<OrgOut>>> {
    me.authorize(&state, Action::Read, Resource::Organisation)
        .await?;
    let tenant = me.user.tenant_id.clone();
    let rows = state.db(move |c| orgs::list(c, &tenant)).await?;
    Ok(Json(rows.into_iter().map(OrgOut::from).collect()))
}

/// Create an organisation.
#[utoipa::path(post, path = "/api/v1/organisations", tag = "admin", request_body = RawOrg,
    responses((status = 201, body = OrgOut), (status = 422, body = crate::error::Problem)), security(("bearer" = []), ("cookie" = [])))]
pub async fn create(
    State(state): State<AppState>,
    me: CurrentUser,
    ApiJson(raw): ApiJson<RawOrg>,
) -> AppResult<(StatusCode, Json<OrgOut>)> {
    me.authorize(&state, Action::Create, Resource::Organisation)
        .await?;
    let input = input::org(&raw).map_err(AppError::Validation)?;
    let who = me.owned_who();
    let org = state
        .db(move |c| orgs::create(c, who.get(), &input))
        .await?;
    Ok((StatusCode::CREATED, Json(OrgOut::from(org))))
}

/// One organisation.
#[utoipa::path(get, path = "/api/v1/organisations/{id}", tag = "admin",
    responses((status = 200, body = OrgOut), (status = 404, body = crate::error::Problem)), security(("bearer" = []), ("cookie" = [])))]
pub async fn get(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<OrgOut>> {
    me.authorize(&state, Action::Read, Resource::Organisation)
        .await?;
    let id = path_id(&id)?;
    let tenant = me.user.tenant_id.clone();
    Ok(Json(OrgOut::from(
        state.db(move |c| orgs::get(c, &tenant, &id)).await?,
    )))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct UpdateOrg {
    #[serde(flatten)]
    pub org: RawOrg,
    #[serde(default)]
    pub disabled: bool,
    pub version: i32,
}

/// Update an organisation; a stale version answers 409.
#[utoipa::path(put, path = "/api/v1/organisations/{id}", tag = "admin", request_body = UpdateOrg,
    responses((status = 200, body = OrgOut), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn update(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<UpdateOrg>,
) -> AppResult<Json<OrgOut>> {
    me.authorize(&state, Action::Update, Resource::Organisation)
        .await?;
    let id = path_id(&id)?;
    let input = input::org(&body.org).map_err(AppError::Validation)?;
    let who = me.owned_who();
    let org = state
        .db(move |c| orgs::update(c, who.get(), &id, body.version, &input, body.disabled))
        .await?;
    Ok(Json(OrgOut::from(org)))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct MunicipalityOut {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub samtgemeinde: Option<String>,
    pub postcode: String,
    pub latitude: f64,
    pub longitude: f64,
}

/// The county's municipalities (any logged-in user).
#[utoipa::path(get, path = "/api/v1/municipalities", tag = "admin",
    responses((status = 200, body = [MunicipalityOut])), security(("bearer" = []), ("cookie" = [])))]
pub async fn municipalities(
    State(state): State<AppState>,
    me: CurrentUser,
) -> AppResult<Json<Vec<MunicipalityOut>>> {
    me.authorize(&state, Action::Read, Resource::Dashboard)
        .await?;
    let tenant = me.user.tenant_id.clone();
    let rows = state.db(move |c| municipalities::list(c, &tenant)).await?;
    Ok(Json(
        rows.into_iter()
            .map(|m| MunicipalityOut {
                id: m.id,
                name: m.name,
                kind: m.kind,
                samtgemeinde: m.samtgemeinde,
                postcode: m.postcode,
                latitude: m.latitude,
                longitude: m.longitude,
            })
            .collect(),
    ))
}
