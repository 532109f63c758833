//! Consent records over HTTP: list a person's consents, record one, withdraw one (effective
//! at once). Recording and withdrawing is the case worker's job: it needs the right to change
//! the person's identity data (the responsible counsellor, team leads). The functions here are
//! shared by the API handlers and the UI.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use ankommen_db::consents::{self as repo, ConsentRow};
use ankommen_db::orgs;
use ankommen_db::persons::{Person, PersonValues};
use ankommen_domain::DataClass;
use ankommen_domain::consent::{self, ConsentInput};
use ankommen_domain::policy::{Action, Resource};
use ankommen_domain::validate::FieldError;

use crate::AppState;
use crate::api::path_id;
use crate::api::persons::read_person;
use crate::auth::CurrentUser;
use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::persons as logic;

/// A consent to record.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct ConsentIn {
    /// Data classes (`identity`, `contact`, `residence`, `education`, `family`, `health`, `notes`); at least one.
    #[serde(default)]
    pub scope: Vec<String>,
    /// The organisation that may see the data.
    #[serde(default)]
    pub recipient_org_id: String,
    /// What for (at most 500 characters).
    #[serde(default)]
    pub purpose: String,
    /// The day the consent was given (not in the future), `2026-11-23` or `23.11.2026`.
    #[serde(default)]
    pub given_on: String,
    /// The first day it no longer applies (after `given_on`).
    pub expires_on: Option<String>,
    /// Where the signed form is filed (at most 200 characters).
    pub document_ref: Option<String>,
}

/// A consent as the API returns it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ConsentOut {
    pub id: String,
    pub recipient_org_id: String,
    pub recipient_org_name: String,
    pub scope: Vec<String>,
    pub purpose: String,
    pub given_on: String,
    pub expires_on: Option<String>,
    pub withdrawn_on: Option<String>,
    pub withdrawn_by: Option<String>,
    pub document_ref: Option<String>,
    /// `active`, `pending`, `expired` or `withdrawn` (today).
    pub status: String,
    pub version: i32,
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct WithdrawIn {
    /// The consent's version as read.
    pub version: i32,
}

fn today() -> time::Date {
    ankommen_db::now().date()
}

fn to_out(row: ConsentRow, orgs: &[orgs::Organisation]) -> ConsentOut {
    let status = row
        .to_domain()
        .map_or("withdrawn", |c| c.status(today()).as_str());
    ConsentOut {
        recipient_org_name: orgs
            .iter()
            .find(|o| o.id == row.recipient_org_id)
            .map(|o| o.name.clone())
            .unwrap_or_default(),
        scope: consent::parse_scope(&row.scope)
            .iter()
            .map(|c| c.as_str().to_owned())
            .collect(),
        status: status.to_owned(),
        id: row.id,
        recipient_org_id: row.recipient_org_id,
        purpose: row.purpose,
        given_on: row.given_on,
        expires_on: row.expires_on,
        withdrawn_on: row.withdrawn_on,
        withdrawn_by: row.withdrawn_by,
        document_ref: row.document_ref,
        version: row.version,
    }
}

/// A person's consents for display, with the names of their recipients.
pub fn load(
    c: &mut ankommen_db::Db,
    tenant_id: &str,
    person_id: &str,
    orgs: &[orgs::Organisation],
) -> ankommen_db::DbResult<Vec<ConsentOut>> {
    Ok(repo::list(c, tenant_id, person_id)?
        .into_iter()
        .map(|r| to_out(r, orgs))
        .collect())
}

/// Whether `me` may record and withdraw consents of this person.
pub fn can_manage(me: &CurrentUser, person: &PersonValues) -> bool {
    logic::allowed_classes(me, person, Action::Update, None, &[]).contains(&DataClass::Identity)
}

async fn authorize_manage(state: &AppState, me: &CurrentUser, person: &Person) -> AppResult<()> {
    me.authorize(
        state,
        Action::Update,
        Resource::PersonData {
            class: DataClass::Identity,
            relation: logic::relation(me, &person.values, None, &[]),
        },
    )
    .await
}

