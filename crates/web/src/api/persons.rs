//! Person records: tolerant search, create (with likely duplicates), read (only the classes
//! the caller may see; every read audited), update (optimistic concurrency, field history),
//! eligibility findings, history and the record's audit trail.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use serde::{Deserialize, Serialize};

use ankommen_db::audit::{self, Entry};
use ankommen_db::persons::{self, Names, Person};
use ankommen_db::{break_glass, referrals, retention};
use ankommen_domain::policy::{Action, Relation, Resource};
use ankommen_domain::validate::FieldError;
use ankommen_domain::{DataClass, Role, matching, person::class_of};

use crate::AppState;
use crate::api::path_id;
use crate::auth::CurrentUser;
use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, ApiQuery};
use crate::person_input::{self, PersonIn};
use crate::persons::{self as logic, Hit, PersonOut, Query};

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct SearchParams {
    /// Name words, a date of birth and/or a case number, in any order.
    pub q: Option<String>,
    /// `de` or `en` for the match reasons.
    pub lang: Option<String>,
}

fn match_lang(raw: Option<&str>, me: &CurrentUser) -> matching::Lang {
    match raw.unwrap_or(&me.user.locale) {
        "en" => matching::Lang::En,
        _ => matching::Lang::De,
    }
}

/// Search persons tolerantly (transliterations, umlauts, word order, swapped day/month);
/// without `q`, the caller's caseload.
#[utoipa::path(get, path = "/api/v1/persons", tag = "persons", params(SearchParams),
    responses((status = 200, body = [Hit]), (status = 403, body = crate::error::Problem)), security(("bearer" = []), ("cookie" = [])))]
pub async fn search(
    State(state): State<AppState>,
    me: CurrentUser,
    ApiQuery(p): ApiQuery<SearchParams>,
) -> AppResult<Json<Vec<Hit>>> {
    me.authorize(&state, Action::Read, Resource::PersonDirectory)
        .await?;
    Ok(Json(
        run_search(
            &state,
            &me,
            p.q.as_deref().unwrap_or(""),
            match_lang(p.lang.as_deref(), &me),
        )
        .await?,
    ))
}

