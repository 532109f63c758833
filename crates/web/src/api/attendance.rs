//! Attendance, course results, notifications and the officers' client report over HTTP.
//!
//! - Providers (their own courses) and team leads record attendance — one course day as JSON
//!   or a whole CSV file, checked as a whole first: any wrong row rejects the file with every
//!   row's line number and nothing is stored — and course results.
//! - After each write the county's attendance rule is evaluated per affected placement; a new
//!   breach notifies the person's counsellor and responsible agency (`ankommen_db::attendance`).
//! - Everyone reads their own notifications (every view audited).
//! - Placement officers and the immigration office see their clients' course status and
//!   attendance, as far as the policy allows (every person shown audited).

use std::collections::BTreeMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use time::Date;

use ankommen_db::attendance::{self as repo, AttendanceRow, ClientCourse, ResultRow, Written};
use ankommen_db::audit::{self, Entry};
use ankommen_db::courses::CourseRow;
use ankommen_db::notifications::{self, NotificationRow};
use ankommen_domain::attendance::{
    self as rules, Context, DayInput, InputProblem, Participant, Rate, ResultInput,
};
use ankommen_domain::course::ObligedBy;
use ankommen_domain::policy::{Action, Relation, Resource, can};
use ankommen_domain::{DataClass, OrgKind, Role};

use crate::AppState;
use crate::api::courses::get_course;
use crate::api::path_id;
use crate::auth::CurrentUser;
use crate::error::{AppError, AppResult, FieldProblem};
use crate::extract::{ApiJson, ApiQuery};
use crate::jobs::REMINDER;

fn today() -> Date {
    ankommen_db::now().date()
}

fn notify() -> repo::Notify<'static> {
    repo::Notify {
        reminder_kind: REMINDER,
        today: today(),
    }
}

fn date_of(raw: &str) -> AppResult<Date> {
    ankommen_domain::plan::parse_date("date", raw)
        .map_err(|e| AppError::Internal(format!("stored date unreadable: {e}")))
}

/// 422 with a problem whose `errors` name rows (`line 7`, `entries[2].status`).
fn rejected(problems: Vec<InputProblem>, what: &str) -> Response {
    let mut problem = AppError::Validation(vec![]).problem();
    problem.detail = format!(
        "{} problem(s) in the {what}; nothing was stored. {}",
        problems.len(),
        problems
            .iter()
            .take(20)
            .map(|p| format!("{}: {}", p.field, p.message))
            .collect::<Vec<_>>()
            .join("; ")
    );
    problem.errors = problems
        .into_iter()
        .map(|p| FieldProblem {
            field: p.field,
            message: p.message,
            code: p.code.to_owned(),
        })
        .collect();
    let body = serde_json::to_vec(&problem).unwrap_or_default();
    let mut res = (StatusCode::UNPROCESSABLE_ENTITY, body).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    res
}

/// The course, if `me` may record its attendance and results: its provider (own
/// organisation) or a team lead. Others get 403 (audited).
pub async fn course_for_write(
    state: &AppState,
    me: &CurrentUser,
    id: &str,
) -> AppResult<CourseRow> {
    let course = get_course(state, me, id).await?;
    me.authorize(
        state,
        Action::Update,
        Resource::Course {
            provider_org: &course.provider_org_id,
        },
    )
    .await?;
    Ok(course)
}

async fn input_context(
    state: &AppState,
    me: &CurrentUser,
    course: &CourseRow,
) -> AppResult<(Vec<Participant>, Date, Date)> {
    let (tenant, cid) = (me.user.tenant_id.clone(), course.id.clone());
    let participants = state
        .db(move |c| repo::participants_for_input(c, &tenant, &cid))
        .await?;
    Ok((
        participants,
        date_of(&course.starts_on)?,
        date_of(&course.ends_on)?,
    ))
}

async fn write(
    state: &AppState,
    me: &CurrentUser,
    course: &CourseRow,
    entries: Vec<rules::Entry>,
    source: &'static str,
) -> AppResult<Written> {
    let who = me.owned_who();
    let cid = course.id.clone();
    state
        .db(move |c| repo::record(c, who.get(), &cid, &entries, source, notify()))
        .await
}

/// One participant's entry for a course day.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DayEntry {
    pub placement_id: String,
    /// `present`, `excused` or `unexcused` (German `anwesend`, `entschuldigt`,
    /// `unentschuldigt` accepted).
    pub status: String,
    /// Minutes late (only for `present`).
    #[serde(default)]
    pub late_minutes: Option<i64>,
    /// Minutes left early (only for `present`).
    #[serde(default)]
    pub left_early_minutes: Option<i64>,
    #[serde(default)]
    pub note: Option<String>,
    /// The version of the stored entry, if one was read: a stale one answers 409.
    #[serde(default)]
    pub version: Option<i32>,
}

