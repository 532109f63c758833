//! Referrals over HTTP (issue 7). The migration centre's case worker refers a person to a
//! partner with a data scope and a basis (consent or legal basis, checked in the database
//! transaction); the receiving organisation answers (accept, decline with a reason, complete
//! with an outcome the sender sees) and, while the referral is accepted, reads exactly the
//! scoped classes of that person (`GET /api/v1/referrals/{id}/person`, audited). Withdrawal of
//! the referral or of the consent it rests on ends that access at once: the next request is
//! 403 and audited. Referrals of other organisations are "not found".

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use ankommen_db::audit::{self, Entry};
use ankommen_db::referrals::{self as repo, NewReferral, ReferralRow};
use ankommen_db::{assessments, offers, orgs, retention};
use ankommen_domain::offer::long_text;
use ankommen_domain::policy::{Action, Resource};
use ankommen_domain::referral::{Event, LegalBasis, Side, State as RefState};
use ankommen_domain::validate::{FieldError, required_text};
use ankommen_domain::{DataClass, Role};

use crate::AppState;
use crate::api::path_id;
use crate::api::persons::read_person;
use crate::auth::CurrentUser;
use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, ApiQuery};
use crate::persons::{self as logic, PersonOut};

fn today() -> time::Date {
    ankommen_db::now().date()
}

/// A referral to create.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReferralIn {
    /// The receiving organisation.
    #[serde(default)]
    pub to_org_id: String,
    /// One of the receiver's offers.
    pub offer_id: Option<String>,
    /// The plan step this referral carries out.
    pub plan_step_id: Option<String>,
    /// Data classes the receiver may read while the referral is accepted.
    #[serde(default)]
    pub scope: Vec<String>,
    /// What the receiver is asked to do (at most 500 characters).
    #[serde(default)]
    pub purpose: String,
    /// A message to the receiver (at most 2000 characters).
    pub message: Option<String>,
    /// The consent covering receiver and scope; or
    pub consent_id: Option<String>,
    /// a legal basis: `sgb_x_69`, `sgb_ii_50`, `sgb_viii_8a`, `sgb_x_71`.
    pub legal_basis: Option<String>,
    /// Answer expected by this day (default: today + the tenant's reminder days).
    pub respond_by: Option<String>,
    /// Send at once (default: keep a draft).
    #[serde(default)]
    pub send: bool,
}

/// A referral as the API returns it, seen from the caller's side.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ReferralOut {
    pub id: String,
    pub person_id: String,
    /// The person's name: for the sender, and for the receiver while it may read identity.
    pub person_name: Option<String>,
    pub from_org_id: String,
    pub from_org_name: String,
    pub to_org_id: String,
    pub to_org_name: String,
    pub offer_id: Option<String>,
    pub offer_title: Option<String>,
    pub plan_step_id: Option<String>,
    pub scope: Vec<String>,
    pub purpose: String,
    pub message: Option<String>,
    pub consent_id: Option<String>,
    pub legal_basis: Option<String>,
    pub legal_basis_citation: Option<String>,
    /// `draft`, `sent`, `accepted`, `declined`, `completed`, `withdrawn`.
    pub state: String,
    pub respond_by: Option<String>,
    /// Sent and not answered by `respond_by`.
    pub overdue: bool,
    pub sent_at: Option<String>,
    pub answered_at: Option<String>,
    pub ended_at: Option<String>,
    pub decline_reason: Option<String>,
    pub outcome: Option<String>,
    pub withdraw_reason: Option<String>,
    pub version: i32,
    /// `sender` or `receiver`.
    pub side: String,
    /// What the caller may do next.
    pub actions: Vec<String>,
}