/// Shared by API and UI.
pub async fn run_search(
    state: &AppState,
    me: &CurrentUser,
    q: &str,
    lang: matching::Lang,
) -> AppResult<Vec<Hit>> {
    if q.chars().count() > 200 {
        return Err(AppError::invalid(
            FieldError::new("q", "too_long", "must have at most 200 characters").with_limit(200),
        ));
    }
    let query = Query::parse(q);
    let who = me.owned_who();
    let caseload = (me.user.role == Role::Counsellor).then(|| me.user.id.clone());
    state
        .db(move |c| {
            let hits = if query.is_empty() {
                persons::list(c, &who.tenant_id, caseload.as_deref(), 100, 0)?
                    .into_iter()
                    .map(|p| Hit {
                        id: p.id,
                        case_number: p.case_number,
                        family_name: p.values.family_name,
                        given_names: p.values.given_names,
                        birth_date: p.values.birth_date,
                        counsellor_id: p.values.counsellor_id,
                        case_status: p.values.case_status,
                        score: 100,
                        likely_duplicate: false,
                        reasons: vec![],
                    })
                    .collect()
            } else {
                logic::search(c, &who.tenant_id, &query, lang)?
            };
            // The query text is personal data: the log keeps only what was returned.
            let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
            let entry = Entry {
                data_classes: &[DataClass::Identity],
                ..Entry::new("person.search", "person", None)
            }
            .detail(serde_json::json!({ "results": ids }));
            audit::record(c, who.get(), entry)?;
            Ok(hits)
        })
        .await
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Created {
    pub person: PersonOut,
    /// Persons that look like the same one (same name in other spellings, compatible birth date).
    pub possible_duplicates: Vec<Hit>,
}

fn today() -> time::Date {
    ankommen_db::now().date()
}

/// A responsible counsellor must be an active counsellor or team lead of the tenant.
async fn check_counsellor(state: &AppState, me: &CurrentUser, id: Option<&str>) -> AppResult<()> {
    let Some(id) = id.map(str::to_owned) else {
        return Ok(());
    };
    let tenant = me.user.tenant_id.clone();
    let user = state
        .db(move |c| match ankommen_db::users::get(c, &tenant, &id) {
            Ok(u) => Ok(Some(u)),
            Err(ankommen_db::DbError::NotFound) => Ok(None),
            Err(e) => Err(e),
        })
        .await?;
    match user {
        Some(u) if !u.disabled && matches!(u.role, Role::Counsellor | Role::TeamLead) => Ok(()),
        _ => Err(AppError::Validation(vec![FieldError::new(
            "counsellor_id",
            "not_a_counsellor",
            "must be an active counsellor or team lead of this county",
        )])),
    }
}

/// Shared by API and UI: validates and creates; a counsellor takes the new person on.
pub async fn create_person(
    state: &AppState,
    me: &CurrentUser,
    mut raw: PersonIn,
) -> AppResult<(Person, Vec<Hit>)> {
    if me.user.role == Role::Counsellor && raw.counsellor_id.as_deref().is_none_or(str::is_empty) {
        raw.counsellor_id = Some(me.user.id.clone());
    }
    let (values, names) = person_input::person(&raw, today()).map_err(AppError::Validation)?;
    check_counsellor(state, me, values.counsellor_id.as_deref()).await?;
    let rel = logic::relation(me, &values, None, &[]);
    me.authorize(
        state,
        Action::Create,
        Resource::PersonData {
            class: DataClass::Identity,
            relation: rel,
        },
    )
    .await?;
    let keys = logic::keys_of(&values, &names);
    let who = me.owned_who();
    let lang = match_lang(None, me);
    state
        .db(move |c| {
            let query = Query {
                name: format!("{} {}", values.family_name, values.given_names),
                birth_date: values
                    .birth_date
                    .as_deref()
                    .and_then(|d| ankommen_domain::date::PartialDate::parse("b", d).ok()),
                case_number: None,
            };
            let dups: Vec<Hit> = logic::search(c, &who.tenant_id, &query, lang)?
                .into_iter()
                .filter(|h| h.likely_duplicate)
                .collect();
            let person = persons::create(
                c,
                who.get(),
                &values,
                Names {
                    variants: &names,
                    keys: &keys,
                },
            )?;
            Ok((person, dups))
        })
        .await
}

/// Create a person. The minimal body is `{"family_name", "given_names", "birth_date"}`.
#[utoipa::path(post, path = "/api/v1/persons", tag = "persons", request_body = PersonIn,
    responses((status = 201, body = Created), (status = 422, body = crate::error::Problem)), security(("bearer" = []), ("cookie" = [])))]
pub async fn create(
    State(state): State<AppState>,
    me: CurrentUser,
    ApiJson(raw): ApiJson<PersonIn>,
) -> AppResult<(StatusCode, Json<Created>)> {
    let (person, dups) = create_person(&state, &me, raw).await?;
    let classes = logic::allowed_classes(&me, &person.values, Action::Read, None, &[]);
    Ok((
        StatusCode::CREATED,
        Json(Created {
            person: logic::to_out(&person, &classes),
            possible_duplicates: dups,
        }),
    ))
}

fn break_glass(headers: &HeaderMap) -> Option<String> {
    headers
        .get("x-break-glass-reason")
        .and_then(|v| v.to_str().ok())
        .map(|s| s.chars().take(500).collect())
}

