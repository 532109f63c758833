//! The course catalogue: courses of the county's providers with their seats. A course arrives
//! validated (`ankommen_domain::course`); this module checks what needs the database (the
//! provider is a course provider of the tenant, the municipality exists, the capacity still
//! holds the seats already booked) and writes with an audit entry in the same transaction.

use ankommen_domain::course::Course;
use ankommen_domain::validate::FieldError;
use diesel::prelude::*;
use serde::Serialize;
use time::PrimitiveDateTime;

use crate::audit::{self, Entry};
use crate::dialect::ser_ts;
use crate::schema::{courses as c, municipalities as m, organisations as o};
use crate::{Db, DbError, DbResult, Who, check_versioned_update, now, write_tx};

/// `status` of a course that runs as planned.
pub const PLANNED: &str = "planned";
/// `status` of a cancelled course (keeps its history; takes no more participants).
pub const CANCELLED: &str = "cancelled";

/// One stored course.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = c)]
pub struct CourseRow {
    pub id: String,
    #[serde(skip)]
    pub tenant_id: String,
    pub provider_org_id: String,
    pub course_type: String,
    pub title: Option<String>,
    pub bamf_number: Option<String>,
    pub start_module: Option<i32>,
    pub hours: i32,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub municipality_id: String,
    pub latitude: f64,
    pub longitude: f64,
    /// Whether the provider gave the site's coordinates (else: the municipality's centre).
    pub coordinates_given: bool,
    /// Weekdays, comma-separated.
    pub days: String,
    pub time_slot: String,
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    pub starts_on: String,
    pub ends_on: String,
    pub capacity: i32,
    pub seats_taken_outside: i32,
    /// Seats booked by confirmed allocation runs.
    pub seats_allocated: i32,
    pub childcare: bool,
    pub step_free: bool,
    pub status: String,
    #[serde(serialize_with = "ser_ts")]
    pub created_at: PrimitiveDateTime,
    pub created_by: Option<String>,
    #[serde(serialize_with = "ser_ts")]
    pub updated_at: PrimitiveDateTime,
    pub updated_by: Option<String>,
    pub version: i32,
}

impl CourseRow {
    pub fn free_seats(&self) -> i32 {
        (self.capacity - self.seats_taken_outside - self.seats_allocated).max(0)
    }
}

/// A course with the names the catalogue shows.
#[derive(Debug, Clone, Serialize)]
pub struct Listed {
    #[serde(flatten)]
    pub course: CourseRow,
    pub provider_name: String,
    pub municipality_name: String,
}

/// Catalogue filters; all optional.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub provider_org_id: Option<String>,
    pub municipality_id: Option<String>,
    pub course_type: Option<String>,
    /// Starting on or after (ISO date).
    pub starts_from: Option<String>,
    /// Starting on or before (ISO date).
    pub starts_until: Option<String>,
    /// Only courses with a free seat.
    pub free_only: bool,
    /// Include cancelled courses.
    pub include_cancelled: bool,
}

/// The catalogue, by start date.
pub fn list(conn: &mut Db, tenant_id: &str, f: &Filter) -> DbResult<Vec<Listed>> {
    let mut q = c::table
        .inner_join(o::table)
        .inner_join(m::table)
        .filter(c::tenant_id.eq(tenant_id))
        .into_boxed();
    if let Some(p) = &f.provider_org_id {
        q = q.filter(c::provider_org_id.eq(p));
    }
    if let Some(t) = &f.municipality_id {
        q = q.filter(c::municipality_id.eq(t));
    }
    if let Some(t) = &f.course_type {
        q = q.filter(c::course_type.eq(t));
    }
    if let Some(d) = &f.starts_from {
        q = q.filter(c::starts_on.ge(d));
    }
    if let Some(d) = &f.starts_until {
        q = q.filter(c::starts_on.le(d));
    }
    if !f.include_cancelled {
        q = q.filter(c::status.eq(PLANNED));
    }
    if f.free_only {
        q = q.filter((c::seats_taken_outside + c::seats_allocated).lt(c::capacity));
    }
    let rows: Vec<(CourseRow, String, String)> = q
        .order((c::starts_on, c::id))
        .select((CourseRow::as_select(), o::name, m::name))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(course, provider_name, municipality_name)| Listed {
            course,
            provider_name,
            municipality_name,
        })
        .collect())
}

