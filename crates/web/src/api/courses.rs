//! The course catalogue and the waiting list over HTTP. Providers keep their own courses; the
//! migration centre's team leads keep all; counsellors, placement officers and the
//! immigration office read (the policy's `Course` resource). Course needs belong to a person
//! (data class `education`): the responsible counsellor creates and edits them, one click
//! from the person page with a suggestion derived from eligibility and the situation analysis.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use ankommen_db::courses::{self as repo, CourseRow, Filter, Listed};
use ankommen_db::needs::{self, NeedRow, Waiting};
use ankommen_db::persons::Person;
use ankommen_domain::DataClass;
use ankommen_domain::assessment::Content;
use ankommen_domain::course::{CourseInput, NeedInput};
use ankommen_domain::eligibility::{Finding, Outcome, Topic};
use ankommen_domain::policy::{Action, Resource};
use ankommen_domain::validate::FieldError;

use crate::AppState;
use crate::api::path_id;
use crate::api::persons::read_person;
use crate::auth::CurrentUser;
use crate::error::{AppError, AppResult};
use crate::extract::ApiQuery;
use crate::persons as logic;

fn today() -> time::Date {
    ankommen_db::now().date()
}

/// Great-circle distance in km (haversine): the documented stand-in for travel time.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// A course as the API returns it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct CourseOut {
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub course: Listed,
    pub free_seats: i32,
    /// Straight-line km from the `near` municipality, when one was given.
    pub distance_km: Option<f64>,
}

/// Catalogue filters.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct CourseQuery {
    pub municipality_id: Option<String>,
    pub course_type: Option<String>,
    pub provider_org_id: Option<String>,
    /// Starting on or after this day (ISO).
    pub from: Option<String>,
    /// Starting on or before this day (ISO).
    pub until: Option<String>,
    /// Only courses with free seats.
    pub free: Option<bool>,
    /// A municipality id: adds `distance_km` and sorts by it.
    pub near: Option<String>,
    pub include_cancelled: Option<bool>,
}

fn iso_filter(field: &'static str, raw: &Option<String>) -> AppResult<Option<String>> {
    match raw.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(d) => ankommen_domain::plan::parse_date(field, d)
            .map(|d| Some(d.to_string()))
            .map_err(AppError::from),
    }
}

/// May `me` read the catalogue, and if a provider, which provider is forced.
fn catalogue_scope(me: &CurrentUser) -> AppResult<Option<String>> {
    let own = me.user.org_id.as_str();
    match ankommen_domain::policy::can(
        &me.actor(),
        Action::Read,
        &Resource::Course { provider_org: own },
    ) {
        ankommen_domain::policy::Decision::Allow => {}
        ankommen_domain::policy::Decision::Deny(why) => return Err(AppError::forbidden(why)),
    }
    // Others' courses: a provider may not read them.
    let others = ankommen_domain::policy::can(
        &me.actor(),
        Action::Read,
        &Resource::Course { provider_org: "" },
    );
    Ok((!others.is_allowed()).then(|| own.to_owned()))
}

pub async fn load_catalogue(
    state: &AppState,
    me: &CurrentUser,
    q: &CourseQuery,
) -> AppResult<Vec<CourseOut>> {
    let forced = catalogue_scope(me)?;
    if let Some(t) = q.course_type.as_deref().filter(|t| !t.is_empty()) {
        ankommen_domain::course::CourseType::parse(t).map_err(|e| {
            AppError::Validation(vec![FieldError::new(
                "course_type",
                "unknown_value",
                e.to_string(),
            )])
        })?;
    }
    let filter = Filter {
        provider_org_id: forced.or_else(|| q.provider_org_id.clone().filter(|s| !s.is_empty())),
        municipality_id: q.municipality_id.clone().filter(|s| !s.is_empty()),
        course_type: q.course_type.clone().filter(|s| !s.is_empty()),
        starts_from: iso_filter("from", &q.from)?,
        starts_until: iso_filter("until", &q.until)?,
        free_only: q.free.unwrap_or(false),
        include_cancelled: q.include_cancelled.unwrap_or(false),
    };
    let tenant = me.user.tenant_id.clone();
    let near = q.near.clone().filter(|s| !s.is_empty());
    let (list, centre) = state
        .db(move |c| {
            let list = repo::list(c, &tenant, &filter)?;
            let centre = match near {
                Some(id) => ankommen_db::municipalities::list(c, &tenant)?
                    .into_iter()
                    .find(|m| m.id == id)
                    .map(|m| (m.latitude, m.longitude))
                    .ok_or_else(|| {
                        ankommen_db::DbError::Invalid(FieldError::new(
                            "near",
                            "no_such_municipality",
                            "no such municipality",
                        ))
                    })
                    .map(Some)?,
                None => None,
            };
            Ok((list, centre))
        })
        .await?;
    let mut out: Vec<CourseOut> = list
        .into_iter()
        .map(|l| CourseOut {
            free_seats: l.course.free_seats(),
            distance_km: centre.map(|c| {
                (distance_km(c, (l.course.latitude, l.course.longitude)) * 10.0).round() / 10.0
            }),
            course: l,
        })
        .collect();
    if centre.is_some() {
        out.sort_by(|a, b| {
            a.distance_km
                .partial_cmp(&b.distance_km)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then_with(|| a.course.course.starts_on.cmp(&b.course.course.starts_on))
        });
    }
    Ok(out)
}