impl From<DayEntry> for DayInput {
    fn from(e: DayEntry) -> Self {
        DayInput {
            placement_id: e.placement_id,
            status: e.status,
            late_minutes: e.late_minutes,
            left_early_minutes: e.left_early_minutes,
            note: e.note,
            version: e.version,
        }
    }
}

/// Shared by API and UI: records one course day.
pub async fn record_day(
    state: &AppState,
    me: &CurrentUser,
    course_id: &str,
    day: &str,
    entries: Vec<DayInput>,
) -> AppResult<Result<Written, Vec<InputProblem>>> {
    let course = course_for_write(state, me, course_id).await?;
    let (participants, starts, ends) = input_context(state, me, &course).await?;
    let ctx = Context {
        participants: &participants,
        course_starts_on: starts,
        course_ends_on: ends,
        today: today(),
    };
    let checked = match rules::check_day_input(day, &entries, &ctx) {
        Ok(c) => c,
        Err(problems) => return Ok(Err(problems)),
    };
    Ok(Ok(write(state, me, &course, checked, "day").await?))
}

/// Shared by API and UI: imports a CSV file (all rows or none).
pub async fn import_csv(
    state: &AppState,
    me: &CurrentUser,
    course_id: &str,
    text: &str,
) -> AppResult<Result<Written, Vec<InputProblem>>> {
    let course = course_for_write(state, me, course_id).await?;
    let (participants, starts, ends) = input_context(state, me, &course).await?;
    let ctx = Context {
        participants: &participants,
        course_starts_on: starts,
        course_ends_on: ends,
        today: today(),
    };
    let checked = match rules::parse_csv(text, &ctx) {
        Ok(c) => c,
        Err(errs) => return Ok(Err(errs.iter().map(|e| e.as_line()).collect())),
    };
    Ok(Ok(write(state, me, &course, checked, "csv").await?))
}

/// Record one course day: a list of `{placement_id, status, late_minutes?,
/// left_early_minutes?, note?, version?}`. Each participant's day is created or updated; the
/// attendance rule is then evaluated and new breaches notified. The answer counts what was
/// written and lists breaches.
#[utoipa::path(put, path = "/api/v1/courses/{id}/attendance/{day}", tag = "attendance",
    request_body = [DayEntry],
    responses((status = 200, body = Object), (status = 403, body = crate::error::Problem),
        (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn put_day(
    State(state): State<AppState>,
    me: CurrentUser,
    Path((id, day)): Path<(String, String)>,
    ApiJson(body): ApiJson<Vec<DayEntry>>,
) -> AppResult<Response> {
    let entries = body.into_iter().map(DayInput::from).collect();
    Ok(match record_day(&state, &me, &id, &day, entries).await? {
        Ok(w) => Json(w).into_response(),
        Err(p) => rejected(p, "entries"),
    })
}

fn check_csv_type(headers: &HeaderMap) -> AppResult<()> {
    let Some(ct) = headers.get(header::CONTENT_TYPE) else {
        return Ok(());
    };
    let ct = ct.to_str().unwrap_or("").to_ascii_lowercase();
    let base = ct.split(';').next().unwrap_or("").trim();
    if base.starts_with("text/")
        || matches!(
            base,
            "application/csv" | "application/octet-stream" | "application/vnd.ms-excel"
        )
    {
        Ok(())
    } else {
        Err(AppError::bad_request(
            "send the file as the request body with 'Content-Type: text/csv'",
        ))
    }
}

/// Import attendance from a CSV file (`text/csv`, UTF-8; format in docs/api.md): header
/// `case_number;day;status;late_minutes;left_early_minutes;note`, one row per person and day.
/// The whole file is checked first; if any row is wrong the answer is 422 with
/// `errors: [{field: "line 7", code, message}, …]` for every wrong row, and nothing is stored.
#[utoipa::path(post, path = "/api/v1/courses/{id}/attendance.csv", tag = "attendance",
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = Object), (status = 403, body = crate::error::Problem),
        (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn post_csv(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<Response> {
    check_csv_type(&headers)?;
    let Ok(text) = std::str::from_utf8(&body) else {
        return Ok(rejected(
            vec![InputProblem {
                field: "file".into(),
                code: "not_utf8",
                message: "the file is not UTF-8 text; save it as 'CSV UTF-8'".into(),
            }],
            "file",
        ));
    };
    Ok(match import_csv(&state, &me, &id, text).await? {
        Ok(w) => Json(w).into_response(),
        Err(p) => rejected(p, "file"),
    })
}

// ---------------------------------------------------------------------------------------
// The grid.

/// One recorded day of a participant.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct DayCell {
    pub status: String,
    pub late_minutes: Option<i32>,
    pub left_early_minutes: Option<i32>,
    pub note: Option<String>,
    pub version: i32,
}

impl From<&AttendanceRow> for DayCell {
    fn from(r: &AttendanceRow) -> Self {
        Self {
            status: r.status.clone(),
            late_minutes: r.late_minutes,
            left_early_minutes: r.left_early_minutes,
            note: r.note.clone(),
            version: r.version,
        }
    }
}

/// A participant's row of the grid.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct GridParticipant {
    pub placement_id: String,
    pub person_id: String,
    pub family_name: String,
    pub given_names: String,
    pub case_number: String,
    /// `booked` or `dropped_out`.
    pub placement_status: String,
    pub placement_status_on: Option<String>,
    /// Recorded days by ISO day.
    pub days: BTreeMap<String, DayCell>,
    /// Over all recorded days up to today.
    #[schema(value_type = Object)]
    pub rate: Rate,
    #[schema(value_type = Vec<Object>)]
    pub results: Vec<ResultRow>,
}

/// Participants × days of a course.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Grid {
    pub course_id: String,
    pub starts_on: String,
    pub ends_on: String,
    /// The course's scheduled days up to today (by its weekdays), and any other recorded day.
    pub days: Vec<String>,
    pub participants: Vec<GridParticipant>,
    /// Participants the caller may not see (not in the own caseload or agency).
    pub withheld: usize,
}