/// Shared by API and UI: loads a person with the classes `me` may read, auditing the read
/// (or the refusal). Classes shared with `me`'s organisation by an accepted referral count as
/// readable (its scope, narrowed by the consent it rests on; a consent alone opens nothing). A counsellor outside the own caseload reads under an active
/// break-the-glass grant, or gets one by stating `reason` (time-limited, reviewed by team
/// leads). Persons the caller may not see at all are "not found" — unless a referral once
/// gave the caller's organisation access: then the refusal is a 403 ("access ended").
pub async fn read_person(
    state: &AppState,
    me: &CurrentUser,
    id: &str,
    reason: Option<String>,
) -> AppResult<(Person, Vec<DataClass>)> {
    let id = path_id(id)?;
    let tenant = me.user.tenant_id.clone();
    let org = me.user.org_id.clone();
    let uid = me.user.id.clone();
    let counsellor = me.user.role == Role::Counsellor;
    let who = me.owned_who();
    let (person, shared, grant, ever) = state
        .db(move |c| {
            let person = persons::get(c, &tenant, &id)?;
            // A consent is the basis of sharing, not the sharing: an organisation reads what
            // an accepted referral (resting on consent or a legal basis) lets it read.
            let shared = referrals::readable_for(c, &tenant, &id, &org, today())?;
            let own = person.values.counsellor_id.as_deref() == Some(uid.as_str());
            let grant = if counsellor && !own {
                match break_glass::active(c, &tenant, &id, &uid)? {
                    Some(g) => Some(g),
                    None => match reason.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
                        Some(r) => {
                            let hours = retention::network_settings(c, &tenant)?.break_glass_hours;
                            Some(break_glass::grant(
                                c,
                                who.get(),
                                &id,
                                &uid,
                                r,
                                i64::from(hours),
                            )?)
                        }
                        None => None,
                    },
                }
            } else {
                None
            };
            let ever = referrals::ever_received(c, &tenant, &id, &org)?;
            Ok((person, shared, grant, ever))
        })
        .await?;
    let glass = grant.map(|g| g.reason);
    let classes =
        logic::allowed_classes(me, &person.values, Action::Read, glass.as_deref(), &shared);
    let who = me.owned_who();
    let pid = person.id.clone();
    let denied = classes.is_empty();
    let audited = classes.clone();
    state
        .db(move |c| {
            let mut entry = Entry::new("person.read", "person", Some(&pid));
            entry.person_id = Some(&pid);
            entry.data_classes = &audited;
            entry.purpose = glass.as_deref();
            if denied {
                entry = entry.denied();
            }
            audit::record(c, who.get(), entry)
        })
        .await?;
    if denied {
        return Err(if ever {
            AppError::forbidden(
                "your organisation has no current access to this person (the referral is not accepted yet, was withdrawn or completed, or the consent was withdrawn or expired)",
            )
        } else {
            AppError::not_found()
        });
    }
    Ok((person, classes))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ReadParams {
    /// Break the glass: the reason to open a record outside one's caseload (audited).
    pub reason: Option<String>,
}

/// One person, with the classes the caller may see.
#[utoipa::path(get, path = "/api/v1/persons/{id}", tag = "persons", params(ReadParams),
    responses((status = 200, body = PersonOut), (status = 404, body = crate::error::Problem)), security(("bearer" = []), ("cookie" = [])))]
