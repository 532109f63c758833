//! Allocation runs: a team lead's proposal (computed by the web layer with
//! `ankommen-allocate`, stored as a JSON snapshot with its pins and exclusions), re-run with
//! changed pins, discarded, or confirmed. Confirming books the seats in one transaction:
//! every course's booked seats grow only if they still fit (a conditional update, backed by
//! the CHECK on `courses`), every need moves from waiting to placed only if it still waits,
//! and anything that no longer fits rolls the whole confirmation back with a report of what.
//! Writes of one tenant are serialised by `write_tx`; the conditions hold even without it.

use std::collections::BTreeMap;

use ankommen_domain::assessment::ActionField;
use ankommen_domain::course::NeedStatus;
use ankommen_domain::plan::{Goal, GoalStatus, Step, StepOwner, StepStatus};
use diesel::prelude::*;
use serde::Serialize;
use time::PrimitiveDateTime;

use crate::audit::{self, Entry};
use crate::courses::{CourseRow, PLANNED};
use crate::dialect::{ser_opt_ts, ser_ts};
use crate::needs::{self, NeedRow};
use crate::schema::{
    allocation_runs as r, course_needs as n, courses as c, persons as p, placements as pl,
    plan_goals as g,
};
use crate::{Db, DbError, DbResult, Who, check_versioned_update, now, plans, write_tx};

pub const PROPOSED: &str = "proposed";
pub const CONFIRMED: &str = "confirmed";
pub const DISCARDED: &str = "discarded";
/// `status` of a placement whose seat is booked.
pub const BOOKED: &str = "booked";

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = r)]
pub struct RunRow {
    pub id: String,
    #[serde(skip)]
    pub tenant_id: String,
    pub window_from: String,
    pub window_to: String,
    pub status: String,
    /// JSON `[[need_id, course_id], …]`.
    pub pinned: String,
    /// JSON `[[need_id, course_id], …]`.
    pub excluded: String,
    /// JSON snapshot of the proposal (the web layer's shape).
    #[serde(skip)]
    pub proposal: String,
    pub placed: i32,
    pub waiting: i32,
    pub duration_ms: i32,
    #[serde(serialize_with = "ser_opt_ts")]
    pub confirmed_at: Option<PrimitiveDateTime>,
    pub confirmed_by: Option<String>,
    #[serde(serialize_with = "ser_ts")]
    pub created_at: PrimitiveDateTime,
    pub created_by: Option<String>,
    #[serde(serialize_with = "ser_ts")]
    pub updated_at: PrimitiveDateTime,
    pub updated_by: Option<String>,
    pub version: i32,
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = pl)]
pub struct PlacementRow {
    pub id: String,
    #[serde(skip)]
    pub tenant_id: String,
    pub run_id: String,
    pub need_id: String,
    pub person_id: String,
    pub course_id: String,
    pub status: String,
    pub status_on: Option<String>,
    pub status_reason: Option<String>,
    #[serde(serialize_with = "ser_ts")]
    pub created_at: PrimitiveDateTime,
    pub created_by: Option<String>,
    #[serde(serialize_with = "ser_ts")]
    pub updated_at: PrimitiveDateTime,
    pub updated_by: Option<String>,
    pub version: i32,
}

/// What a run stores besides its window.
#[derive(Debug, Clone)]
pub struct Computed<'a> {
    pub pinned: &'a str,
    pub excluded: &'a str,
    pub proposal: &'a str,
    pub placed: i32,
    pub waiting: i32,
    pub duration_ms: i32,
}

pub fn get(conn: &mut Db, tenant_id: &str, id: &str) -> DbResult<RunRow> {
    Ok(r::table
        .filter(r::tenant_id.eq(tenant_id))
        .filter(r::id.eq(id))
        .select(RunRow::as_select())
        .first(conn)?)
}

/// Runs, newest first.
pub fn list(conn: &mut Db, tenant_id: &str, limit: i64) -> DbResult<Vec<RunRow>> {
    Ok(r::table
        .filter(r::tenant_id.eq(tenant_id))
        .order((r::created_at.desc(), r::id.desc()))
        .limit(limit)
        .select(RunRow::as_select())
        .load(conn)?)
}

fn audit_run(tx: &mut Db, who: Who<'_>, action: &str, row: &RunRow) -> DbResult<()> {
    let entry = Entry::new(action, "allocation_run", Some(&row.id)).detail(serde_json::json!({
        "window_from": row.window_from,
        "window_to": row.window_to,
        "placed": row.placed,
        "waiting": row.waiting,
        "status": row.status,
    }));
    audit::append(tx, who, entry)?;
    Ok(())
}

