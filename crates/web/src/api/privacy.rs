//! Data protection over HTTP (issue 7, docs/data-protection.md): the team leads' review of
//! break-the-glass accesses, retention periods and network settings (administrators), a
//! retention run on demand, a person's data export (GDPR Art. 15) and erasure on request
//! (Art. 17) where no legal retention applies.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use ankommen_db::audit::{self, Entry};
use ankommen_db::break_glass::{self, Listed};
use ankommen_db::retention::{self, NetworkSettings, Report, Rule};
use ankommen_domain::policy::{Action, Resource};
use ankommen_domain::retention::RecordType;
use ankommen_domain::validate::FieldError;
use ankommen_domain::{DataClass, Role};

use crate::AppState;
use crate::api::path_id;
use crate::api::persons::read_person;
use crate::auth::CurrentUser;
use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, ApiQuery};

fn today() -> time::Date {
    ankommen_db::now().date()
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct GrantQuery {
    /// Include reviewed accesses (default: only those waiting for review).
    pub all: Option<bool>,
}

/// Break-the-glass accesses for review (shared with the UI).
pub async fn grants(state: &AppState, me: &CurrentUser, all: bool) -> AppResult<Vec<Listed>> {
    me.authorize(state, Action::Read, Resource::BreakGlassReview)
        .await?;
    let tenant = me.user.tenant_id.clone();
    state
        .db(move |c| break_glass::list(c, &tenant, !all, 500))
        .await
}

/// Break-the-glass accesses, the newest first (team leads).
#[utoipa::path(get, path = "/api/v1/break-glass", tag = "privacy", params(GrantQuery),
    responses((status = 200, body = [Object]), (status = 403, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn list_grants(
    State(state): State<AppState>,
    me: CurrentUser,
    ApiQuery(q): ApiQuery<GrantQuery>,
) -> AppResult<Json<Vec<Listed>>> {
    Ok(Json(grants(&state, &me, q.all.unwrap_or(false)).await?))
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewIn {
    pub note: Option<String>,
    /// End the access now.
    #[serde(default)]
    pub revoke: bool,
}

/// Marks an access reviewed (shared with the UI).
pub async fn review(
    state: &AppState,
    me: &CurrentUser,
    id: &str,
    input: ReviewIn,
) -> AppResult<break_glass::Grant> {
    let id = path_id(id)?;
    me.authorize(state, Action::Update, Resource::BreakGlassReview)
        .await?;
    if input
        .note
        .as_deref()
        .is_some_and(|n| n.chars().count() > 500)
    {
        return Err(
            FieldError::new("note", "too_long", "must have at most 500 characters")
                .with_limit(500)
                .into(),
        );
    }
    let who = me.owned_who();
    state
        .db(move |c| break_glass::review(c, who.get(), &id, input.note.as_deref(), input.revoke))
        .await
}

/// Marks a break-the-glass access reviewed, optionally ending it.
#[utoipa::path(post, path = "/api/v1/break-glass/{id}/review", tag = "privacy", request_body = ReviewIn,
    responses((status = 200, body = Object), (status = 409, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn post_review(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<ReviewIn>,
) -> AppResult<Json<break_glass::Grant>> {
    Ok(Json(review(&state, &me, &id, input).await?))
}

/// Retention periods and network settings.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SettingsOut {
    #[schema(value_type = [Object])]
    pub retention: Vec<Rule>,
    #[schema(value_type = Object)]
    pub network: NetworkSettings,
}

/// Reads the settings (administrators and team leads).
pub async fn settings(state: &AppState, me: &CurrentUser) -> AppResult<SettingsOut> {
    if !matches!(me.user.role, Role::Admin | Role::TeamLead) {
        me.authorize(state, Action::Read, Resource::Settings)
            .await?;
    }
    let tenant = me.user.tenant_id.clone();
    let (retention, network) = state
        .db(move |c| {
            Ok((
                retention::rules(c, &tenant)?,
                retention::network_settings(c, &tenant)?,
            ))
        })
        .await?;
    Ok(SettingsOut { retention, network })
}

/// Retention periods by record type, and the network settings.
#[utoipa::path(get, path = "/api/v1/settings/data-protection", tag = "privacy",
    responses((status = 200, body = SettingsOut), (status = 403, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn get_settings(
    State(state): State<AppState>,
    me: CurrentUser,
) -> AppResult<Json<SettingsOut>> {
    Ok(Json(settings(&state, &me).await?))
}

/// New settings; every field optional.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SettingsIn {
    /// Months per record type: `closed_case`, `referral`, `consent`, `break_glass`, `notification`.
    #[serde(default)]
    #[schema(value_type = Object)]
    pub retention: std::collections::BTreeMap<String, serde_json::Value>,
    /// 1–60.
    pub referral_reminder_days: Option<i64>,
    /// 1–168.
    pub break_glass_hours: Option<i64>,
}

/// Changes settings, all checked first (shared with the UI).
pub async fn save_settings(
    state: &AppState,
    me: &CurrentUser,
    input: SettingsIn,
) -> AppResult<SettingsOut> {
    me.authorize(state, Action::Update, Resource::Settings)
        .await?;
    let mut errors = Vec::new();
    let mut rules = Vec::new();
    for (k, v) in &input.retention {
        let text = match v {
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::String(s) => s.clone(),
            _ => String::new(),
        };
        match (
            RecordType::parse(k),
            ankommen_domain::retention::parse_months(&text),
        ) {
            (Ok(t), Ok(m)) => rules.push((t, m)),
            (Err(e), _) => {
                errors.push(FieldError::new("retention", "unknown_value", e.to_string()))
            }
            (_, Err(mut e)) => {
                e.field = "retention";
                e.message = format!("{k}: {}", e.message);
                errors.push(e);
            }
        }
    }
    let tenant = me.user.tenant_id.clone();
    let current = {
        let t = tenant.clone();
        state
            .db(move |c| retention::network_settings(c, &t))
            .await?
    };
    let mut network = current;
    if let Some(d) = input.referral_reminder_days {
        match i32::try_from(d).ok().filter(|d| (1..=60).contains(d)) {
            Some(d) => network.referral_reminder_days = d,
            None => errors.push(FieldError::new(
                "referral_reminder_days",
                "out_of_range",
                "must be 1 to 60 days",
            )),
        }
    }
    if let Some(h) = input.break_glass_hours {
        match i32::try_from(h).ok().filter(|h| (1..=168).contains(h)) {
            Some(h) => network.break_glass_hours = h,
            None => errors.push(FieldError::new(
                "break_glass_hours",
                "out_of_range",
                "must be 1 to 168 hours",
            )),
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let who = me.owned_who();
    state
        .db(move |c| {
            for (t, m) in rules {
                retention::set_rule(c, who.get(), t, m)?;
            }
            if network != current {
                retention::set_network_settings(c, who.get(), network)?;
            }
            Ok(())
        })
        .await?;
    settings(state, me).await
}

/// Changes retention periods or network settings (administrators).
#[utoipa::path(put, path = "/api/v1/settings/data-protection", tag = "privacy", request_body = SettingsIn,
    responses((status = 200, body = SettingsOut), (status = 403, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn put_settings(
    State(state): State<AppState>,
    me: CurrentUser,
    ApiJson(input): ApiJson<SettingsIn>,
) -> AppResult<Json<SettingsOut>> {
    Ok(Json(save_settings(&state, &me, input).await?))
}

/// Applies the retention rules now (administrators; the nightly job does the same).
#[utoipa::path(post, path = "/api/v1/retention/run", tag = "privacy",
    responses((status = 200, body = Object), (status = 403, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn run_retention(
    State(state): State<AppState>,
    me: CurrentUser,
) -> AppResult<Json<Report>> {
    me.authorize(&state, Action::Update, Resource::BackgroundJob)
        .await?;
    let who = me.owned_who();
    Ok(Json(
        state
            .db(move |c| retention::run(c, who.get(), today()))
            .await?,
    ))
}

/// Everything about a person (shared with the UI). For their case worker and team leads:
/// they handle the person's request. Audited as a read of every class.
pub async fn export(state: &AppState, me: &CurrentUser, id: &str) -> AppResult<serde_json::Value> {
    let (person, _) = read_person(state, me, id, None).await?;
    if !crate::api::consents::can_manage(me, &person.values) {
        return Err(AppError::forbidden(
            "a data export is prepared by the person's case worker or a team lead",
        ));
    }
    let tenant = me.user.tenant_id.clone();
    let who = me.owned_who();
    let pid = person.id.clone();
    state
        .db(move |c| {
            let doc = ankommen_db::export::person(c, &tenant, &pid)?;
            let mut e = Entry::new("person.export", "person", Some(&pid))
                .detail(serde_json::json!({ "gdpr": "Art. 15" }));
            e.person_id = Some(&pid);
            e.data_classes = DataClass::ALL;
            audit::record(c, who.get(), e)?;
            Ok(doc)
        })
        .await
}

/// A person's data as JSON (GDPR Art. 15).
#[utoipa::path(get, path = "/api/v1/persons/{id}/export", tag = "privacy",
    responses((status = 200, body = Object), (status = 403, body = crate::error::Problem), (status = 404, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn get_export(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<serde_json::Value>> {
    Ok(Json(export(&state, &me, &id).await?))
}

#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ErasureIn {
    /// Where the person's request is filed (at most 200 characters).
    #[serde(default)]
    pub request_ref: String,
}

/// What stands in the way of erasing a person.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ErasureCheck {
    pub blockers: Vec<String>,
}

/// Whether a person can be erased (team leads).
pub async fn erasure_check(
    state: &AppState,
    me: &CurrentUser,
    id: &str,
) -> AppResult<ErasureCheck> {
    let id = path_id(id)?;
    me.authorize(
        state,
        Action::Delete,
        Resource::PersonData {
            class: DataClass::Identity,
            relation: Default::default(),
        },
    )
    .await?;
    let tenant = me.user.tenant_id.clone();
    let facts = state
        .db(move |c| retention::erasure_facts(c, &tenant, &id, today()))
        .await?;
    Ok(ErasureCheck {
        blockers: ankommen_domain::retention::erasure_blockers(facts)
            .into_iter()
            .map(str::to_owned)
            .collect(),
    })
}

/// Erases a person on request (shared with the UI).
pub async fn erase(
    state: &AppState,
    me: &CurrentUser,
    id: &str,
    input: ErasureIn,
) -> AppResult<()> {
    let id = path_id(id)?;
    me.authorize(
        state,
        Action::Delete,
        Resource::PersonData {
            class: DataClass::Identity,
            relation: Default::default(),
        },
    )
    .await?;
    let request_ref =
        ankommen_domain::validate::required_text("request_ref", &input.request_ref, 200)?;
    let who = me.owned_who();
    state
        .db(move |c| {
            ankommen_db::retention::erase(c, who.get(), &id, today())?;
            let mut e = Entry::new("person.erasure_request", "person", Some(&id))
                .detail(serde_json::json!({ "gdpr": "Art. 17" }));
            e.person_id = Some(&id);
            e.purpose = Some(&request_ref);
            audit::record(c, who.get(), e)?;
            Ok(())
        })
        .await?;
    Ok(())
}

/// What blocks erasing a person now (empty: erasure may proceed).
#[utoipa::path(get, path = "/api/v1/persons/{id}/erasure", tag = "privacy",
    responses((status = 200, body = ErasureCheck), (status = 403, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn get_erasure(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<ErasureCheck>> {
    Ok(Json(erasure_check(&state, &me, &id).await?))
}

/// Erases (anonymises) a person on request where no legal retention applies; 422 naming
/// the blockers otherwise.
#[utoipa::path(post, path = "/api/v1/persons/{id}/erasure", tag = "privacy", request_body = ErasureIn,
    responses((status = 204), (status = 403, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn post_erasure(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<ErasureIn>,
) -> AppResult<StatusCode> {
    erase(&state, &me, &id, input).await?;
    Ok(StatusCode::NO_CONTENT)
}