pub async fn get(
    State(state): State<AppState>,
    me: CurrentUser,
    headers: HeaderMap,
    Path(id): Path<String>,
    ApiQuery(p): ApiQuery<ReadParams>,
) -> AppResult<Json<PersonOut>> {
    let (person, classes) =
        read_person(&state, &me, &id, p.reason.or_else(|| break_glass(&headers))).await?;
    Ok(Json(logic::to_out(&person, &classes)))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct UpdatePerson {
    #[serde(flatten)]
    pub person: PersonIn,
    /// The version read; a stale one answers 409 naming who changed the record.
    pub version: i32,
}

/// Shared by API and UI: checks that every changed field's class may be written, then saves.
pub async fn update_person(
    state: &AppState,
    me: &CurrentUser,
    id: &str,
    raw: &PersonIn,
    version: i32,
) -> AppResult<Person> {
    let (before, _) = read_person(state, me, id, None).await?;
    // Reassignment is explicit: without `counsellor_id` the case stays where it is.
    let mut raw = raw.clone();
    if raw.counsellor_id.is_none() {
        raw.counsellor_id = before.values.counsellor_id.clone();
    }
    let (values, names) = person_input::person(&raw, today()).map_err(AppError::Validation)?;
    if values.counsellor_id != before.values.counsellor_id {
        check_counsellor(state, me, values.counsellor_id.as_deref()).await?;
    }
    let writable = logic::allowed_classes(me, &before.values, Action::Update, None, &[]);
    let mut touched: Vec<DataClass> = before
        .values
        .fields()
        .into_iter()
        .zip(values.fields())
        .filter(|((_, old), (_, new))| old != new)
        .map(|((f, _), _)| class_of(f))
        .collect();
    if before.names != names {
        touched.push(DataClass::Identity);
    }
    if let Some(class) = touched.iter().find(|c| !writable.contains(c)) {
        let rel: Relation<'_> = logic::relation(me, &before.values, None, &[]);
        me.authorize(
            state,
            Action::Update,
            Resource::PersonData {
                class: *class,
                relation: rel,
            },
        )
        .await?;
    }
    let keys = logic::keys_of(&values, &names);
    let who = me.owned_who();
    let pid = before.id.clone();
    state
        .db(move |c| {
            persons::update(
                c,
                who.get(),
                &pid,
                version,
                &values,
                Names {
                    variants: &names,
                    keys: &keys,
                },
                |f| class_of(f).as_str(),
            )
        })
        .await
}

/// Update a person (send the whole record and the version read).
#[utoipa::path(put, path = "/api/v1/persons/{id}", tag = "persons", request_body = UpdatePerson,
    responses((status = 200, body = PersonOut), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn update(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<UpdatePerson>,
) -> AppResult<Json<PersonOut>> {
    let person = update_person(&state, &me, &id, &body.person, body.version).await?;
    let classes = logic::allowed_classes(&me, &person.values, Action::Read, None, &[]);
    Ok(Json(logic::to_out(&person, &classes)))
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct EligibilityOut {
    /// The date the rules were applied for.
    pub on: String,
    #[schema(value_type = Vec<Object>)]
    pub findings: Vec<ankommen_domain::eligibility::Finding>,
}

/// Eligibility findings (integration course, course type, start module, job-related German,
/// access to work, responsible agency), each with its legal basis and the facts it used.
#[utoipa::path(get, path = "/api/v1/persons/{id}/eligibility", tag = "persons",
    responses((status = 200, body = EligibilityOut), (status = 404, body = crate::error::Problem)), security(("bearer" = []), ("cookie" = [])))]
pub async fn eligibility(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<EligibilityOut>> {
    let (person, classes) = read_person(&state, &me, &id, None).await?;
    if !classes.contains(&DataClass::Residence) {
        return Err(AppError::forbidden(
            "eligibility needs the residence data, which you may not see",
        ));
    }
    let sections = crate::api::assessments::latest_sections(&state, &me, &person).await?;
    let on = today();
    Ok(Json(EligibilityOut {
        on: on.to_string(),
        findings: logic::eligibility(&person.values, &sections, on),
    }))
}

/// Who changed which field from what to what (only fields of classes the caller may see).
#[utoipa::path(get, path = "/api/v1/persons/{id}/history", tag = "persons",
    responses((status = 200, body = [Object]), (status = 404, body = crate::error::Problem)), security(("bearer" = []), ("cookie" = [])))]
pub async fn history(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<persons::Change>>> {
    let (person, mut classes) = read_person(&state, &me, &id, None).await?;
    // Changes of the situation analysis carry their section's class.
    classes.extend(crate::api::assessments::section_classes(
        &me,
        &person.values,
        Action::Read,
        None,
    ));
    let tenant = me.user.tenant_id.clone();
    let changes = state
        .db(move |c| persons::changes(c, &tenant, &person.id))
        .await?;
    Ok(Json(
        changes
            .into_iter()
            .filter(|ch| DataClass::parse(&ch.data_class).is_ok_and(|c| classes.contains(&c)))
            .collect(),
    ))
}

/// Every access to and change of this person's record (team leads, administrators, and the
/// responsible counsellor).
#[utoipa::path(get, path = "/api/v1/persons/{id}/audit", tag = "persons",
    responses((status = 200, body = [crate::api::audit::AuditOut]), (status = 403, body = crate::error::Problem)), security(("bearer" = []), ("cookie" = [])))]
pub async fn audit_trail(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<crate::api::audit::AuditOut>>> {
    let id = path_id(&id)?;
    let tenant = me.user.tenant_id.clone();
    let pid = id.clone();
    let person = state.db(move |c| persons::get(c, &tenant, &pid)).await?;
    let own = logic::relation(&me, &person.values, None, &[]).own_caseload
        && me.user.role == Role::Counsellor;
    if !own {
        me.authorize(&state, Action::Read, Resource::AuditLog)
            .await?;
    }
    let tenant = me.user.tenant_id.clone();
    let rows = state
        .db(move |c| audit::recent(c, &tenant, 500, None, Some(&id)))
        .await?;
    Ok(Json(
        rows.into_iter()
            .map(crate::api::audit::AuditOut::from)
            .collect(),
    ))
}