pub fn create(
    conn: &mut Db,
    who: Who<'_>,
    window: (&str, &str),
    run: &Computed<'_>,
) -> DbResult<RunRow> {
    write_tx(conn, who.tenant_id, |tx| {
        let id = uuid::Uuid::now_v7().to_string();
        let t = now();
        diesel::insert_into(r::table)
            .values((
                r::id.eq(&id),
                r::tenant_id.eq(who.tenant_id),
                r::window_from.eq(window.0),
                r::window_to.eq(window.1),
                r::status.eq(PROPOSED),
                r::pinned.eq(run.pinned),
                r::excluded.eq(run.excluded),
                r::proposal.eq(run.proposal),
                r::placed.eq(run.placed),
                r::waiting.eq(run.waiting),
                r::duration_ms.eq(run.duration_ms),
                r::created_at.eq(t),
                r::created_by.eq(who.user_id),
                r::updated_at.eq(t),
                r::updated_by.eq(who.user_id),
                r::version.eq(1),
            ))
            .execute(tx)?;
        let row = get(tx, who.tenant_id, &id)?;
        audit_run(tx, who, "allocation.run", &row)?;
        Ok(row)
    })
}

fn proposed(row: &RunRow) -> DbResult<()> {
    if row.status == PROPOSED {
        Ok(())
    } else {
        Err(DbError::Conflict(format!(
            "the run is {} and can no longer be changed",
            row.status
        )))
    }
}

/// Replaces a proposed run's result (after pins or exclusions changed).
pub fn rerun(
    conn: &mut Db,
    who: Who<'_>,
    id: &str,
    version: i32,
    run: &Computed<'_>,
) -> DbResult<RunRow> {
    write_tx(conn, who.tenant_id, |tx| {
        proposed(&get(tx, who.tenant_id, id)?)?;
        let changed = diesel::update(r::table.filter(r::id.eq(id)).filter(r::version.eq(version)))
            .set((
                r::pinned.eq(run.pinned),
                r::excluded.eq(run.excluded),
                r::proposal.eq(run.proposal),
                r::placed.eq(run.placed),
                r::waiting.eq(run.waiting),
                r::duration_ms.eq(run.duration_ms),
                r::updated_at.eq(now()),
                r::updated_by.eq(who.user_id),
                r::version.eq(version + 1),
            ))
            .execute(tx)?;
        check_versioned_update(tx, changed, |tx| {
            r::table
                .find(id)
                .select((r::updated_by, r::updated_at))
                .first(tx)
        })?;
        let row = get(tx, who.tenant_id, id)?;
        audit_run(tx, who, "allocation.rerun", &row)?;
        Ok(row)
    })
}

pub fn discard(conn: &mut Db, who: Who<'_>, id: &str, version: i32) -> DbResult<RunRow> {
    write_tx(conn, who.tenant_id, |tx| {
        proposed(&get(tx, who.tenant_id, id)?)?;
        let changed = diesel::update(r::table.filter(r::id.eq(id)).filter(r::version.eq(version)))
            .set((
                r::status.eq(DISCARDED),
                r::updated_at.eq(now()),
                r::updated_by.eq(who.user_id),
                r::version.eq(version + 1),
            ))
            .execute(tx)?;
        check_versioned_update(tx, changed, |tx| {
            r::table
                .find(id)
                .select((r::updated_by, r::updated_at))
                .first(tx)
        })?;
        let row = get(tx, who.tenant_id, id)?;
        audit_run(tx, who, "allocation.discard", &row)?;
        Ok(row)
    })
}

/// One placement to book.
#[derive(Debug, Clone)]
pub struct Booking {
    pub need_id: String,
    pub course_id: String,
}

/// What no longer fits when confirming.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Clash {
    /// The course has fewer free seats than the run wants to book.
    CourseFull {
        course_id: String,
        wanted: i32,
        free: i32,
    },
    /// The course was cancelled meanwhile.
    CourseCancelled { course_id: String },
    /// The need is no longer waiting (placed by another run, withdrawn).
    NeedNotWaiting {
        need_id: String,
        person_id: String,
        status: String,
    },
}

/// The result of a confirmation.
#[derive(Debug, Clone)]
pub enum Confirmed {
    Booked {
        run: Box<RunRow>,
        placements: Vec<PlacementRow>,
    },
    /// Nothing was written; the run stays proposed.
    Clashes(Vec<Clash>),
}