/// Which side `me` is on; `None`: neither (the referral is "not found" for them).
pub fn side_of(me: &CurrentUser, row: &ReferralRow) -> Option<Side> {
    let sender = row.from_org_id == me.user.org_id
        && matches!(me.user.role, Role::Counsellor | Role::TeamLead);
    let receiver = row.to_org_id == me.user.org_id
        && !matches!(me.user.role, Role::Admin | Role::Editor | Role::Analyst);
    let resource = Resource::Referral {
        sender_org: &row.from_org_id,
        receiver_org: &row.to_org_id,
    };
    if !ankommen_domain::policy::can(&me.actor(), Action::Read, &resource).is_allowed() {
        return None;
    }
    if sender {
        Some(Side::Sender)
    } else if receiver && row.state() != RefState::Draft {
        Some(Side::Receiver)
    } else {
        None
    }
}

fn actions(state: RefState, side: Side) -> Vec<String> {
    Event::ALL
        .iter()
        .filter(|e| ankommen_domain::referral::next(state, **e, side, Some("x")).is_ok())
        .map(|e| e.as_str().to_owned())
        .collect()
}

/// Names for the output: organisations, offers, and the person names the caller may see.
pub struct Names {
    pub orgs: Vec<orgs::Organisation>,
    pub offers: Vec<(String, String)>,
}

pub fn load_names(c: &mut ankommen_db::Db, tenant: &str) -> ankommen_db::DbResult<Names> {
    let orgs = orgs::list(c, tenant)?;
    let offers = offers::search(
        c,
        tenant,
        &offers::Filter {
            include_inactive: true,
            ..Default::default()
        },
    )?
    .into_iter()
    .map(|l| (l.offer.id, l.offer.title))
    .collect();
    Ok(Names { orgs, offers })
}

pub fn to_out(
    row: ReferralRow,
    side: Side,
    names: &Names,
    person_name: Option<String>,
) -> ReferralOut {
    let org_name = |id: &str| {
        names
            .orgs
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.name.clone())
            .unwrap_or_default()
    };
    let state = row.state();
    let overdue = state == RefState::Sent
        && row
            .respond_by
            .as_deref()
            .is_some_and(|d| d < today().to_string().as_str());
    ReferralOut {
        from_org_name: org_name(&row.from_org_id),
        to_org_name: org_name(&row.to_org_id),
        offer_title: row.offer_id.as_ref().and_then(|id| {
            names
                .offers
                .iter()
                .find(|(o, _)| o == id)
                .map(|(_, t)| t.clone())
        }),
        scope: row.scope().iter().map(|c| c.as_str().to_owned()).collect(),
        legal_basis_citation: row.legal_basis().map(|l| l.citation().to_owned()),
        side: match side {
            Side::Sender => "sender",
            Side::Receiver => "receiver",
        }
        .to_owned(),
        actions: actions(state, side),
        overdue,
        person_name,
        id: row.id,
        person_id: row.person_id,
        from_org_id: row.from_org_id,
        to_org_id: row.to_org_id,
        offer_id: row.offer_id,
        plan_step_id: row.plan_step_id,
        purpose: row.purpose,
        message: row.message,
        consent_id: row.consent_id,
        legal_basis: row.legal_basis,
        state: row.state,
        respond_by: row.respond_by,
        sent_at: row.sent_at.map(ankommen_db::dialect::format_ts),
        answered_at: row.answered_at.map(ankommen_db::dialect::format_ts),
        ended_at: row.ended_at.map(ankommen_db::dialect::format_ts),
        decline_reason: row.decline_reason,
        outcome: row.outcome,
        withdraw_reason: row.withdraw_reason,
        version: row.version,
    }
}

/// A referral's checked fields: scope, purpose, message, legal basis, answer-by day.
type Parsed = (
    Vec<DataClass>,
    String,
    Option<String>,
    Option<LegalBasis>,
    Option<time::Date>,
);

