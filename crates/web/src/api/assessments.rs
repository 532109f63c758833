//! Situation analyses over HTTP: list and start one, read it (only the sections whose data
//! class the caller may see; every read audited), save one section with its own version,
//! complete it. The functions here are shared by the API handlers and the UI pages.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use ankommen_db::assessments::{self as repo, Assessment, SaveSection, SectionRow, WithSections};
use ankommen_db::audit::{self, Entry};
use ankommen_db::persons::{Person, PersonValues};
use ankommen_domain::assessment::{self, Section};
use ankommen_domain::policy::{Action, Resource, can};
use ankommen_domain::validate::FieldError;
use ankommen_domain::{DataClass, Role};

use crate::AppState;
use crate::api::persons::{ReadParams, read_person};
use crate::auth::CurrentUser;
use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, ApiQuery};
use crate::persons as logic;

/// The data classes sections of an analysis belong to (`Section::data_class`).
pub const SECTION_CLASSES: [DataClass; 4] = [
    DataClass::Family,
    DataClass::Education,
    DataClass::Health,
    DataClass::Notes,
];

/// The section classes of `person` that `me` may do `action` to. Health (GDPR Art. 9) is
/// for the responsible counsellor and team leads only, as the policy says.
pub fn section_classes(
    me: &CurrentUser,
    person: &PersonValues,
    action: Action,
    break_glass: Option<&str>,
) -> Vec<DataClass> {
    // Consents reach the sections with the sharing of later issues.
    let rel = logic::relation(me, person, break_glass, &[]);
    SECTION_CLASSES
        .into_iter()
        .filter(|class| {
            can(
                &me.actor(),
                action,
                &Resource::PersonData {
                    class: *class,
                    relation: rel,
                },
            )
            .is_allowed()
        })
        .collect()
}

/// The sections of a person's newest situation analysis (the newest completed one, else the
/// newest draft) that `me` may read: what the eligibility rules add to the record's facts.
pub async fn latest_sections(
    state: &AppState,
    me: &CurrentUser,
    person: &Person,
) -> AppResult<Vec<assessment::Content>> {
    let readable = section_classes(me, &person.values, Action::Read, None);
    if readable.is_empty() {
        return Ok(vec![]);
    }
    let (tenant, pid) = (me.user.tenant_id.clone(), person.id.clone());
    let rows = state
        .db(move |c| {
            let list = repo::list(c, &tenant, &pid)?;
            let pick = list
                .iter()
                .find(|a| a.is_completed())
                .or_else(|| list.first());
            match pick {
                Some(a) => Ok(repo::get(c, &tenant, &pid, a.number)?.sections),
                None => Ok(vec![]),
            }
        })
        .await?;
    Ok(rows
        .into_iter()
        .filter(|r| DataClass::parse(&r.data_class).is_ok_and(|c| readable.contains(&c)))
        .filter_map(|r| {
            let section = Section::parse(&r.section).ok()?;
            assessment::parse(section, &mut serde_json::Deserializer::from_str(&r.content)).ok()
        })
        .collect())
}

/// One section as the API returns it; a section never saved has no content and version 0.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SectionOut {
    pub section: String,
    pub data_class: String,
    #[schema(value_type = Option<Object>)]
    pub content: Option<serde_json::Value>,
    /// Send it back when saving; 0 for a section never saved.
    pub version: i32,
    pub updated_at: Option<String>,
    pub updated_by: Option<String>,
}

/// An analysis with the sections the caller may see.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AssessmentOut {
    pub number: i32,
    /// `draft` or `completed`.
    pub status: String,
    pub completed_at: Option<String>,
    pub completed_by: Option<String>,
    pub created_at: String,
    pub created_by: Option<String>,
    /// Send it back when completing.
    pub version: i32,
    pub sections: Vec<SectionOut>,
    /// Sections this caller may not see.
    pub withheld: Vec<String>,
}