/// Confirms a proposed run: books every seat or none.
pub fn confirm(
    conn: &mut Db,
    who: Who<'_>,
    id: &str,
    version: i32,
    bookings: &[Booking],
) -> DbResult<Confirmed> {
    let result = write_tx(conn, who.tenant_id, |tx| {
        let run = get(tx, who.tenant_id, id)?;
        proposed(&run)?;
        if run.version != version {
            // Reports who changed it, like any stale write.
            check_versioned_update(tx, 0, |tx| {
                r::table
                    .find(id)
                    .select((r::updated_by, r::updated_at))
                    .first(tx)
            })?;
        }
        let mut per_course: BTreeMap<&str, i32> = BTreeMap::new();
        for b in bookings {
            *per_course.entry(b.course_id.as_str()).or_default() += 1;
        }
        let mut clashes = Vec::new();
        // Seats: grow only where they still fit.
        for (&course_id, &wanted) in &per_course {
            let changed = diesel::update(
                c::table
                    .filter(c::id.eq(course_id))
                    .filter(c::tenant_id.eq(who.tenant_id))
                    .filter(c::status.eq(PLANNED))
                    .filter((c::seats_taken_outside + c::seats_allocated + wanted).le(c::capacity)),
            )
            .set((
                c::seats_allocated.eq(c::seats_allocated + wanted),
                c::version.eq(c::version + 1),
            ))
            .execute(tx)?;
            if changed == 0 {
                let course: CourseRow = crate::courses::get(tx, who.tenant_id, course_id)?;
                clashes.push(if course.status != PLANNED {
                    Clash::CourseCancelled {
                        course_id: course_id.to_owned(),
                    }
                } else {
                    Clash::CourseFull {
                        course_id: course_id.to_owned(),
                        wanted,
                        free: course.free_seats(),
                    }
                });
            }
        }
        // Needs: from waiting to placed, only if still waiting.
        let t = now();
        let mut moved = Vec::new();
        for b in bookings {
            let before = needs::get_of_any(tx, who.tenant_id, &b.need_id)?;
            let changed = diesel::update(
                n::table
                    .filter(n::id.eq(&b.need_id))
                    .filter(n::status.eq(NeedStatus::Waiting.as_str())),
            )
            .set((
                n::status.eq(NeedStatus::Placed.as_str()),
                n::course_id.eq(Some(&b.course_id)),
                n::updated_at.eq(t),
                n::updated_by.eq(who.user_id),
                n::version.eq(n::version + 1),
            ))
            .execute(tx)?;
            if changed == 0 {
                clashes.push(Clash::NeedNotWaiting {
                    need_id: b.need_id.clone(),
                    person_id: before.person_id.clone(),
                    status: before.status.clone(),
                });
            } else {
                moved.push(before);
            }
        }
        if !clashes.is_empty() {
            return Err(DbError::Clashes(clashes));
        }
        let mut placements = Vec::new();
        for (b, before) in bookings.iter().zip(&moved) {
            let pid = uuid::Uuid::now_v7().to_string();
            diesel::insert_into(pl::table)
                .values((
                    pl::id.eq(&pid),
                    pl::tenant_id.eq(who.tenant_id),
                    pl::run_id.eq(id),
                    pl::need_id.eq(&b.need_id),
                    pl::person_id.eq(&before.person_id),
                    pl::course_id.eq(&b.course_id),
                    pl::status.eq(BOOKED),
                    pl::created_at.eq(t),
                    pl::created_by.eq(who.user_id),
                    pl::updated_at.eq(t),
                    pl::updated_by.eq(who.user_id),
                    pl::version.eq(1),
                ))
                .execute(tx)?;
            let after = needs::get_of_any(tx, who.tenant_id, &b.need_id)?;
            needs::record(tx, who, "course_need.place", Some(before), &after)?;
            plan_step(tx, who, &before.person_id, &b.course_id)?;
            placements.push(
                pl::table
                    .find(&pid)
                    .select(PlacementRow::as_select())
                    .first(tx)?,
            );
        }
        diesel::update(r::table.filter(r::id.eq(id)))
            .set((
                r::status.eq(CONFIRMED),
                r::confirmed_at.eq(Some(t)),
                r::confirmed_by.eq(who.user_id),
                r::updated_at.eq(t),
                r::updated_by.eq(who.user_id),
                r::version.eq(version + 1),
            ))
            .execute(tx)?;
        let run = get(tx, who.tenant_id, id)?;
        audit_run(tx, who, "allocation.confirm", &run)?;
        Ok((run, placements))
    });
    match result {
        Ok((run, placements)) => Ok(Confirmed::Booked {
            run: Box::new(run),
            placements,
        }),
        Err(DbError::Clashes(c)) => Ok(Confirmed::Clashes(c)),
        Err(e) => Err(e),
    }
}

