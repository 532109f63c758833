//! Course needs: the county's waiting list. One need per person may wait at a time (a unique
//! partial index); a confirmed allocation moves it to `placed`. Needs are course planning and
//! belong to the `education` data class; every write lands in the person's history and the
//! audit log in the same transaction.

use ankommen_domain::DataClass;
use ankommen_domain::course::{Need, NeedStatus};
use diesel::prelude::*;
use serde::Serialize;
use time::PrimitiveDateTime;

use crate::audit::{self, Entry};
use crate::dialect::ser_ts;
use crate::schema::{course_needs as n, municipalities as m, person_changes as pc, persons as p};
use crate::{Db, DbError, DbResult, Who, check_versioned_update, now, write_tx};

/// The data class of course needs and placements.
pub const DATA_CLASS: DataClass = DataClass::Education;

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = n)]
pub struct NeedRow {
    pub id: String,
    #[serde(skip)]
    pub tenant_id: String,
    pub person_id: String,
    pub course_type: String,
    pub start_module: Option<i32>,
    pub level: Option<String>,
    pub earliest_start: String,
    pub latest_start: String,
    pub max_travel_km: i32,
    /// Comma-separated.
    pub time_slots: String,
    pub needs_childcare: bool,
    pub obliged_by: Option<String>,
    pub obliged_on: Option<String>,
    pub job_centre_referral: bool,
    pub waiting_since: String,
    pub note: Option<String>,
    pub status: String,
    pub status_reason: Option<String>,
    /// The course a confirmed allocation placed the person in.
    pub course_id: Option<String>,
    #[serde(serialize_with = "ser_ts")]
    pub created_at: PrimitiveDateTime,
    pub created_by: Option<String>,
    #[serde(serialize_with = "ser_ts")]
    pub updated_at: PrimitiveDateTime,
    pub updated_by: Option<String>,
    pub version: i32,
}

/// A waiting need with what allocation needs from the person: name and home coordinates
/// (the centre of the municipality of residence; `None` when none is recorded).
#[derive(Debug, Clone, Serialize)]
pub struct Waiting {
    #[serde(flatten)]
    pub need: NeedRow,
    pub family_name: String,
    pub given_names: String,
    pub case_number: String,
    pub home: Option<(f64, f64)>,
}

fn get(conn: &mut Db, tenant_id: &str, id: &str) -> DbResult<NeedRow> {
    Ok(n::table
        .filter(n::tenant_id.eq(tenant_id))
        .filter(n::id.eq(id))
        .select(NeedRow::as_select())
        .first(conn)?)
}

/// One need by id, whoever's it is.
pub fn get_of_any(conn: &mut Db, tenant_id: &str, id: &str) -> DbResult<NeedRow> {
    get(conn, tenant_id, id)
}

/// One need of a person.
pub fn get_of(conn: &mut Db, tenant_id: &str, person_id: &str, id: &str) -> DbResult<NeedRow> {
    let row = get(conn, tenant_id, id)?;
    if row.person_id != person_id {
        return Err(DbError::NotFound);
    }
    Ok(row)
}

/// A person's needs, newest first.
pub fn for_person(conn: &mut Db, tenant_id: &str, person_id: &str) -> DbResult<Vec<NeedRow>> {
    Ok(n::table
        .filter(n::tenant_id.eq(tenant_id))
        .filter(n::person_id.eq(person_id))
        .order((n::created_at.desc(), n::id.desc()))
        .select(NeedRow::as_select())
        .load(conn)?)
}

/// The waiting list, longest waiting first.
pub fn waiting(conn: &mut Db, tenant_id: &str) -> DbResult<Vec<Waiting>> {
    type Row = (NeedRow, String, String, String, Option<f64>, Option<f64>);
    let rows: Vec<Row> = n::table
        .inner_join(p::table.left_join(m::table))
        .filter(n::tenant_id.eq(tenant_id))
        .filter(n::status.eq(NeedStatus::Waiting.as_str()))
        .order((n::waiting_since, n::id))
        .select((
            NeedRow::as_select(),
            p::family_name,
            p::given_names,
            p::case_number,
            m::latitude.nullable(),
            m::longitude.nullable(),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(need, family_name, given_names, case_number, lat, lon)| Waiting {
                need,
                family_name,
                given_names,
                case_number,
                home: lat.zip(lon),
            },
        )
        .collect())
}