fn parse_input(raw: &ReferralIn) -> Result<Parsed, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut scope = Vec::new();
    for s in raw.scope.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        match DataClass::parse(s) {
            Ok(c) => scope.push(c),
            Err(e) => errors.push(FieldError::new("scope", "unknown_value", e.to_string())),
        }
    }
    scope.sort();
    scope.dedup();
    let purpose = required_text("purpose", &raw.purpose, 500)
        .map_err(|e| errors.push(e))
        .ok();
    let message = long_text("message", raw.message.as_deref().unwrap_or(""), 2000)
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
    let basis = match raw
        .legal_basis
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => None,
        Some(b) => LegalBasis::parse(b)
            .map_err(|e| {
                errors.push(FieldError::new(
                    "legal_basis",
                    "unknown_value",
                    e.to_string(),
                ))
            })
            .ok(),
    };
    let respond_by = match raw
        .respond_by
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => None,
        Some(d) => ankommen_domain::plan::parse_date("respond_by", d)
            .map_err(|e| errors.push(e))
            .ok(),
    };
    if raw.to_org_id.trim().is_empty() {
        errors.push(FieldError::new("to_org_id", "required", "is required"));
    }
    match purpose {
        Some(p) if errors.is_empty() => Ok((scope, p, message, basis, respond_by)),
        _ => Err(errors),
    }
}

/// Creates a referral of `person_id` (shared with the UI).
pub async fn create_for(
    state: &AppState,
    me: &CurrentUser,
    person_id: &str,
    raw: ReferralIn,
) -> AppResult<ReferralOut> {
    let (person, _) = read_person(state, me, person_id, None).await?;
    let to_org = raw.to_org_id.trim().to_owned();
    me.authorize(
        state,
        Action::Create,
        Resource::Referral {
            sender_org: &me.user.org_id,
            receiver_org: &to_org,
        },
    )
    .await?;
    if !crate::api::consents::can_manage(me, &person.values) {
        return Err(AppError::forbidden(
            "only the person's case worker refers them",
        ));
    }
    let (scope, purpose, message, legal_basis, respond_by) =
        parse_input(&raw).map_err(AppError::Validation)?;
    // The sender shares only what it may read itself.
    let readable = logic::allowed_classes(me, &person.values, Action::Read, None, &[]);
    let sections = crate::api::assessments::section_classes(me, &person.values, Action::Read, None);
    if let Some(c) = scope
        .iter()
        .find(|c| !readable.contains(c) && !sections.contains(c))
    {
        return Err(FieldError::new(
            "scope",
            "scope_not_readable",
            format!("you may not read '{c}' yourself"),
        )
        .into());
    }
    let input = NewReferral {
        person_id: person.id.clone(),
        from_org_id: me.user.org_id.clone(),
        to_org_id: to_org,
        offer_id: raw.offer_id.filter(|s| !s.trim().is_empty()),
        plan_step_id: raw.plan_step_id.filter(|s| !s.trim().is_empty()),
        scope,
        purpose,
        message,
        consent_id: raw.consent_id.filter(|s| !s.trim().is_empty()),
        legal_basis,
        respond_by,
        send: raw.send,
    };
    let who = me.owned_who();
    let tenant = me.user.tenant_id.clone();
    let name = format!(
        "{}, {}",
        person.values.family_name, person.values.given_names
    );
    let (row, names) = state
        .db(move |c| {
            let days = retention::network_settings(c, &tenant)?.referral_reminder_days;
            let row = repo::create(c, who.get(), &input, today(), i64::from(days))?;
            Ok((row, load_names(c, &tenant)?))
        })
        .await?;
    Ok(to_out(row, Side::Sender, &names, Some(name)))
}

/// Refers a person (a draft, or sent at once with `send: true`).
#[utoipa::path(post, path = "/api/v1/persons/{id}/referrals", tag = "network", request_body = ReferralIn,
    responses((status = 201, body = ReferralOut), (status = 403, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn create(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(raw): ApiJson<ReferralIn>,
) -> AppResult<(StatusCode, Json<ReferralOut>)> {
    Ok((
        StatusCode::CREATED,
        Json(create_for(&state, &me, &id, raw).await?),
    ))
}

/// A person's referrals as the sender sees them (shared with the UI).
pub async fn for_person(
    state: &AppState,
    me: &CurrentUser,
    person_id: &str,
) -> AppResult<Vec<ReferralOut>> {
    let (person, _) = read_person(state, me, person_id, None).await?;
    let tenant = me.user.tenant_id.clone();
    let pid = person.id.clone();
    let (rows, names) = state
        .db(move |c| Ok((repo::for_person(c, &tenant, &pid)?, load_names(c, &tenant)?)))
        .await?;
    let name = format!(
        "{}, {}",
        person.values.family_name, person.values.given_names
    );
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let side = side_of(me, &r)?;
            Some(to_out(
                r,
                side,
                &names,
                (side == Side::Sender).then(|| name.clone()),
            ))
        })
        .collect())
}