/// Adds the course as a step of the person's language goal (created if there is none open).
fn plan_step(tx: &mut Db, who: Who<'_>, person_id: &str, course_id: &str) -> DbResult<()> {
    let course = crate::courses::get(tx, who.tenant_id, course_id)?;
    let goal_id: Option<String> = g::table
        .filter(g::tenant_id.eq(who.tenant_id))
        .filter(g::person_id.eq(person_id))
        .filter(g::action_field.eq(ActionField::Language.as_str()))
        .filter(g::status.eq(GoalStatus::Open.as_str()))
        .order(g::created_at)
        .select(g::id)
        .first(tx)
        .optional()?;
    let goal_id = match goal_id {
        Some(id) => id,
        None => {
            plans::create_goal(
                tx,
                who,
                person_id,
                &Goal {
                    action_field: ActionField::Language,
                    title: "Deutschkurs".into(),
                    description: None,
                    status: GoalStatus::Open,
                    status_reason: None,
                },
            )?
            .id
        }
    };
    let starts_on = ankommen_domain::plan::parse_date("starts_on", &course.starts_on).ok();
    let title = match &course.title {
        Some(t) => format!("Kursbeginn: {t}"),
        None => format!("Kursbeginn: {}", course.course_type),
    };
    plans::create_step(
        tx,
        who,
        person_id,
        &goal_id,
        &Step {
            title: title
                .chars()
                .take(ankommen_domain::plan::MAX_TITLE)
                .collect(),
            owner: StepOwner::PartnerOrganisation(course.provider_org_id.clone()),
            due_on: starts_on,
            status: StepStatus::Open,
            status_reason: None,
        },
    )?;
    Ok(())
}

/// Placements of a course, with the participants' names (for the provider's list).
pub fn participants(
    conn: &mut Db,
    tenant_id: &str,
    course_id: &str,
) -> DbResult<Vec<(PlacementRow, String, String, String)>> {
    Ok(pl::table
        .inner_join(p::table)
        .filter(pl::tenant_id.eq(tenant_id))
        .filter(pl::course_id.eq(course_id))
        .order((p::family_name, p::given_names))
        .select((
            PlacementRow::as_select(),
            p::family_name,
            p::given_names,
            p::case_number,
        ))
        .load(conn)?)
}

/// One placement.
pub fn placement(conn: &mut Db, tenant_id: &str, id: &str) -> DbResult<PlacementRow> {
    Ok(pl::table
        .filter(pl::tenant_id.eq(tenant_id))
        .filter(pl::id.eq(id))
        .select(PlacementRow::as_select())
        .first(conn)?)
}

/// A person's placements, newest first.
pub fn placements_of(
    conn: &mut Db,
    tenant_id: &str,
    person_id: &str,
) -> DbResult<Vec<PlacementRow>> {
    Ok(pl::table
        .filter(pl::tenant_id.eq(tenant_id))
        .filter(pl::person_id.eq(person_id))
        .order(pl::created_at.desc())
        .select(PlacementRow::as_select())
        .load(conn)?)
}

/// Whether `org_id` runs a course the person is placed in (the provider's relation).
pub fn placed_with(
    conn: &mut Db,
    tenant_id: &str,
    person_id: &str,
    org_id: &str,
) -> DbResult<bool> {
    let n: i64 = pl::table
        .inner_join(c::table)
        .filter(pl::tenant_id.eq(tenant_id))
        .filter(pl::person_id.eq(person_id))
        .filter(c::provider_org_id.eq(org_id))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Needs by id with their rows (for building a proposal's view).
pub fn needs_by_id(conn: &mut Db, tenant_id: &str, ids: &[String]) -> DbResult<Vec<NeedRow>> {
    let mut out = Vec::new();
    for chunk in ids.chunks(500) {
        out.extend(
            n::table
                .filter(n::tenant_id.eq(tenant_id))
                .filter(n::id.eq_any(chunk))
                .select(NeedRow::as_select())
                .load(conn)?,
        );
    }
    Ok(out)
}