fn summary(r: &NeedRow) -> String {
    serde_json::json!({
        "course_type": r.course_type,
        "start_module": r.start_module,
        "level": r.level,
        "earliest_start": r.earliest_start,
        "latest_start": r.latest_start,
        "max_travel_km": r.max_travel_km,
        "time_slots": r.time_slots,
        "needs_childcare": r.needs_childcare,
        "obliged_by": r.obliged_by,
        "obliged_on": r.obliged_on,
        "job_centre_referral": r.job_centre_referral,
        "status": r.status,
        "status_reason": r.status_reason,
        "course_id": r.course_id,
    })
    .to_string()
}

/// History and audit of a need change, in the caller's transaction.
pub(crate) fn record(
    tx: &mut Db,
    who: Who<'_>,
    action: &str,
    before: Option<&NeedRow>,
    row: &NeedRow,
) -> DbResult<()> {
    diesel::insert_into(pc::table)
        .values((
            pc::id.eq(uuid::Uuid::now_v7().to_string()),
            pc::tenant_id.eq(who.tenant_id),
            pc::person_id.eq(&row.person_id),
            pc::changed_at.eq(now()),
            pc::changed_by.eq(who.user_id),
            pc::field.eq(format!("course_need.{}", row.id)),
            pc::data_class.eq(DATA_CLASS.as_str()),
            pc::old_value.eq(before.map(summary)),
            pc::new_value.eq(Some(summary(row))),
        ))
        .execute(tx)?;
    let classes = [DATA_CLASS];
    let mut entry = Entry::new(action, "course_need", Some(&row.id)).detail(serde_json::json!({
        "status": row.status,
        "course_id": row.course_id,
    }));
    entry.person_id = Some(&row.person_id);
    entry.data_classes = &classes;
    audit::append(tx, who, entry)?;
    Ok(())
}