/// A person's referrals (sender side).
#[utoipa::path(get, path = "/api/v1/persons/{id}/referrals", tag = "network",
    responses((status = 200, body = [ReferralOut]), (status = 404, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn list_for_person(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<ReferralOut>>> {
    Ok(Json(for_person(&state, &me, &id).await?))
}

#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct BoxQuery {
    /// `incoming` (default) or `outgoing`.
    #[serde(rename = "box")]
    pub mailbox: Option<String>,
}

/// Incoming or outgoing referrals of the caller's organisation (shared with the UI). The
/// receiver sees a person's name only while its referral lets it read identity.
pub async fn mailbox(
    state: &AppState,
    me: &CurrentUser,
    outgoing: bool,
) -> AppResult<Vec<ReferralOut>> {
    if matches!(me.user.role, Role::Admin | Role::Editor | Role::Analyst) {
        return Err(AppError::forbidden("this role never sees case data"));
    }
    let tenant = me.user.tenant_id.clone();
    let org = me.user.org_id.clone();
    let lead = me.user.role == Role::TeamLead;
    let uid = me.user.id.clone();
    let (rows, names, people) = state
        .db(move |c| {
            let mut rows = if outgoing {
                repo::outgoing(c, &tenant, &org)?
            } else {
                repo::incoming(c, &tenant, &org)?
            };
            if outgoing && !lead {
                // A counsellor's own referrals and those of the own caseload.
                let ids: Vec<String> = rows.iter().map(|r| r.person_id.clone()).collect();
                let theirs: Vec<String> = ankommen_db::persons::get_many(c, &tenant, &ids)?
                    .into_iter()
                    .filter(|p| p.values.counsellor_id.as_deref() == Some(uid.as_str()))
                    .map(|p| p.id)
                    .collect();
                rows.retain(|r| {
                    r.created_by.as_deref() == Some(uid.as_str()) || theirs.contains(&r.person_id)
                });
            }
            let mut people = Vec::new();
            for r in &rows {
                let readable = outgoing
                    || repo::readable_for(c, &tenant, &r.person_id, &org, today())?
                        .contains(&DataClass::Identity);
                if readable {
                    let p = ankommen_db::persons::get(c, &tenant, &r.person_id)?;
                    people.push((
                        r.id.clone(),
                        format!("{}, {}", p.values.family_name, p.values.given_names),
                    ));
                }
            }
            Ok((rows, load_names(c, &tenant)?, people))
        })
        .await?;
    // Names shown to a receiver are a read of identity data: audited per person.
    if !outgoing && !people.is_empty() {
        let who = me.owned_who();
        let ids: Vec<String> = rows
            .iter()
            .filter(|r| people.iter().any(|(id, _)| *id == r.id))
            .map(|r| r.person_id.clone())
            .collect();
        state
            .db(move |c| {
                for pid in &ids {
                    let mut e = Entry::new("person.read", "person", Some(pid))
                        .detail(serde_json::json!({ "via": "referral_list" }));
                    e.person_id = Some(pid);
                    e.data_classes = &[DataClass::Identity];
                    audit::record(c, who.get(), e)?;
                }
                Ok(())
            })
            .await?;
    }
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let side = side_of(me, &r)?;
            let name = people
                .iter()
                .find(|(id, _)| *id == r.id)
                .map(|(_, n)| n.clone());
            Some(to_out(r, side, &names, name))
        })
        .collect())
}