/// An analysis in a person's list.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AssessmentSummary {
    pub number: i32,
    pub status: String,
    pub created_at: String,
    pub completed_at: Option<String>,
    pub version: i32,
}

fn ts(t: time::PrimitiveDateTime) -> String {
    ankommen_db::dialect::format_ts(t)
}

pub fn summary(a: &Assessment) -> AssessmentSummary {
    AssessmentSummary {
        number: a.number,
        status: a.status.clone(),
        created_at: ts(a.created_at),
        completed_at: a.completed_at.map(ts),
        version: a.version,
    }
}

pub fn section_out(section: Section, row: Option<&SectionRow>) -> SectionOut {
    SectionOut {
        section: section.as_str().to_owned(),
        data_class: section.data_class().as_str().to_owned(),
        content: row.and_then(|r| serde_json::from_str(&r.content).ok()),
        version: row.map_or(0, |r| r.version),
        updated_at: row.map(|r| ts(r.updated_at)),
        updated_by: row.and_then(|r| r.updated_by.clone()),
    }
}

pub fn to_out(ws: &WithSections, classes: &[DataClass]) -> AssessmentOut {
    let a = &ws.assessment;
    let (visible, withheld): (Vec<Section>, Vec<Section>) = Section::ALL
        .iter()
        .partition(|s| classes.contains(&s.data_class()));
    AssessmentOut {
        number: a.number,
        status: a.status.clone(),
        completed_at: a.completed_at.map(ts),
        completed_by: a.completed_by.clone(),
        created_at: ts(a.created_at),
        created_by: a.created_by.clone(),
        version: a.version,
        sections: visible
            .into_iter()
            .map(|s| section_out(s, ws.sections.iter().find(|r| r.section == s.as_str())))
            .collect(),
        withheld: withheld.iter().map(|s| s.as_str().to_owned()).collect(),
    }
}

/// Parses the `{n}` of a path; anything but a positive number is simply not found.
pub fn path_number(raw: &str) -> AppResult<i32> {
    raw.parse::<i32>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(AppError::not_found)
}

/// Parses the `{section}` of a path.
pub fn path_section(raw: &str) -> AppResult<Section> {
    Section::parse(raw).map_err(|_| AppError::not_found())
}

fn today() -> time::Date {
    ankommen_db::now().date()
}

/// Shared by API and UI: the person (read audited), their analyses.
pub async fn list_for(
    state: &AppState,
    me: &CurrentUser,
    person_id: &str,
) -> AppResult<(Person, Vec<Assessment>)> {
    let (person, _) = read_person(state, me, person_id, None).await?;
    let tenant = me.user.tenant_id.clone();
    let pid = person.id.clone();
    let list = state.db(move |c| repo::list(c, &tenant, &pid)).await?;
    Ok((person, list))
}

/// Shared by API and UI: one analysis and the section classes `me` may read; the read is
/// audited with exactly those classes.
pub async fn load(
    state: &AppState,
    me: &CurrentUser,
    person_id: &str,
    number: &str,
    reason: Option<String>,
) -> AppResult<(Person, WithSections, Vec<DataClass>)> {
    let number = path_number(number)?;
    let (person, _) = read_person(state, me, person_id, reason.clone()).await?;
    let classes = section_classes(me, &person.values, Action::Read, reason.as_deref());
    let who = me.owned_who();
    let pid = person.id.clone();
    let audited = classes.clone();
    let ws = state
        .db(move |c| {
            let ws = repo::get(c, &who.tenant_id, &pid, number)?;
            let mut entry = Entry::new("assessment.read", "person", Some(&pid))
                .detail(serde_json::json!({ "assessment_id": ws.assessment.id, "number": number }));
            entry.person_id = Some(&pid);
            entry.data_classes = &audited;
            audit::record(c, who.get(), entry)?;
            Ok(ws)
        })
        .await?;
    Ok((person, ws, classes))
}