fn weekday(name: &str) -> Option<time::Weekday> {
    use time::Weekday as W;
    Some(match name.trim() {
        "mon" => W::Monday,
        "tue" => W::Tuesday,
        "wed" => W::Wednesday,
        "thu" => W::Thursday,
        "fri" => W::Friday,
        "sat" => W::Saturday,
        "sun" => W::Sunday,
        _ => return None,
    })
}

/// The course's scheduled days from its start to `until` (or its end).
pub fn course_days(course: &CourseRow, until: Date) -> AppResult<Vec<String>> {
    let weekdays: Vec<time::Weekday> = course.days.split(',').filter_map(weekday).collect();
    let (start, end) = (date_of(&course.starts_on)?, date_of(&course.ends_on)?);
    let end = end.min(until);
    let mut out = Vec::new();
    let mut d = start;
    while d <= end && out.len() < 2_000 {
        if weekdays.contains(&d.weekday()) {
            out.push(d.to_string());
        }
        match d.next_day() {
            Some(n) => d = n,
            None => break,
        }
    }
    Ok(out)
}

/// How `me` relates to a participant of `course` (`consented`: the classes `me`'s
/// organisation may read through accepted referrals).
fn relation_to<'a>(
    me: &CurrentUser,
    person: &ankommen_db::persons::PersonValues,
    course: &CourseRow,
    consented: &'a [DataClass],
) -> Relation<'a> {
    let mut rel = crate::persons::relation(me, person, None, consented);
    rel.placed_with_org = course.provider_org_id == me.user.org_id;
    rel
}

fn may_read(me: &CurrentUser, class: DataClass, rel: Relation<'_>) -> bool {
    can(
        &me.actor(),
        Action::Read,
        &Resource::PersonData {
            class,
            relation: rel,
        },
    )
    .is_allowed()
}