/// The caller's organisation's incoming (default) or outgoing referrals.
#[utoipa::path(get, path = "/api/v1/referrals", tag = "network", params(BoxQuery),
    responses((status = 200, body = [ReferralOut]), (status = 403, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn list(
    State(state): State<AppState>,
    me: CurrentUser,
    ApiQuery(q): ApiQuery<BoxQuery>,
) -> AppResult<Json<Vec<ReferralOut>>> {
    let outgoing = match q.mailbox.as_deref().unwrap_or("incoming") {
        "incoming" => false,
        "outgoing" => true,
        other => {
            return Err(FieldError::new(
                "box",
                "unknown_value",
                format!(
                    "unknown box '{}'; expected incoming or outgoing",
                    other.chars().take(20).collect::<String>()
                ),
            )
            .into());
        }
    };
    Ok(Json(mailbox(&state, &me, outgoing).await?))
}

/// One referral for `me` (404 if it is not theirs) with the side they are on.
pub async fn load(state: &AppState, me: &CurrentUser, id: &str) -> AppResult<(ReferralOut, Side)> {
    let id = path_id(id)?;
    let tenant = me.user.tenant_id.clone();
    let org = me.user.org_id.clone();
    let viewer = me.clone();
    let found = state
        .db(move |c| {
            let row = repo::get(c, &tenant, &id)?;
            let Some(side) = side_of(&viewer, &row) else {
                return Ok(None);
            };
            let person = ankommen_db::persons::get(c, &tenant, &row.person_id)?;
            // A counsellor sees the referrals of the own caseload and those they wrote.
            let mine = viewer.user.role != Role::Counsellor
                || person.values.counsellor_id.as_deref() == Some(viewer.user.id.as_str())
                || row.created_by.as_deref() == Some(viewer.user.id.as_str());
            if side == Side::Sender && !mine {
                return Ok(None);
            }
            let identity = match side {
                Side::Sender => true,
                Side::Receiver => repo::readable_for(c, &tenant, &row.person_id, &org, today())?
                    .contains(&DataClass::Identity),
            };
            let name = identity.then(|| {
                format!(
                    "{}, {}",
                    person.values.family_name, person.values.given_names
                )
            });
            Ok(Some((row, side, load_names(c, &tenant)?, name)))
        })
        .await?;
    let (row, side, names, identity) = found.ok_or_else(AppError::not_found)?;
    if identity.is_some() {
        let who = me.owned_who();
        let pid = row.person_id.clone();
        state
            .db(move |c| {
                let mut e = Entry::new("person.read", "person", Some(&pid))
                    .detail(serde_json::json!({ "via": "referral" }));
                e.person_id = Some(&pid);
                e.data_classes = &[DataClass::Identity];
                audit::record(c, who.get(), e)
            })
            .await?;
    }
    Ok((to_out(row, side, &names, identity), side))
}

/// One referral.
#[utoipa::path(get, path = "/api/v1/referrals/{id}", tag = "network",
    responses((status = 200, body = ReferralOut), (status = 404, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn get(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<ReferralOut>> {
    Ok(Json(load(&state, &me, &id).await?.0))
}

/// What the receiver sees of the person: the record's readable classes and the sections of
/// the newest completed analysis that its scope covers.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ScopedPerson {
    pub person: PersonOut,
    /// Sections of the newest completed situation analysis within the scope, by section name.
    #[schema(value_type = Object)]
    pub sections: serde_json::Map<String, serde_json::Value>,
}

/// The person as the caller may see them through this referral (shared with the UI); 403
/// (audited) once the access ended.
pub async fn scoped_person(
    state: &AppState,
    me: &CurrentUser,
    id: &str,
) -> AppResult<ScopedPerson> {
    let (r, _) = load(state, me, id).await?;
    let (person, classes) = read_person(state, me, &r.person_id, None).await?;
    let tenant = me.user.tenant_id.clone();
    let org = me.user.org_id.clone();
    let pid = person.id.clone();
    let receiver = r.side == "receiver";
    let section_scope: Vec<DataClass> = if receiver {
        let (t, o, p) = (tenant.clone(), org.clone(), pid.clone());
        state
            .db(move |c| repo::readable_for(c, &t, &p, &o, today()))
            .await?
    } else {
        crate::api::assessments::section_classes(me, &person.values, Action::Read, None)
    };
    let rows = {
        let (t, p) = (tenant, pid.clone());
        state
            .db(move |c| {
                let list = assessments::list(c, &t, &p)?;
                match list.iter().find(|a| a.is_completed()) {
                    Some(a) => Ok(assessments::get(c, &t, &p, a.number)?.sections),
                    None => Ok(vec![]),
                }
            })
            .await?
    };
    let mut sections = serde_json::Map::new();
    let mut seen = Vec::new();
    for s in rows {
        let Ok(class) = DataClass::parse(&s.data_class) else {
            continue;
        };
        if section_scope.contains(&class) {
            sections.insert(
                s.section.clone(),
                serde_json::from_str(&s.content).unwrap_or_default(),
            );
            seen.push(class);
        }
    }
    seen.sort();
    seen.dedup();
    if !seen.is_empty() {
        let who = me.owned_who();
        state
            .db(move |c| {
                let mut e = Entry::new("assessment.read", "person", Some(&pid))
                    .detail(serde_json::json!({ "via": "referral" }));
                e.person_id = Some(&pid);
                e.data_classes = &seen;
                audit::record(c, who.get(), e)
            })
            .await?;
    }
    Ok(ScopedPerson {
        person: logic::to_out(&person, &classes),
        sections,
    })
}

/// The referred person, within the referral's scope. 403 once the access ended.
#[utoipa::path(get, path = "/api/v1/referrals/{id}/person", tag = "network",
    responses((status = 200, body = ScopedPerson), (status = 403, body = crate::error::Problem), (status = 404, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn person(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<ScopedPerson>> {
    Ok(Json(scoped_person(&state, &me, &id).await?))
}

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ActIn {
    /// The referral's version as read.
    pub version: i32,
    /// The reason (decline, withdraw) or the outcome (complete).
    pub text: Option<String>,
}

/// Applies `event` for `me` (shared with the UI).
pub async fn act(
    state: &AppState,
    me: &CurrentUser,
    id: &str,
    event: Event,
    version: i32,
    text: Option<String>,
) -> AppResult<ReferralOut> {
    let (r, side) = load(state, me, id).await?;
    me.authorize(
        state,
        Action::Update,
        Resource::Referral {
            sender_org: &r.from_org_id,
            receiver_org: &r.to_org_id,
        },
    )
    .await?;
    if side == Side::Sender {
        // Acting for the person is the case worker's job.
        let (person, _) = read_person(state, me, &r.person_id, None).await?;
        if !crate::api::consents::can_manage(me, &person.values) {
            return Err(AppError::forbidden(
                "only the person's case worker acts on their referrals",
            ));
        }
    }
    let tenant = me.user.tenant_id.clone();
    let who = me.owned_who();
    let rid = r.id.clone();
    let row = state
        .db(move |c| {
            let days = retention::network_settings(c, &tenant)?.referral_reminder_days;
            repo::transition(
                c,
                who.get(),
                &rid,
                version,
                event,
                side,
                text.as_deref(),
                today(),
                i64::from(days),
            )
        })
        .await?;
    let _ = row;
    Ok(load(state, me, &r.id).await?.0)
}

/// Sends, accepts, declines, completes or withdraws a referral.
#[utoipa::path(post, path = "/api/v1/referrals/{id}/{action}", tag = "network", request_body = ActIn,
    params(("action" = String, Path, description = "send, accept, decline, complete or withdraw")),
    responses((status = 200, body = ReferralOut), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn transition(
    State(state): State<AppState>,
    me: CurrentUser,
    Path((id, action)): Path<(String, String)>,
    ApiJson(body): ApiJson<ActIn>,
) -> AppResult<Json<ReferralOut>> {
    let event = Event::parse(&action).map_err(|_| AppError::not_found())?;
    Ok(Json(
        act(&state, &me, &id, event, body.version, body.text).await?,
    ))
}