async fn authorize_class(
    state: &AppState,
    me: &CurrentUser,
    person: &Person,
    action: Action,
    class: DataClass,
) -> AppResult<()> {
    me.authorize(
        state,
        action,
        Resource::PersonData {
            class,
            relation: logic::relation(me, &person.values, None, &[]),
        },
    )
    .await
}

/// Shared by API and UI: starts the next analysis (a copy of the previous one's sections).
/// Starting one is the counsellor's work: it needs the right to create notes.
pub async fn create_assessment(
    state: &AppState,
    me: &CurrentUser,
    person_id: &str,
) -> AppResult<(Person, WithSections)> {
    let (person, _) = read_person(state, me, person_id, None).await?;
    authorize_class(state, me, &person, Action::Create, DataClass::Notes).await?;
    let who = me.owned_who();
    let pid = person.id.clone();
    let ws = state.db(move |c| repo::create(c, who.get(), &pid)).await?;
    Ok((person, ws))
}

/// Validates a section's content: the format first (types), then the section's rules.
pub fn validate_content(
    section: Section,
    content: serde_json::Value,
) -> Result<String, Vec<FieldError>> {
    let mut parsed = assessment::parse(section, content)
        .map_err(|e| vec![FieldError::new("content", "malformed", e.to_string())])?;
    parsed.normalize();
    let errs = parsed.validate(today());
    if !errs.is_empty() {
        return Err(errs);
    }
    serde_json::to_string(&parsed)
        .map_err(|e| vec![FieldError::new("content", "malformed", e.to_string())])
}

/// Shared by API and UI: saves one section if the caller may change its data class.
pub async fn save_section(
    state: &AppState,
    me: &CurrentUser,
    person_id: &str,
    number: &str,
    section: Section,
    content: serde_json::Value,
    version: i32,
) -> AppResult<SectionRow> {
    let number = path_number(number)?;
    let (person, _) = read_person(state, me, person_id, None).await?;
    authorize_class(state, me, &person, Action::Update, section.data_class()).await?;
    let json = validate_content(section, content).map_err(AppError::Validation)?;
    let who = me.owned_who();
    state
        .db(move |c| {
            repo::save_section(
                c,
                who.get(),
                SaveSection {
                    person_id: &person.id,
                    number,
                    section: section.as_str(),
                    data_class: section.data_class(),
                    content: &json,
                    version,
                },
            )
        })
        .await
}

/// Shared by API and UI: completes an analysis (the counsellor's sign-off).
pub async fn complete_assessment(
    state: &AppState,
    me: &CurrentUser,
    person_id: &str,
    number: &str,
    version: i32,
) -> AppResult<Assessment> {
    let number = path_number(number)?;
    let (person, _) = read_person(state, me, person_id, None).await?;
    authorize_class(state, me, &person, Action::Update, DataClass::Notes).await?;
    let who = me.owned_who();
    state
        .db(move |c| repo::complete(c, who.get(), &person.id, number, version))
        .await
}

/// Whether `me` may start and complete analyses of this person.
pub fn can_manage(me: &CurrentUser, person: &PersonValues) -> bool {
    matches!(me.user.role, Role::Counsellor | Role::TeamLead)
        && section_classes(me, person, Action::Update, None).contains(&DataClass::Notes)
}

// ---------------------------------------------------------------------------------------
// Handlers.

/// A person's situation analyses, newest first.
#[utoipa::path(get, path = "/api/v1/persons/{id}/assessments", tag = "assessments",
    responses((status = 200, body = [AssessmentSummary]), (status = 404, body = crate::error::Problem)), security(("bearer" = []), ("cookie" = [])))]
