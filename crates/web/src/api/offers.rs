//! The network's directory of offers over HTTP: search by need, kind, town, language and
//! words; publish and edit (the migration centre for everyone, partners for their own
//! organisation: the policy's `Offer` resource). Offers are ended (`active: false`), not deleted.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use ankommen_db::offers::{self as repo, Filter, Listed};
use ankommen_domain::offer::{Need, OfferInput, OfferKind, is_open, parse_opening_hours};
use ankommen_domain::policy::{Action, Resource};
use ankommen_domain::validate::FieldError;

use crate::AppState;
use crate::api::path_id;
use crate::auth::CurrentUser;
use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, ApiQuery};

/// An offer as the API returns it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct OfferOut {
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub offer: Listed,
    /// The needs it meets (from its kind).
    pub needs: Vec<String>,
    /// Open at this moment (Europe/Berlin), by its opening hours.
    pub open_now: bool,
}

/// Search filters; all optional.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct OfferQuery {
    /// `childcare`, `literacy`, `recognition`, `counselling`, `school`, `language`, …
    pub need: Option<String>,
    pub kind: Option<String>,
    /// Offers serving this municipality (and county-wide ones), local ones first.
    pub municipality_id: Option<String>,
    /// ISO 639-1 code of a language the offer is given in.
    pub language: Option<String>,
    pub org_id: Option<String>,
    /// Words that must all occur in title, description or publisher.
    pub q: Option<String>,
    pub include_inactive: Option<bool>,
}

/// Weekday (0 = Monday) and minute of the day in Germany now.
pub fn berlin_now() -> (u8, u16) {
    let utc = time::OffsetDateTime::now_utc();
    // Central European (Summer) Time: +2 from the last Sunday of March to the last Sunday
    // of October (01:00 UTC), else +1.
    let year = utc.year();
    let last_sunday = |month: time::Month| {
        let mut d = time::Date::from_calendar_date(year, month, month.length(year))
            .unwrap_or(time::Date::MIN);
        while d.weekday() != time::Weekday::Sunday {
            d = d.previous_day().unwrap_or(d);
        }
        time::PrimitiveDateTime::new(
            d,
            time::Time::from_hms(1, 0, 0).unwrap_or(time::Time::MIDNIGHT),
        )
        .assume_utc()
    };
    let summer = utc >= last_sunday(time::Month::March) && utc < last_sunday(time::Month::October);
    let local = utc + time::Duration::hours(if summer { 2 } else { 1 });
    (
        local.weekday().number_days_from_monday(),
        u16::from(local.hour()) * 60 + u16::from(local.minute()),
    )
}

pub fn to_out(l: Listed, now: (u8, u16)) -> OfferOut {
    let hours = parse_opening_hours(&l.offer.opening_hours).unwrap_or_default();
    OfferOut {
        needs: l
            .offer
            .needs()
            .iter()
            .map(|n| n.as_str().to_owned())
            .collect(),
        open_now: is_open(&hours, now.0, now.1),
        offer: l,
    }
}

fn enum_filter<T>(
    field: &'static str,
    raw: &Option<String>,
    parse: fn(&str) -> Result<T, ankommen_domain::UnknownValue>,
) -> AppResult<Option<T>> {
    match raw.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(v) => parse(v).map(Some).map_err(|e| {
            AppError::Validation(vec![FieldError::new(field, "unknown_value", e.to_string())])
        }),
    }
}

/// Searches the directory (shared with the UI).
pub async fn search(
    state: &AppState,
    me: &CurrentUser,
    q: &OfferQuery,
) -> AppResult<Vec<OfferOut>> {
    me.authorize(state, Action::Read, Resource::Offer { publisher_org: "" })
        .await?;
    let filter = Filter {
        need: enum_filter("need", &q.need, Need::parse)?,
        kind: enum_filter("kind", &q.kind, OfferKind::parse)?,
        municipality_id: q.municipality_id.clone().filter(|s| !s.trim().is_empty()),
        language: q
            .language
            .as_deref()
            .map(|l| l.trim().to_lowercase())
            .filter(|s| !s.is_empty()),
        org_id: q.org_id.clone().filter(|s| !s.trim().is_empty()),
        text: q.q.clone().filter(|s| !s.trim().is_empty()),
        include_inactive: q.include_inactive.unwrap_or(false),
    };
    let tenant = me.user.tenant_id.clone();
    let list = state.db(move |c| repo::search(c, &tenant, &filter)).await?;
    let now = berlin_now();
    Ok(list.into_iter().map(|l| to_out(l, now)).collect())
}