fn slots_text(need: &Need) -> String {
    need.time_slots
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

fn small(v: i64) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

/// Puts a person on the waiting list. A second waiting need is a conflict.
pub fn create(conn: &mut Db, who: Who<'_>, person_id: &str, need: &Need) -> DbResult<NeedRow> {
    write_tx(conn, who.tenant_id, |tx| {
        p::table
            .filter(p::tenant_id.eq(who.tenant_id))
            .filter(p::id.eq(person_id))
            .select(p::id)
            .first::<String>(tx)?;
        let already: i64 = n::table
            .filter(n::person_id.eq(person_id))
            .filter(n::status.eq(NeedStatus::Waiting.as_str()))
            .count()
            .get_result(tx)?;
        if already > 0 {
            return Err(DbError::Conflict(
                "this person is already on the waiting list; change that need instead".into(),
            ));
        }
        let id = uuid::Uuid::now_v7().to_string();
        let t = now();
        diesel::insert_into(n::table)
            .values((
                n::id.eq(&id),
                n::tenant_id.eq(who.tenant_id),
                n::person_id.eq(person_id),
                n::course_type.eq(need.course_type.as_str()),
                n::start_module.eq(need.start_module.map(small)),
                n::level.eq(need.level.map(|l| l.as_str())),
                n::earliest_start.eq(need.earliest_start.to_string()),
                n::latest_start.eq(need.latest_start.to_string()),
                n::max_travel_km.eq(small(need.max_travel_km)),
                n::time_slots.eq(slots_text(need)),
                n::needs_childcare.eq(need.needs_childcare),
                n::obliged_by.eq(need.obliged_by.map(|o| o.as_str())),
                n::obliged_on.eq(need.obliged_on.map(|d| d.to_string())),
                n::job_centre_referral.eq(need.job_centre_referral),
                n::waiting_since.eq(need.waiting_since.to_string()),
                n::note.eq(&need.note),
                n::status.eq(NeedStatus::Waiting.as_str()),
                n::created_at.eq(t),
                n::created_by.eq(who.user_id),
                n::updated_at.eq(t),
                n::updated_by.eq(who.user_id),
                n::version.eq(1),
            ))
            .execute(tx)?;
        let row = get(tx, who.tenant_id, &id)?;
        record(tx, who, "course_need.create", None, &row)?;
        Ok(row)
    })
}

/// Changes a waiting need (a placed or withdrawn one is final).
pub fn update(
    conn: &mut Db,
    who: Who<'_>,
    person_id: &str,
    id: &str,
    need: &Need,
    version: i32,
) -> DbResult<NeedRow> {
    write_tx(conn, who.tenant_id, |tx| {
        let before = get_of(tx, who.tenant_id, person_id, id)?;
        if before.status != NeedStatus::Waiting.as_str() {
            return Err(DbError::Conflict(format!(
                "the need is {} and can no longer be changed",
                before.status
            )));
        }
        let t = now();
        let changed = diesel::update(n::table.filter(n::id.eq(id)).filter(n::version.eq(version)))
            .set((
                n::course_type.eq(need.course_type.as_str()),
                n::start_module.eq(need.start_module.map(small)),
                n::level.eq(need.level.map(|l| l.as_str())),
                n::earliest_start.eq(need.earliest_start.to_string()),
                n::latest_start.eq(need.latest_start.to_string()),
                n::max_travel_km.eq(small(need.max_travel_km)),
                n::time_slots.eq(slots_text(need)),
                n::needs_childcare.eq(need.needs_childcare),
                n::obliged_by.eq(need.obliged_by.map(|o| o.as_str())),
                n::obliged_on.eq(need.obliged_on.map(|d| d.to_string())),
                n::job_centre_referral.eq(need.job_centre_referral),
                n::waiting_since.eq(need.waiting_since.to_string()),
                n::note.eq(&need.note),
                n::updated_at.eq(t),
                n::updated_by.eq(who.user_id),
                n::version.eq(version + 1),
            ))
            .execute(tx)?;
        check_versioned_update(tx, changed, |tx| {
            n::table
                .find(id)
                .select((n::updated_by, n::updated_at))
                .first(tx)
        })?;
        let row = get(tx, who.tenant_id, id)?;
        record(tx, who, "course_need.update", Some(&before), &row)?;
        Ok(row)
    })
}

/// Takes a waiting need off the list, with a reason.
pub fn withdraw(
    conn: &mut Db,
    who: Who<'_>,
    person_id: &str,
    id: &str,
    reason: &str,
    version: i32,
) -> DbResult<NeedRow> {
    write_tx(conn, who.tenant_id, |tx| {
        let before = get_of(tx, who.tenant_id, person_id, id)?;
        if before.status != NeedStatus::Waiting.as_str() {
            return Err(DbError::Conflict(format!(
                "the need is {} and can no longer be withdrawn",
                before.status
            )));
        }
        let t = now();
        let changed = diesel::update(n::table.filter(n::id.eq(id)).filter(n::version.eq(version)))
            .set((
                n::status.eq(NeedStatus::Withdrawn.as_str()),
                n::status_reason.eq(reason),
                n::updated_at.eq(t),
                n::updated_by.eq(who.user_id),
                n::version.eq(version + 1),
            ))
            .execute(tx)?;
        check_versioned_update(tx, changed, |tx| {
            n::table
                .find(id)
                .select((n::updated_by, n::updated_at))
                .first(tx)
        })?;
        let row = get(tx, who.tenant_id, id)?;
        record(tx, who, "course_need.withdraw", Some(&before), &row)?;
        Ok(row)
    })
}