pub fn get(conn: &mut Db, tenant_id: &str, id: &str) -> DbResult<CourseRow> {
    Ok(c::table
        .filter(c::tenant_id.eq(tenant_id))
        .filter(c::id.eq(id))
        .select(CourseRow::as_select())
        .first(conn)?)
}

/// Several courses by id (missing ids are left out).
pub fn get_many(conn: &mut Db, tenant_id: &str, ids: &[String]) -> DbResult<Vec<CourseRow>> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        out.extend(
            c::table
                .filter(c::id.eq_any(chunk))
                .filter(c::tenant_id.eq(tenant_id))
                .select(CourseRow::as_select())
                .load(conn)?,
        );
    }
    Ok(out)
}

fn invalid(field: &'static str, code: &'static str, message: &str) -> DbError {
    DbError::Invalid(FieldError::new(field, code, message.to_owned()))
}

/// Checks provider and municipality; returns the site's coordinates.
fn resolve(conn: &mut Db, tenant_id: &str, course: &Course) -> DbResult<(f64, f64)> {
    let kind: Option<String> = o::table
        .filter(o::tenant_id.eq(tenant_id))
        .filter(o::id.eq(&course.provider_org_id))
        .select(o::kind)
        .first(conn)
        .optional()?;
    match kind.as_deref() {
        Some("course_provider") => {}
        Some(_) => {
            return Err(invalid(
                "provider_org_id",
                "not_a_provider",
                "this organisation is not a course provider",
            ));
        }
        None => {
            return Err(invalid(
                "provider_org_id",
                "no_such_org",
                "no such organisation",
            ));
        }
    }
    let centre: Option<(f64, f64)> = m::table
        .filter(m::tenant_id.eq(tenant_id))
        .filter(m::id.eq(&course.municipality_id))
        .select((m::latitude, m::longitude))
        .first(conn)
        .optional()?;
    let Some(centre) = centre else {
        return Err(invalid(
            "municipality_id",
            "no_such_municipality",
            "no such municipality",
        ));
    };
    Ok(match (course.latitude, course.longitude) {
        (Some(lat), Some(lon)) => (lat, lon),
        _ => centre,
    })
}