/// Searches the directory of offers.
#[utoipa::path(get, path = "/api/v1/offers", tag = "network", params(OfferQuery),
    responses((status = 200, body = [OfferOut]), (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn list(
    State(state): State<AppState>,
    me: CurrentUser,
    ApiQuery(q): ApiQuery<OfferQuery>,
) -> AppResult<Json<Vec<OfferOut>>> {
    Ok(Json(search(&state, &me, &q).await?))
}

/// One offer.
#[utoipa::path(get, path = "/api/v1/offers/{id}", tag = "network",
    responses((status = 200, body = OfferOut), (status = 404, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn get(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<OfferOut>> {
    let id = path_id(&id)?;
    me.authorize(&state, Action::Read, Resource::Offer { publisher_org: "" })
        .await?;
    let tenant = me.user.tenant_id.clone();
    let l = state.db(move |c| repo::get(c, &tenant, &id)).await?;
    Ok(Json(to_out(l, berlin_now())))
}

/// An offer to publish: the offer's fields plus, for the migration centre, the publishing
/// organisation (partners always publish for their own).
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct OfferIn {
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub offer: serde_json::Map<String, serde_json::Value>,
}

fn split_body(
    mut body: serde_json::Map<String, serde_json::Value>,
) -> AppResult<(OfferInput, Option<String>, Option<i32>)> {
    let org = match body.remove("org_id") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(_) => return Err(FieldError::new("org_id", "not_text", "must be text").into()),
    };
    let version = match body.remove("version") {
        None | Some(serde_json::Value::Null) => None,
        Some(v) => Some(
            v.as_i64()
                .and_then(|v| i32::try_from(v).ok())
                .ok_or_else(|| {
                    AppError::from(FieldError::new(
                        "version",
                        "not_a_number",
                        "must be a whole number",
                    ))
                })?,
        ),
    };
    let input: OfferInput = serde_json::from_value(serde_json::Value::Object(body))
        .map_err(|e| AppError::bad_request(format!("invalid offer: {e}")))?;
    Ok((input, org, version))
}

/// Validates and stores an offer; shared with the UI. `id`: `None` creates.
pub async fn save(
    state: &AppState,
    me: &CurrentUser,
    id: Option<String>,
    input: OfferInput,
    org: Option<String>,
    version: Option<i32>,
) -> AppResult<Listed> {
    let tenant = me.user.tenant_id.clone();
    let publisher = match &id {
        Some(id) => {
            let (t, id) = (tenant.clone(), id.clone());
            state.db(move |c| repo::get(c, &t, &id)).await?.offer.org_id
        }
        None => org
            .filter(|o| !o.trim().is_empty())
            .unwrap_or_else(|| me.user.org_id.clone()),
    };
    let action = if id.is_some() {
        Action::Update
    } else {
        Action::Create
    };
    me.authorize(
        state,
        action,
        Resource::Offer {
            publisher_org: &publisher,
        },
    )
    .await?;
    let t = tenant.clone();
    let (towns, org_ok) = {
        let publisher = publisher.clone();
        state
            .db(move |c| {
                let towns: Vec<String> = ankommen_db::municipalities::list(c, &t)?
                    .into_iter()
                    .map(|m| m.id)
                    .collect();
                let ok = ankommen_db::orgs::get(c, &t, &publisher).is_ok();
                Ok((towns, ok))
            })
            .await?
    };
    if !org_ok {
        return Err(FieldError::new("org_id", "no_such_org", "no such organisation").into());
    }
    let offer = input.validate(&towns).map_err(AppError::Validation)?;
    let who = me.owned_who();
    let row = match id {
        None => {
            state
                .db(move |c| repo::create(c, who.get(), &publisher, &offer))
                .await?
        }
        Some(id) => {
            let version = version.ok_or_else(|| {
                AppError::from(FieldError::new("version", "required", "is required"))
            })?;
            state
                .db(move |c| repo::update(c, who.get(), &id, version, &offer))
                .await?
        }
    };
    let (t, oid) = (tenant, row.id);
    state.db(move |c| repo::get(c, &t, &oid)).await
}

/// Publishes an offer.
#[utoipa::path(post, path = "/api/v1/offers", tag = "network", request_body = OfferIn,
    responses((status = 201, body = OfferOut), (status = 403, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn create(
    State(state): State<AppState>,
    me: CurrentUser,
    ApiJson(body): ApiJson<OfferIn>,
) -> AppResult<(StatusCode, Json<OfferOut>)> {
    let (input, org, _) = split_body(body.offer)?;
    let l = save(&state, &me, None, input, org, None).await?;
    Ok((StatusCode::CREATED, Json(to_out(l, berlin_now()))))
}

/// Replaces an offer (with the `version` read; stale → 409).
#[utoipa::path(put, path = "/api/v1/offers/{id}", tag = "network", request_body = OfferIn,
    responses((status = 200, body = OfferOut), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn update(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<OfferIn>,
) -> AppResult<Json<OfferOut>> {
    let id = path_id(&id)?;
    let (input, _, version) = split_body(body.offer)?;
    let l = save(&state, &me, Some(id), input, None, version).await?;
    Ok(Json(to_out(l, berlin_now())))
}