/// Shared by API and UI: the grid, with only the participants `me` may see (each audited).
pub async fn load_grid(state: &AppState, me: &CurrentUser, id: &str) -> AppResult<Grid> {
    let course = get_course(state, me, id).await?;
    let (tenant, cid, org) = (
        me.user.tenant_id.clone(),
        course.id.clone(),
        me.user.org_id.clone(),
    );
    let (rows, persons, consents) = state
        .db(move |c| {
            let rows = repo::grid(c, &tenant, &cid)?;
            let ids: Vec<String> = rows.iter().map(|r| r.placement.person_id.clone()).collect();
            let persons = ankommen_db::persons::get_many(c, &tenant, &ids)?;
            let mut consents = std::collections::HashMap::new();
            for pid in &ids {
                consents.insert(
                    pid.clone(),
                    ankommen_db::referrals::readable_for(c, &tenant, pid, &org, today())?,
                );
            }
            Ok((rows, persons, consents))
        })
        .await?;
    let today = today();
    let mut days = course_days(&course, today)?;
    let mut visible = Vec::new();
    let mut withheld = 0;
    for row in rows {
        let Some(person) = persons.iter().find(|p| p.id == row.placement.person_id) else {
            withheld += 1;
            continue;
        };
        let consented = consents
            .get(&person.id)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let rel = relation_to(me, &person.values, &course, consented);
        if !(may_read(me, DataClass::Identity, rel) && may_read(me, DataClass::Education, rel)) {
            withheld += 1;
            continue;
        }
        let records: Vec<rules::Record> = row.records.iter().filter_map(|r| r.record()).collect();
        let mut cells = BTreeMap::new();
        for r in &row.records {
            if !days.contains(&r.day) {
                days.push(r.day.clone());
            }
            cells.insert(r.day.clone(), DayCell::from(r));
        }
        visible.push(GridParticipant {
            placement_id: row.placement.id.clone(),
            person_id: row.placement.person_id.clone(),
            family_name: row.family_name,
            given_names: row.given_names,
            case_number: row.case_number,
            placement_status: row.placement.status.clone(),
            placement_status_on: row.placement.status_on.clone(),
            days: cells,
            rate: rules::rate(&records, Some(today)),
            results: row.results,
        });
    }
    days.sort();
    let who = me.owned_who();
    let ids: Vec<String> = visible.iter().map(|p| p.person_id.clone()).collect();
    let course_id = course.id.clone();
    state
        .db(move |c| {
            ankommen_db::write_tx(c, &who.tenant_id, |c| {
                for pid in &ids {
                    let mut entry = Entry::new("attendance.read", "course", Some(&course_id));
                    entry.person_id = Some(pid);
                    entry.data_classes = &[DataClass::Identity, DataClass::Education];
                    audit::append(c, who.get(), entry)?;
                }
                Ok(())
            })
        })
        .await?;
    Ok(Grid {
        course_id: course.id,
        starts_on: course.starts_on,
        ends_on: course.ends_on,
        days,
        participants: visible,
        withheld,
    })
}

/// The attendance grid of a course: participants × days with each day's status, the
/// attendance rate and the results. Participants the caller may not see are left out and
/// counted in `withheld`; every participant shown is audited.
#[utoipa::path(get, path = "/api/v1/courses/{id}/attendance", tag = "attendance",
    responses((status = 200, body = Grid), (status = 403, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn grid(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Grid>> {
    Ok(Json(load_grid(&state, &me, &id).await?))
}

// ---------------------------------------------------------------------------------------
// Results.

/// A recorded result and how many people were notified of it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ResultOut {
    #[serde(flatten)]
    #[schema(value_type = Object)]
    pub result: ResultRow,
    pub notified: usize,
}

/// Shared by API and UI.
pub async fn add_result(
    state: &AppState,
    me: &CurrentUser,
    placement_id: &str,
    input: &ResultInput,
) -> AppResult<ResultOut> {
    let pid = path_id(placement_id)?;
    let tenant = me.user.tenant_id.clone();
    let placement = state.db(move |c| repo::placement(c, &tenant, &pid)).await?;
    let course = course_for_write(state, me, &placement.course_id).await?;
    let result = input
        .validate(date_of(&course.starts_on)?, today())
        .map_err(AppError::Validation)?;
    let who = me.owned_who();
    let (row, notified) = state
        .db(move |c| repo::add_result(c, who.get(), &placement.id, &result, notify()))
        .await?;
    Ok(ResultOut {
        result: row,
        notified,
    })
}

/// A course result as posted.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResultBody {
    /// `placement_test`, `dtz`, `lid` or `drop_out`.
    pub kind: String,
    /// Placement test: start module 1–6 or a level A1 … C2; DTZ: `A2`, `B1`, `below_a2`;
    /// LiD: `passed`, `failed`; drop-out: none.
    #[serde(default)]
    pub value: Option<String>,
    /// ISO or dd.mm.yyyy; default today.
    #[serde(default)]
    pub on_date: Option<String>,
    /// Required for a drop-out.
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// Record a course result for a placement (the course's provider or a team lead). A drop-out
/// ends the placement; DTZ, LiD and drop-out notify the counsellor and the responsible agency.
#[utoipa::path(post, path = "/api/v1/placements/{id}/results", tag = "attendance",
    request_body = ResultBody,
    responses((status = 201, body = ResultOut), (status = 403, body = crate::error::Problem),
        (status = 409, body = crate::error::Problem), (status = 422, body = crate::error::Problem)),
    security(("bearer" = []), ("cookie" = [])))]
pub async fn post_result(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ResultBody>,
) -> AppResult<(StatusCode, Json<ResultOut>)> {
    let input = ResultInput {
        kind: body.kind,
        value: body.value,
        on_date: body.on_date,
        reason: body.reason,
        note: body.note,
    };
    Ok((
        StatusCode::CREATED,
        Json(add_result(&state, &me, &id, &input).await?),
    ))
}

mod reports;
pub use reports::*;