fn days_text(course: &Course) -> String {
    course
        .days
        .iter()
        .map(|d| d.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

fn audit_entry(conn: &mut Db, who: Who<'_>, action: &str, row: &CourseRow) -> DbResult<()> {
    let entry = Entry::new(action, "course", Some(&row.id)).detail(serde_json::json!({
        "provider_org_id": row.provider_org_id,
        "course_type": row.course_type,
        "starts_on": row.starts_on,
        "capacity": row.capacity,
        "seats_taken_outside": row.seats_taken_outside,
        "status": row.status,
    }));
    audit::append(conn, who, entry)?;
    Ok(())
}

fn small(v: i64) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

pub fn create(conn: &mut Db, who: Who<'_>, course: &Course) -> DbResult<CourseRow> {
    write_tx(conn, who.tenant_id, |tx| {
        let (lat, lon) = resolve(tx, who.tenant_id, course)?;
        let id = uuid::Uuid::now_v7().to_string();
        let t = now();
        diesel::insert_into(c::table)
            .values((
                c::id.eq(&id),
                c::tenant_id.eq(who.tenant_id),
                c::provider_org_id.eq(&course.provider_org_id),
                c::course_type.eq(course.course_type.as_str()),
                c::title.eq(&course.title),
                c::bamf_number.eq(&course.bamf_number),
                c::start_module.eq(course.start_module.map(small)),
                c::hours.eq(small(course.hours)),
                c::street.eq(&course.street),
                c::postcode.eq(&course.postcode),
                c::municipality_id.eq(&course.municipality_id),
                c::latitude.eq(lat),
                c::longitude.eq(lon),
                c::coordinates_given.eq(course.latitude.is_some()),
                c::days.eq(days_text(course)),
                c::time_slot.eq(course.time_slot.as_str()),
                c::starts_at.eq(&course.starts_at),
                c::ends_at.eq(&course.ends_at),
                c::starts_on.eq(course.starts_on.to_string()),
                c::ends_on.eq(course.ends_on.to_string()),
                c::capacity.eq(small(course.capacity)),
                c::seats_taken_outside.eq(small(course.seats_taken_outside)),
                c::seats_allocated.eq(0),
                c::childcare.eq(course.childcare),
                c::step_free.eq(course.step_free),
                c::status.eq(PLANNED),
                c::created_at.eq(t),
                c::created_by.eq(who.user_id),
                c::updated_at.eq(t),
                c::updated_by.eq(who.user_id),
                c::version.eq(1),
            ))
            .execute(tx)?;
        let row = get(tx, who.tenant_id, &id)?;
        audit_entry(tx, who, "course.create", &row)?;
        Ok(row)
    })
}

/// Changes a course if `version` is current. The capacity must still hold the seats booked
/// by the county and those taken outside; `cancelled` stops further allocation.
pub fn update(
    conn: &mut Db,
    who: Who<'_>,
    id: &str,
    course: &Course,
    cancelled: bool,
    version: i32,
) -> DbResult<CourseRow> {
    write_tx(conn, who.tenant_id, |tx| {
        let before = get(tx, who.tenant_id, id)?;
        let (lat, lon) = resolve(tx, who.tenant_id, course)?;
        let needed = i64::from(before.seats_allocated) + course.seats_taken_outside;
        if course.capacity < needed {
            return Err(DbError::Invalid(
                FieldError::new(
                    "capacity",
                    "below_booked",
                    format!(
                        "{} seats are booked by the county and {} taken outside: the capacity \
                         cannot be lower than {needed}",
                        before.seats_allocated, course.seats_taken_outside
                    ),
                )
                .with_limit(usize::try_from(needed).unwrap_or(0)),
            ));
        }
        let t = now();
        let changed = diesel::update(
            c::table
                .filter(c::id.eq(id))
                .filter(c::tenant_id.eq(who.tenant_id))
                .filter(c::version.eq(version)),
        )
        .set((
            c::provider_org_id.eq(&course.provider_org_id),
            c::course_type.eq(course.course_type.as_str()),
            c::title.eq(&course.title),
            c::bamf_number.eq(&course.bamf_number),
            c::start_module.eq(course.start_module.map(small)),
            c::hours.eq(small(course.hours)),
            c::street.eq(&course.street),
            c::postcode.eq(&course.postcode),
            c::municipality_id.eq(&course.municipality_id),
            c::latitude.eq(lat),
            c::longitude.eq(lon),
            c::coordinates_given.eq(course.latitude.is_some()),
            c::days.eq(days_text(course)),
            c::time_slot.eq(course.time_slot.as_str()),
            c::starts_at.eq(&course.starts_at),
            c::ends_at.eq(&course.ends_at),
            c::starts_on.eq(course.starts_on.to_string()),
            c::ends_on.eq(course.ends_on.to_string()),
            c::capacity.eq(small(course.capacity)),
            c::seats_taken_outside.eq(small(course.seats_taken_outside)),
            c::childcare.eq(course.childcare),
            c::step_free.eq(course.step_free),
            c::status.eq(if cancelled { CANCELLED } else { PLANNED }),
            c::updated_at.eq(t),
            c::updated_by.eq(who.user_id),
            c::version.eq(version + 1),
        ))
        .execute(tx)?;
        check_versioned_update(tx, changed, |tx| {
            c::table
                .find(id)
                .select((c::updated_by, c::updated_at))
                .first(tx)
        })?;
        let row = get(tx, who.tenant_id, id)?;
        audit_entry(tx, who, "course.update", &row)?;
        Ok(row)
    })
}