/// The course catalogue: by start date, or by distance from a municipality (`near`).
#[utoipa::path(get, path = "/api/v1/courses", tag = "courses", params(CourseQuery),
    responses((status = 200, body = [CourseOut]), (status = 403, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn list(
    State(state): State<AppState>,
    me: CurrentUser,
    ApiQuery(q): ApiQuery<CourseQuery>,
) -> AppResult<Json<Vec<CourseOut>>> {
    Ok(Json(load_catalogue(&state, &me, &q).await?))
}

/// Splits `version` and `cancelled` off a course body; the rest is the course.
fn course_body(mut body: serde_json::Value) -> AppResult<(CourseInput, Option<i32>, bool)> {
    let obj = body
        .as_object_mut()
        .ok_or_else(|| AppError::bad_request("the body must be a JSON object"))?;
    let version = match obj.remove("version") {
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
    let cancelled = match obj.remove("cancelled") {
        None | Some(serde_json::Value::Null) => false,
        Some(serde_json::Value::Bool(b)) => b,
        Some(_) => {
            return Err(FieldError::new("cancelled", "not_a_flag", "must be true or false").into());
        }
    };
    let input: CourseInput = serde_json::from_value(body)
        .map_err(|e| AppError::from(FieldError::new("body", "malformed", e.to_string())))?;
    Ok((input, version, cancelled))
}

/// Shared by API and UI.
pub async fn create_course(
    state: &AppState,
    me: &CurrentUser,
    mut input: CourseInput,
) -> AppResult<CourseRow> {
    if input.provider_org_id.trim().is_empty() && me.user.role == ankommen_domain::Role::Provider {
        input.provider_org_id = me.user.org_id.clone();
    }
    let course = input.validate(false).map_err(AppError::Validation)?;
    me.authorize(
        state,
        Action::Create,
        Resource::Course {
            provider_org: &course.provider_org_id,
        },
    )
    .await?;
    let who = me.owned_who();
    state.db(move |c| repo::create(c, who.get(), &course)).await
}

/// Shared by API and UI.
pub async fn update_course(
    state: &AppState,
    me: &CurrentUser,
    id: &str,
    mut input: CourseInput,
    cancelled: bool,
    version: i32,
) -> AppResult<CourseRow> {
    let id = path_id(id)?;
    let before = get_course(state, me, &id).await?;
    if input.provider_org_id.trim().is_empty() {
        input.provider_org_id = before.provider_org_id.clone();
    }
    me.authorize(
        state,
        Action::Update,
        Resource::Course {
            provider_org: &before.provider_org_id,
        },
    )
    .await?;
    let course = input.validate(true).map_err(AppError::Validation)?;
    if course.provider_org_id != before.provider_org_id {
        me.authorize(
            state,
            Action::Update,
            Resource::Course {
                provider_org: &course.provider_org_id,
            },
        )
        .await?;
    }
    let who = me.owned_who();
    state
        .db(move |c| repo::update(c, who.get(), &id, &course, cancelled, version))
        .await
}

/// One course, if `me` may read it (a provider: only its own).
pub async fn get_course(state: &AppState, me: &CurrentUser, id: &str) -> AppResult<CourseRow> {
    let id = path_id(id)?;
    let tenant = me.user.tenant_id.clone();
    let row = state.db(move |c| repo::get(c, &tenant, &id)).await?;
    me.authorize(
        state,
        Action::Read,
        Resource::Course {
            provider_org: &row.provider_org_id,
        },
    )
    .await?;
    Ok(row)
}

/// Create a course (a provider: for its own organisation; `provider_org_id` may be left out).
#[utoipa::path(post, path = "/api/v1/courses", tag = "courses", request_body = Object,
    responses((status = 201, body = Object), (status = 422, body = crate::error::Problem), (status = 403, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn create(
    State(state): State<AppState>,
    me: CurrentUser,
    crate::extract::ApiJson(body): crate::extract::ApiJson<serde_json::Value>,
) -> AppResult<(StatusCode, Json<CourseRow>)> {
    let (input, _, _) = course_body(body)?;
    let row = create_course(&state, &me, input).await?;
    Ok((StatusCode::CREATED, Json(row)))
}

#[utoipa::path(get, path = "/api/v1/courses/{id}", tag = "courses",
    responses((status = 200, body = Object), (status = 404, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn get(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<CourseRow>> {
    Ok(Json(get_course(&state, &me, &id).await?))
}

/// Change a course: the whole course plus the `version` read; `cancelled: true` cancels it.
#[utoipa::path(put, path = "/api/v1/courses/{id}", tag = "courses", request_body = Object,
    responses((status = 200, body = Object), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn update(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    crate::extract::ApiJson(body): crate::extract::ApiJson<serde_json::Value>,
) -> AppResult<Json<CourseRow>> {
    let (input, version, cancelled) = course_body(body)?;
    let version = version.ok_or_else(|| {
        AppError::from(FieldError::new(
            "version",
            "required",
            "send the version you read",
        ))
    })?;
    Ok(Json(
        update_course(&state, &me, &id, input, cancelled, version).await?,
    ))
}

/// A participant of a course, as its provider sees it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Participant {
    pub placement_id: String,
    pub person_id: String,
    pub family_name: String,
    pub given_names: String,
    pub case_number: String,
    pub status: String,
}

pub async fn load_participants(
    state: &AppState,
    me: &CurrentUser,
    id: &str,
) -> AppResult<(CourseRow, Vec<Participant>)> {
    let course = get_course(state, me, id).await?;
    let (tenant, cid) = (me.user.tenant_id.clone(), course.id.clone());
    let rows = state
        .db(move |c| ankommen_db::allocation::participants(c, &tenant, &cid))
        .await?;
    let list: Vec<Participant> = rows
        .into_iter()
        .map(|(p, family_name, given_names, case_number)| Participant {
            placement_id: p.id,
            person_id: p.person_id,
            family_name,
            given_names,
            case_number,
            status: p.status,
        })
        .collect();
    let who = me.owned_who();
    let ids: Vec<String> = list.iter().map(|p| p.person_id.clone()).collect();
    let course_id = course.id.clone();
    state
        .db(move |c| {
            ankommen_db::write_tx(c, &who.tenant_id, |c| {
                for pid in &ids {
                    let mut entry = ankommen_db::audit::Entry::new(
                        "course.participants.read",
                        "course",
                        Some(&course_id),
                    );
                    entry.person_id = Some(pid);
                    entry.data_classes = &[DataClass::Identity];
                    ankommen_db::audit::append(c, who.get(), entry)?;
                }
                Ok(())
            })
        })
        .await?;
    Ok((course, list))
}

/// The participants the county placed in a course (names and case numbers; every name read
/// is audited).
#[utoipa::path(get, path = "/api/v1/courses/{id}/participants", tag = "courses",
    responses((status = 200, body = [Participant]), (status = 403, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn participants(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<Participant>>> {
    Ok(Json(load_participants(&state, &me, &id).await?.1))
}

// ---------------------------------------------------------------------------------------
// Course needs.

async fn person_for_needs(
    state: &AppState,
    me: &CurrentUser,
    person_id: &str,
    action: Action,
) -> AppResult<Person> {
    let (person, readable) = read_person(state, me, person_id, None).await?;
    let allowed = match action {
        Action::Read => readable.contains(&needs::DATA_CLASS),
        _ => logic::allowed_classes(me, &person.values, action, None, &[])
            .contains(&needs::DATA_CLASS),
    };
    if !allowed {
        let rel = logic::relation(me, &person.values, None, &[]);
        me.authorize(
            state,
            action,
            Resource::PersonData {
                class: needs::DATA_CLASS,
                relation: rel,
            },
        )
        .await?;
    }
    Ok(person)
}

/// A person's course needs, newest first.
#[utoipa::path(get, path = "/api/v1/persons/{id}/course-needs", tag = "courses",
    responses((status = 200, body = [Object]), (status = 403, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn person_needs(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<NeedRow>>> {
    let person = person_for_needs(&state, &me, &id, Action::Read).await?;
    let tenant = me.user.tenant_id.clone();
    Ok(Json(
        state
            .db(move |c| needs::for_person(c, &tenant, &person.id))
            .await?,
    ))
}

/// What the record and the newest situation analysis suggest for a course need.
pub fn suggest(person: &Person, findings: &[Finding], sections: &[Content]) -> NeedInput {
    let mut n = NeedInput::default();
    let find = |t: Topic| findings.iter().find(|f| f.topic == t);
    let access = find(Topic::IntegrationCourse);
    let done =
        access.is_some_and(|f| matches!(f.outcome, Outcome::AlreadyReached | Outcome::NotEligible));
    let level = person.values.german_level.clone().filter(|l| l != "none");
    if done && level.as_deref().is_some_and(|l| l >= "B1") {
        let l = level.clone().unwrap_or_default();
        n.course_type = match l.as_str() {
            "B1" => "bsk_b1_b2",
            "B2" => "bsk_b2_c1",
            _ => "bsk_c1_c2",
        }
        .into();
        n.level = l;
    } else {
        n.course_type = match find(Topic::CourseType).and_then(|f| f.detail.as_deref()) {
            Some("literacy") => "ik_literacy",
            Some("second_script") => "ik_second_script",
            Some("intensive") => "ik_intensive",
            _ => "ik_general",
        }
        .into();
        n.start_module = find(Topic::StartModule)
            .and_then(|f| f.detail.as_deref())
            .filter(|d| d.parse::<u8>().is_ok())
            .unwrap_or("1")
            .to_owned();
        if access.is_some_and(|f| f.outcome == Outcome::Obliged) {
            n.obliged_by = match access.and_then(|f| f.agency) {
                Some(ankommen_domain::residence::AgencyKind::JobCentre) => "job_centre",
                _ => "immigration_office",
            }
            .into();
        }
    }
    n.job_centre_referral = (person.values.benefits_law.as_deref() == Some("sgb2")).to_string();
    n.max_travel_km = "25".into();
    for s in sections {
        match s {
            Content::Family(f) => {
                n.needs_childcare = f.children.iter().any(|c| c.needs_childcare).to_string();
            }
            Content::Mobility(m) => {
                if m.car == Some(true) {
                    n.max_travel_km = "40".into();
                } else if m.public_transport_only == Some(true) {
                    n.max_travel_km = "20".into();
                }
            }
            Content::Availability(a) => {
                let mut slots = Vec::new();
                if a.mornings {
                    slots.push("morning".to_owned());
                }
                if a.afternoons {
                    slots.push("afternoon".to_owned());
                }
                if a.evenings {
                    slots.push("evening".to_owned());
                }
                n.time_slots = slots;
            }
            _ => {}
        }
    }
    n
}

/// A suggested need (not saved): from eligibility (course type, start module, obligation),
/// the situation analysis (childcare, mobility, times) and the benefits law (referral).
pub async fn suggestion_for(
    state: &AppState,
    me: &CurrentUser,
    person: &Person,
) -> AppResult<NeedInput> {
    let sections = crate::api::assessments::latest_sections(state, me, person).await?;
    let findings = logic::eligibility(&person.values, &sections, today());
    Ok(suggest(person, &findings, &sections))
}

/// Shared by API and UI.
pub async fn create_need(
    state: &AppState,
    me: &CurrentUser,
    person_id: &str,
    input: &NeedInput,
) -> AppResult<NeedRow> {
    let person = person_for_needs(state, me, person_id, Action::Update).await?;
    let need = input.validate(today()).map_err(AppError::Validation)?;
    let who = me.owned_who();
    state
        .db(move |c| needs::create(c, who.get(), &person.id, &need))
        .await
}

/// Put a person on the waiting list. Without a body field the suggestion's value is used
/// only in the UI; the API takes what it is sent (defaults: earliest start today, latest in
/// six months, 25 km, any time of day, waiting since today).
#[utoipa::path(post, path = "/api/v1/persons/{id}/course-needs", tag = "courses", request_body = Object,
    responses((status = 201, body = Object), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn create_person_need(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    crate::extract::ApiJson(input): crate::extract::ApiJson<NeedInput>,
) -> AppResult<(StatusCode, Json<NeedRow>)> {
    let row = create_need(&state, &me, &id, &input).await?;
    Ok((StatusCode::CREATED, Json(row)))
}

/// The suggested need for a person, to review before saving.
#[utoipa::path(get, path = "/api/v1/persons/{id}/course-needs/suggestion", tag = "courses",
    responses((status = 200, body = Object)), security(("bearer" = []), ("cookie" = [])))]
pub async fn suggestion(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<serde_json::Value>> {
    let person = person_for_needs(&state, &me, &id, Action::Read).await?;
    let s = suggestion_for(&state, &me, &person).await?;
    Ok(Json(serde_json::json!({
        "course_type": s.course_type,
        "start_module": s.start_module,
        "level": s.level,
        "max_travel_km": s.max_travel_km,
        "time_slots": s.time_slots,
        "needs_childcare": s.needs_childcare == "true",
        "obliged_by": s.obliged_by,
        "job_centre_referral": s.job_centre_referral == "true",
    })))
}

/// Shared by API and UI.
pub async fn update_need(
    state: &AppState,
    me: &CurrentUser,
    person_id: &str,
    need_id: &str,
    input: &NeedInput,
    version: i32,
) -> AppResult<NeedRow> {
    let person = person_for_needs(state, me, person_id, Action::Update).await?;
    let nid = path_id(need_id)?;
    let need = input.validate(today()).map_err(AppError::Validation)?;
    let who = me.owned_who();
    state
        .db(move |c| needs::update(c, who.get(), &person.id, &nid, &need, version))
        .await
}

/// Change a waiting need: the whole need plus the `version` read.
#[utoipa::path(put, path = "/api/v1/persons/{id}/course-needs/{need_id}", tag = "courses", request_body = Object,
    responses((status = 200, body = Object), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn update_person_need(
    State(state): State<AppState>,
    me: CurrentUser,
    Path((id, need_id)): Path<(String, String)>,
    crate::extract::ApiJson(mut body): crate::extract::ApiJson<serde_json::Value>,
) -> AppResult<Json<NeedRow>> {
    let version = body
        .as_object_mut()
        .and_then(|o| o.remove("version"))
        .and_then(|v| v.as_i64())
        .and_then(|v| i32::try_from(v).ok())
        .ok_or_else(|| {
            AppError::from(FieldError::new(
                "version",
                "required",
                "send the version you read",
            ))
        })?;
    let input: NeedInput = serde_json::from_value(body)
        .map_err(|e| AppError::from(FieldError::new("body", "malformed", e.to_string())))?;
    Ok(Json(
        update_need(&state, &me, &id, &need_id, &input, version).await?,
    ))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WithdrawNeed {
    pub reason: String,
    pub version: i32,
}

/// Shared by API and UI.
pub async fn withdraw_need(
    state: &AppState,
    me: &CurrentUser,
    person_id: &str,
    need_id: &str,
    reason: &str,
    version: i32,
) -> AppResult<NeedRow> {
    let person = person_for_needs(state, me, person_id, Action::Update).await?;
    let nid = path_id(need_id)?;
    let reason = ankommen_domain::validate::required_text("reason", reason, 500)?;
    let who = me.owned_who();
    state
        .db(move |c| needs::withdraw(c, who.get(), &person.id, &nid, &reason, version))
        .await
}

/// Take a need off the waiting list (a reason is required).
#[utoipa::path(post, path = "/api/v1/persons/{id}/course-needs/{need_id}/withdraw", tag = "courses", request_body = WithdrawNeed,
    responses((status = 200, body = Object), (status = 409, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn withdraw_person_need(
    State(state): State<AppState>,
    me: CurrentUser,
    Path((id, need_id)): Path<(String, String)>,
    crate::extract::ApiJson(body): crate::extract::ApiJson<WithdrawNeed>,
) -> AppResult<Json<NeedRow>> {
    Ok(Json(
        withdraw_need(&state, &me, &id, &need_id, &body.reason, body.version).await?,
    ))
}

/// Only the migration centre's case workers see the whole waiting list.
pub fn may_allocate_read(me: &CurrentUser) -> AppResult<()> {
    if logic::is_case_worker(me) {
        Ok(())
    } else {
        Err(AppError::forbidden(
            "the waiting list is for the migration centre's counsellors and team leads",
        ))
    }
}

/// The county's waiting list, longest waiting first (every entry read is audited).
#[utoipa::path(get, path = "/api/v1/waiting-list", tag = "courses",
    responses((status = 200, body = [Object]), (status = 403, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn waiting_list(
    State(state): State<AppState>,
    me: CurrentUser,
) -> AppResult<Json<Vec<Waiting>>> {
    may_allocate_read(&me)?;
    let tenant = me.user.tenant_id.clone();
    let who = me.owned_who();
    let list = state
        .db(move |c| {
            let list = needs::waiting(c, &tenant)?;
            let mut entry =
                ankommen_db::audit::Entry::new("waiting_list.read", "course_need", None)
                    .detail(serde_json::json!({ "entries": list.len() }));
            entry.data_classes = &[DataClass::Identity, DataClass::Education];
            ankommen_db::audit::record(c, who.get(), entry)?;
            Ok(list)
        })
        .await?;
    Ok(Json(list))
}