/// Shared by API and UI: the consents of a person whose identity `me` may read.
pub async fn list_for(
    state: &AppState,
    me: &CurrentUser,
    person_id: &str,
) -> AppResult<(Person, Vec<ConsentOut>)> {
    let (person, classes) = read_person(state, me, person_id, None).await?;
    if !classes.contains(&DataClass::Identity) {
        return Err(AppError::not_found());
    }
    let tenant = me.user.tenant_id.clone();
    let pid = person.id.clone();
    let list = state
        .db(move |c| {
            let orgs = orgs::list(c, &tenant)?;
            load(c, &tenant, &pid, &orgs)
        })
        .await?;
    Ok((person, list))
}

/// Shared by API and UI: validates and records a consent.
pub async fn create_consent(
    state: &AppState,
    me: &CurrentUser,
    person_id: &str,
    raw: &ConsentIn,
) -> AppResult<ConsentOut> {
    let (person, _) = read_person(state, me, person_id, None).await?;
    authorize_manage(state, me, &person).await?;
    let input = ConsentInput {
        scope: &raw.scope,
        recipient_org_id: &raw.recipient_org_id,
        purpose: &raw.purpose,
        given_on: &raw.given_on,
        expires_on: raw.expires_on.as_deref(),
        document_ref: raw.document_ref.as_deref(),
    };
    let value = consent::parse(&input, today()).map_err(AppError::Validation)?;
    let who = me.owned_who();
    state
        .db(move |c| {
            let orgs = orgs::list(c, &who.tenant_id)?;
            if !orgs.iter().any(|o| o.id == value.recipient_org_id) {
                return Err(ankommen_db::DbError::Invalid(FieldError::new(
                    "recipient_org_id",
                    "no_such_org",
                    "no such organisation",
                )));
            }
            let row = repo::create(c, who.get(), &person.id, &value)?;
            Ok(to_out(row, &orgs))
        })
        .await
}

/// Shared by API and UI: withdraws a consent as of today.
pub async fn withdraw_consent(
    state: &AppState,
    me: &CurrentUser,
    person_id: &str,
    consent_id: &str,
    version: i32,
) -> AppResult<ConsentOut> {
    let consent_id = path_id(consent_id)?;
    let (person, _) = read_person(state, me, person_id, None).await?;
    authorize_manage(state, me, &person).await?;
    let who = me.owned_who();
    state
        .db(move |c| {
            let row = repo::withdraw(c, who.get(), &person.id, &consent_id, version, today())?;
            Ok(to_out(row, &orgs::list(c, &who.tenant_id)?))
        })
        .await
}

/// A person's consents, the newest first.
#[utoipa::path(get, path = "/api/v1/persons/{id}/consents", tag = "consents",
    responses((status = 200, body = [ConsentOut]), (status = 404, body = crate::error::Problem)), security(("bearer" = []), ("cookie" = [])))]
pub async fn list(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<ConsentOut>>> {
    Ok(Json(list_for(&state, &me, &id).await?.1))
}

/// Record a consent of the person.
#[utoipa::path(post, path = "/api/v1/persons/{id}/consents", tag = "consents", request_body = ConsentIn,
    responses((status = 201, body = ConsentOut), (status = 403, body = crate::error::Problem), (status = 404, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn create(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ConsentIn>,
) -> AppResult<(StatusCode, Json<ConsentOut>)> {
    let out = create_consent(&state, &me, &id, &body).await?;
    Ok((StatusCode::CREATED, Json(out)))
}

/// Withdraw a consent; it stops applying at once.
#[utoipa::path(post, path = "/api/v1/persons/{id}/consents/{consent_id}/withdraw", tag = "consents",
    request_body = WithdrawIn,
    responses((status = 200, body = ConsentOut), (status = 403, body = crate::error::Problem), (status = 409, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn withdraw(
    State(state): State<AppState>,
    me: CurrentUser,
    Path((id, consent_id)): Path<(String, String)>,
    ApiJson(body): ApiJson<WithdrawIn>,
) -> AppResult<Json<ConsentOut>> {
    Ok(Json(
        withdraw_consent(&state, &me, &id, &consent_id, body.version).await?,
    ))
}