pub async fn list(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<AssessmentSummary>>> {
    let (_, list) = list_for(&state, &me, &id).await?;
    Ok(Json(list.iter().map(summary).collect()))
}

/// Start the next situation analysis; it begins as a copy of the previous one's sections.
#[utoipa::path(post, path = "/api/v1/persons/{id}/assessments", tag = "assessments",
    responses((status = 201, body = AssessmentOut), (status = 403, body = crate::error::Problem), (status = 404, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn create(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<(StatusCode, Json<AssessmentOut>)> {
    let (person, ws) = create_assessment(&state, &me, &id).await?;
    let classes = section_classes(&me, &person.values, Action::Read, None);
    Ok((StatusCode::CREATED, Json(to_out(&ws, &classes))))
}

/// One situation analysis with the sections the caller may see (the others are listed as
/// `withheld`). Health-related limitations only for the responsible counsellor and team leads.
#[utoipa::path(get, path = "/api/v1/persons/{id}/assessments/{n}", tag = "assessments", params(ReadParams),
    responses((status = 200, body = AssessmentOut), (status = 404, body = crate::error::Problem)), security(("bearer" = []), ("cookie" = [])))]
pub async fn get(
    State(state): State<AppState>,
    me: CurrentUser,
    Path((id, n)): Path<(String, String)>,
    ApiQuery(p): ApiQuery<ReadParams>,
) -> AppResult<Json<AssessmentOut>> {
    let (_, ws, classes) = load(&state, &me, &id, &n, p.reason).await?;
    Ok(Json(to_out(&ws, &classes)))
}

/// One section (403 if its data class is not for the caller).
#[utoipa::path(get, path = "/api/v1/persons/{id}/assessments/{n}/sections/{section}", tag = "assessments",
    responses((status = 200, body = SectionOut), (status = 403, body = crate::error::Problem), (status = 404, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn get_section(
    State(state): State<AppState>,
    me: CurrentUser,
    Path((id, n, section)): Path<(String, String, String)>,
) -> AppResult<Json<SectionOut>> {
    let section = path_section(&section)?;
    let (person, ws, classes) = load(&state, &me, &id, &n, None).await?;
    if !classes.contains(&section.data_class()) {
        authorize_class(&state, &me, &person, Action::Read, section.data_class()).await?;
    }
    Ok(Json(section_out(
        section,
        ws.sections.iter().find(|r| r.section == section.as_str()),
    )))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct SaveSectionIn {
    /// The section's version as read (0 for a section never saved); a stale one answers 409
    /// naming who saved the section meanwhile.
    pub version: i32,
    /// The section's fields (see `ankommen_domain::assessment`); empty text means "not recorded".
    #[schema(value_type = Object)]
    pub content: serde_json::Value,
}

/// Save one section.
#[utoipa::path(put, path = "/api/v1/persons/{id}/assessments/{n}/sections/{section}", tag = "assessments",
    request_body = SaveSectionIn,
    responses((status = 200, body = SectionOut), (status = 403, body = crate::error::Problem), (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn put_section(
    State(state): State<AppState>,
    me: CurrentUser,
    Path((id, n, section)): Path<(String, String, String)>,
    ApiJson(body): ApiJson<SaveSectionIn>,
) -> AppResult<Json<SectionOut>> {
    let section = path_section(&section)?;
    let row = save_section(&state, &me, &id, &n, section, body.content, body.version).await?;
    Ok(Json(section_out(section, Some(&row))))
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct CompleteIn {
    /// The analysis's version as read.
    pub version: i32,
}

/// Complete a situation analysis; it is read-only afterwards.
#[utoipa::path(post, path = "/api/v1/persons/{id}/assessments/{n}/complete", tag = "assessments",
    request_body = CompleteIn,
    responses((status = 200, body = AssessmentSummary), (status = 409, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn complete(
    State(state): State<AppState>,
    me: CurrentUser,
    Path((id, n)): Path<(String, String)>,
    ApiJson(body): ApiJson<CompleteIn>,
) -> AppResult<Json<AssessmentSummary>> {
    let a = complete_assessment(&state, &me, &id, &n, body.version).await?;
    Ok(Json(summary(&a)))
}
