//! Attendance and course results of placements, and the county's attendance rule.
//!
//! Input arrives checked (`ankommen_domain::attendance`). A write — one course day or a whole
//! CSV file — runs in ONE transaction: the rows (one per placement and day, updated in place
//! with their version), one history entry per person summarising the changed days, one audit
//! entry per person, and then the rule: every placement the write touched is evaluated, and
//! a new breach creates notifications for the person's counsellor and responsible agency
//! (`crate::notifications`). If anything fails, nothing is written.
//!
//! Attendance and results are course records: data class `education`.

use std::collections::{BTreeMap, HashMap};

use ankommen_domain::DataClass;
use ankommen_domain::attendance::{
    self as rules, AttendanceStatus, Breach, CourseResult, Entry, Participant, Record, ResultKind,
    Rule, Threshold,
};
use ankommen_domain::course::ObligedBy;
use diesel::prelude::*;
use serde::Serialize;
use time::{Date, PrimitiveDateTime};

use crate::allocation::PlacementRow;
use crate::audit::{self, Entry as AuditEntry};
use crate::courses::CourseRow;
use crate::dialect::ser_ts;
use crate::notifications::{self, Message};
use crate::schema::{
    attendance as at, attendance_alerts as al, course_needs as n, course_results as cr,
    courses as c, organisations as o, person_changes as pc, persons as p, placements as pl,
    tenant_settings as ts,
};
use crate::{Db, DbError, DbResult, Who, check_versioned_update, now, write_tx};

/// The data class of attendance and results.
pub const DATA_CLASS: DataClass = DataClass::Education;
/// `placements.status` after a drop-out.
pub const DROPPED_OUT: &str = "dropped_out";
/// Notification kinds.
pub const KIND_BREACH: &str = "attendance_breach";
pub const KIND_RESULT: &str = "course_result";

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = at)]
pub struct AttendanceRow {
    pub id: String,
    #[serde(skip)]
    pub tenant_id: String,
    pub placement_id: String,
    pub course_id: String,
    pub person_id: String,
    pub day: String,
    pub status: String,
    pub late_minutes: Option<i32>,
    pub left_early_minutes: Option<i32>,
    pub note: Option<String>,
    #[serde(serialize_with = "ser_ts")]
    pub created_at: PrimitiveDateTime,
    pub created_by: Option<String>,
    #[serde(serialize_with = "ser_ts")]
    pub updated_at: PrimitiveDateTime,
    pub updated_by: Option<String>,
    pub version: i32,
}

impl AttendanceRow {
    /// The day and status for the rule (rows with unreadable values are left out).
    pub fn record(&self) -> Option<Record> {
        Some(Record {
            day: Date::parse(&self.day, ISO).ok()?,
            status: AttendanceStatus::parse(&self.status).ok()?,
        })
    }
}

const ISO: &[time::format_description::FormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

fn iso(raw: &str) -> Option<Date> {
    Date::parse(raw, ISO).ok()
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = cr)]
pub struct ResultRow {
    pub id: String,
    #[serde(skip)]
    pub tenant_id: String,
    pub placement_id: String,
    pub course_id: String,
    pub person_id: String,
    pub kind: String,
    pub value: Option<String>,
    pub on_date: String,
    pub reason: Option<String>,
    pub note: Option<String>,
    #[serde(serialize_with = "ser_ts")]
    pub created_at: PrimitiveDateTime,
    pub created_by: Option<String>,
    #[serde(serialize_with = "ser_ts")]
    pub updated_at: PrimitiveDateTime,
    pub updated_by: Option<String>,
    pub version: i32,
}

// ---------------------------------------------------------------------------------------
// The rule of the tenant.

/// The tenant's attendance rule and the version of its settings row (0: the defaults, never
/// changed).
pub fn rule(conn: &mut Db, tenant_id: &str) -> DbResult<(Rule, i32)> {
    let row: Option<(i32, i32, i32, i32, i32)> = ts::table
        .filter(ts::tenant_id.eq(tenant_id))
        .select((
            ts::unexcused_limit,
            ts::unexcused_window_days,
            ts::min_rate_percent,
            ts::rate_window_days,
            ts::version,
        ))
        .first(conn)
        .optional()?;
    Ok(match row {
        None => (Rule::default(), 0),
        Some((limit, window, pct, rate_window, version)) => {
            let u = |v: i32| u32::try_from(v).unwrap_or(1).max(1);
            (
                Rule {
                    unexcused_limit: u(limit),
                    unexcused_window_days: u(window),
                    min_rate_percent: u(pct),
                    rate_window_days: u(rate_window),
                },
                version,
            )
        }
    })
}

fn int(v: u32) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

/// Changes the tenant's rule if `version` is current (0 for the defaults).
pub fn set_rule(conn: &mut Db, who: Who<'_>, new: &Rule, version: i32) -> DbResult<(Rule, i32)> {
    write_tx(conn, who.tenant_id, |tx| {
        let (before, current) = rule(tx, who.tenant_id)?;
        let t = now();
        if current == 0 {
            if version != 0 {
                return Err(DbError::Stale {
                    by: "nobody (the rule has its defaults)".into(),
                    at: "-".into(),
                });
            }
            diesel::insert_into(ts::table)
                .values((
                    ts::id.eq(uuid::Uuid::now_v7().to_string()),
                    ts::tenant_id.eq(who.tenant_id),
                    ts::unexcused_limit.eq(int(new.unexcused_limit)),
                    ts::unexcused_window_days.eq(int(new.unexcused_window_days)),
                    ts::min_rate_percent.eq(int(new.min_rate_percent)),
                    ts::rate_window_days.eq(int(new.rate_window_days)),
                    ts::created_at.eq(t),
                    ts::created_by.eq(who.user_id),
                    ts::updated_at.eq(t),
                    ts::updated_by.eq(who.user_id),
                    ts::version.eq(1),
                ))
                .execute(tx)?;
        } else {
            let changed = diesel::update(
                ts::table
                    .filter(ts::tenant_id.eq(who.tenant_id))
                    .filter(ts::version.eq(version)),
            )
            .set((
                ts::unexcused_limit.eq(int(new.unexcused_limit)),
                ts::unexcused_window_days.eq(int(new.unexcused_window_days)),
                ts::min_rate_percent.eq(int(new.min_rate_percent)),
                ts::rate_window_days.eq(int(new.rate_window_days)),
                ts::updated_at.eq(t),
                ts::updated_by.eq(who.user_id),
                ts::version.eq(version + 1),
            ))
            .execute(tx)?;
            check_versioned_update(tx, changed, |tx| {
                ts::table
                    .filter(ts::tenant_id.eq(who.tenant_id))
                    .select((ts::updated_by, ts::updated_at))
                    .first(tx)
            })?;
        }
        let after = rule(tx, who.tenant_id)?;
        audit::append(
            tx,
            who,
            AuditEntry::new("settings.attendance_rule.update", "tenant_settings", None).detail(
                serde_json::json!({
                    "before": rule_json(&before),
                    "after": rule_json(&after.0),
                }),
            ),
        )?;
        Ok(after)
    })
}

pub fn rule_json(r: &Rule) -> serde_json::Value {
    serde_json::json!({
        "unexcused_limit": r.unexcused_limit,
        "unexcused_window_days": r.unexcused_window_days,
        "min_rate_percent": r.min_rate_percent,
        "rate_window_days": r.rate_window_days,
    })
}

// ---------------------------------------------------------------------------------------
// Reading.

/// One placement.
pub fn placement(conn: &mut Db, tenant_id: &str, id: &str) -> DbResult<PlacementRow> {
    Ok(pl::table
        .filter(pl::tenant_id.eq(tenant_id))
        .filter(pl::id.eq(id))
        .select(PlacementRow::as_select())
        .first(conn)?)
}

/// The course's participants as input is checked against them.
pub fn participants_for_input(
    conn: &mut Db,
    tenant_id: &str,
    course_id: &str,
) -> DbResult<Vec<Participant>> {
    let rows: Vec<(String, String, Option<String>, String)> = pl::table
        .inner_join(p::table)
        .filter(pl::tenant_id.eq(tenant_id))
        .filter(pl::course_id.eq(course_id))
        .select((pl::id, pl::status, pl::status_on, p::case_number))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(placement_id, status, on, case_number)| Participant {
            placement_id,
            case_number,
            dropped_out_on: if status == DROPPED_OUT {
                on.as_deref().and_then(iso)
            } else {
                None
            },
        })
        .collect())
}

/// A participant's row of the attendance grid.
#[derive(Debug, Clone, Serialize)]
pub struct GridRow {
    pub placement: PlacementRow,
    pub family_name: String,
    pub given_names: String,
    pub case_number: String,
    pub records: Vec<AttendanceRow>,
    pub results: Vec<ResultRow>,
}

/// Participants × days of a course: every participant with its recorded days and results.
pub fn grid(conn: &mut Db, tenant_id: &str, course_id: &str) -> DbResult<Vec<GridRow>> {
    let people = crate::allocation::participants(conn, tenant_id, course_id)?;
    let records: Vec<AttendanceRow> = at::table
        .filter(at::tenant_id.eq(tenant_id))
        .filter(at::course_id.eq(course_id))
        .order((at::day, at::id))
        .select(AttendanceRow::as_select())
        .load(conn)?;
    let results: Vec<ResultRow> = cr::table
        .filter(cr::tenant_id.eq(tenant_id))
        .filter(cr::course_id.eq(course_id))
        .order((cr::on_date, cr::created_at))
        .select(ResultRow::as_select())
        .load(conn)?;
    let mut by_placement: HashMap<String, Vec<AttendanceRow>> = HashMap::new();
    for r in records {
        by_placement
            .entry(r.placement_id.clone())
            .or_default()
            .push(r);
    }
    let mut results_by: HashMap<String, Vec<ResultRow>> = HashMap::new();
    for r in results {
        results_by
            .entry(r.placement_id.clone())
            .or_default()
            .push(r);
    }
    Ok(people
        .into_iter()
        .map(
            |(placement, family_name, given_names, case_number)| GridRow {
                records: by_placement.remove(&placement.id).unwrap_or_default(),
                results: results_by.remove(&placement.id).unwrap_or_default(),
                placement,
                family_name,
                given_names,
                case_number,
            },
        )
        .collect())
}

/// The recorded days of placements, by placement.
pub fn records_of(
    conn: &mut Db,
    tenant_id: &str,
    placement_ids: &[String],
) -> DbResult<HashMap<String, Vec<Record>>> {
    let mut out: HashMap<String, Vec<Record>> = HashMap::new();
    for chunk in placement_ids.chunks(500) {
        let rows: Vec<(String, String, String)> = at::table
            .filter(at::tenant_id.eq(tenant_id))
            .filter(at::placement_id.eq_any(chunk))
            .select((at::placement_id, at::day, at::status))
            .load(conn)?;
        for (pid, day, status) in rows {
            if let (Some(day), Ok(status)) = (iso(&day), AttendanceStatus::parse(&status)) {
                out.entry(pid).or_default().push(Record { day, status });
            }
        }
    }
    Ok(out)
}

/// Results of placements, by placement, oldest first.
pub fn results_of(
    conn: &mut Db,
    tenant_id: &str,
    placement_ids: &[String],
) -> DbResult<HashMap<String, Vec<ResultRow>>> {
    let mut out: HashMap<String, Vec<ResultRow>> = HashMap::new();
    for chunk in placement_ids.chunks(500) {
        let rows: Vec<ResultRow> = cr::table
            .filter(cr::tenant_id.eq(tenant_id))
            .filter(cr::placement_id.eq_any(chunk))
            .order((cr::on_date, cr::created_at))
            .select(ResultRow::as_select())
            .load(conn)?;
        for r in rows {
            out.entry(r.placement_id.clone()).or_default().push(r);
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Writing attendance.

/// How a write notifies: the job kind that e-mails a user (`ankommen-web`'s `REMINDER`) and
/// the day the rule is evaluated for.
#[derive(Debug, Clone, Copy)]
pub struct Notify<'a> {
    pub reminder_kind: &'a str,
    pub today: Date,
}

/// A breach found after a write.
#[derive(Debug, Clone, Serialize)]
pub struct BreachOut {
    pub placement_id: String,
    pub person_id: String,
    /// The thresholds crossed.
    pub thresholds: Vec<String>,
    /// Whether it was new (notified now) or already reported.
    pub notified: bool,
}

/// What a write did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Written {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub breaches: Vec<BreachOut>,
    /// Notifications created.
    pub notifications: usize,
}

fn cell(status: &str, late: Option<i32>, early: Option<i32>) -> String {
    let mut s = status.to_owned();
    if let Some(m) = late {
        s.push_str(&format!(" late {m}"));
    }
    if let Some(m) = early {
        s.push_str(&format!(" left early {m}"));
    }
    s
}

fn small(v: Option<i64>) -> Option<i32> {
    v.map(|v| i32::try_from(v).unwrap_or(i32::MAX))
}

/// Records attendance of a course (one day or a whole file), in one transaction, and
/// notifies new breaches of the rule. `source` is `day` or `csv` (for the audit log).
pub fn record(
    conn: &mut Db,
    who: Who<'_>,
    course_id: &str,
    entries: &[Entry],
    source: &str,
    notify: Notify<'_>,
) -> DbResult<Written> {
    write_tx(conn, who.tenant_id, |tx| {
        let course = crate::courses::get(tx, who.tenant_id, course_id)?;
        let placements: HashMap<String, PlacementRow> = pl::table
            .filter(pl::tenant_id.eq(who.tenant_id))
            .filter(pl::course_id.eq(course_id))
            .select(PlacementRow::as_select())
            .load(tx)?
            .into_iter()
            .map(|r| (r.id.clone(), r))
            .collect();
        let mut groups: BTreeMap<&str, Vec<&Entry>> = BTreeMap::new();
        for e in entries {
            if !placements.contains_key(&e.placement_id) {
                return Err(DbError::Invalid(
                    ankommen_domain::validate::FieldError::new(
                        "placement_id",
                        "not_a_participant",
                        "not a participant of this course",
                    ),
                ));
            }
            groups.entry(e.placement_id.as_str()).or_default().push(e);
        }
        let mut out = Written::default();
        let mut touched = Vec::new();
        let t = now();
        for (placement_id, list) in groups {
            let placement = &placements[placement_id];
            let days: Vec<String> = list.iter().map(|e| e.day.to_string()).collect();
            let existing: HashMap<String, AttendanceRow> = at::table
                .filter(at::placement_id.eq(placement_id))
                .filter(at::day.eq_any(&days))
                .select(AttendanceRow::as_select())
                .load(tx)?
                .into_iter()
                .map(|r| (r.day.clone(), r))
                .collect();
            let mut old = serde_json::Map::new();
            let mut new = serde_json::Map::new();
            let (mut created, mut updated) = (0usize, 0usize);
            for e in list {
                let day = e.day.to_string();
                let (late, early) = (small(e.late_minutes), small(e.left_early_minutes));
                match existing.get(&day) {
                    Some(row) => {
                        if let Some(v) = e.version
                            && v != row.version
                        {
                            check_versioned_update(tx, 0, |_| {
                                Ok((row.updated_by.clone(), row.updated_at))
                            })?;
                        }
                        if row.status == e.status.as_str()
                            && row.late_minutes == late
                            && row.left_early_minutes == early
                            && row.note == e.note
                        {
                            out.unchanged += 1;
                            continue;
                        }
                        let changed = diesel::update(
                            at::table
                                .filter(at::id.eq(&row.id))
                                .filter(at::version.eq(row.version)),
                        )
                        .set((
                            at::status.eq(e.status.as_str()),
                            at::late_minutes.eq(late),
                            at::left_early_minutes.eq(early),
                            at::note.eq(&e.note),
                            at::updated_at.eq(t),
                            at::updated_by.eq(who.user_id),
                            at::version.eq(row.version + 1),
                        ))
                        .execute(tx)?;
                        check_versioned_update(tx, changed, |tx| {
                            at::table
                                .find(&row.id)
                                .select((at::updated_by, at::updated_at))
                                .first(tx)
                        })?;
                        old.insert(
                            day.clone(),
                            cell(&row.status, row.late_minutes, row.left_early_minutes).into(),
                        );
                        updated += 1;
                    }
                    None => {
                        if e.version.is_some_and(|v| v != 0) {
                            return Err(DbError::Conflict(format!(
                                "attendance of {day} was removed meanwhile; reload the day"
                            )));
                        }
                        diesel::insert_into(at::table)
                            .values((
                                at::id.eq(uuid::Uuid::now_v7().to_string()),
                                at::tenant_id.eq(who.tenant_id),
                                at::placement_id.eq(placement_id),
                                at::course_id.eq(course_id),
                                at::person_id.eq(&placement.person_id),
                                at::day.eq(&day),
                                at::status.eq(e.status.as_str()),
                                at::late_minutes.eq(late),
                                at::left_early_minutes.eq(early),
                                at::note.eq(&e.note),
                                at::created_at.eq(t),
                                at::created_by.eq(who.user_id),
                                at::updated_at.eq(t),
                                at::updated_by.eq(who.user_id),
                                at::version.eq(1),
                            ))
                            .execute(tx)?;
                        created += 1;
                    }
                }
                new.insert(day, cell(e.status.as_str(), late, early).into());
            }
            out.created += created;
            out.updated += updated;
            if created + updated == 0 {
                continue;
            }
            // One history entry per person and write: the changed days, old and new.
            diesel::insert_into(pc::table)
                .values((
                    pc::id.eq(uuid::Uuid::now_v7().to_string()),
                    pc::tenant_id.eq(who.tenant_id),
                    pc::person_id.eq(&placement.person_id),
                    pc::changed_at.eq(t),
                    pc::changed_by.eq(who.user_id),
                    pc::field.eq(format!("attendance.{placement_id}")),
                    pc::data_class.eq(DATA_CLASS.as_str()),
                    pc::old_value
                        .eq((!old.is_empty()).then(|| serde_json::Value::Object(old).to_string())),
                    pc::new_value.eq(Some(serde_json::Value::Object(new).to_string())),
                ))
                .execute(tx)?;
            let classes = [DATA_CLASS];
            let mut entry = AuditEntry::new("attendance.record", "placement", Some(placement_id))
                .detail(serde_json::json!({
                    "course_id": course_id,
                    "source": source,
                    "created": created,
                    "updated": updated,
                }));
            entry.person_id = Some(&placement.person_id);
            entry.data_classes = &classes;
            audit::append(tx, who, entry)?;
            touched.push(placement);
        }
        let (rule, _) = rule(tx, who.tenant_id)?;
        for placement in touched {
            if let Some(b) = evaluate(tx, who, &course, placement, &rule, notify)? {
                out.notifications += b.1;
                out.breaches.push(b.0);
            }
        }
        Ok(out)
    })
}

/// The need's obligation, for the immigration office's notifications.
fn obliged_by(tx: &mut Db, need_id: &str) -> DbResult<Option<ObligedBy>> {
    let raw: Option<String> = n::table
        .filter(n::id.eq(need_id))
        .select(n::obliged_by)
        .first(tx)?;
    Ok(raw.and_then(|r| ObligedBy::parse(&r).ok()))
}

fn course_name(course: &CourseRow) -> String {
    match &course.title {
        Some(t) => t.clone(),
        None => course.course_type.clone(),
    }
}

fn german(d: Date) -> String {
    format!("{:02}.{:02}.{}", d.day(), u8::from(d.month()), d.year())
}

fn breach_text(b: &Breach, rule: &Rule) -> (String, String) {
    let mut de = Vec::new();
    let mut en = Vec::new();
    for w in &b.windows {
        match w.threshold {
            Threshold::UnexcusedAbsences => {
                de.push(format!(
                    "{} unentschuldigte Fehltage vom {} bis {} (Regel: {} in {} Tagen)",
                    w.unexcused,
                    german(w.from),
                    german(w.to),
                    rule.unexcused_limit,
                    rule.unexcused_window_days
                ));
                en.push(format!(
                    "{} unexcused absences from {} to {} (rule: {} within {} days)",
                    w.unexcused, w.from, w.to, rule.unexcused_limit, rule.unexcused_window_days
                ));
            }
            Threshold::LowAttendance => {
                let pct = w.rate_percent().unwrap_or(0);
                de.push(format!(
                    "Anwesenheit {pct} % ({} von {} Kurstagen, {} bis {}; Regel: mindestens {} % in {} Tagen)",
                    w.present,
                    w.recorded,
                    german(w.from),
                    german(w.to),
                    rule.min_rate_percent,
                    rule.rate_window_days
                ));
                en.push(format!(
                    "attendance {pct} % ({} of {} course days, {} to {}; rule: at least {} % over {} days)",
                    w.present,
                    w.recorded,
                    w.from,
                    w.to,
                    rule.min_rate_percent,
                    rule.rate_window_days
                ));
            }
        }
    }
    (de.join("; "), en.join("; "))
}

/// Evaluates the rule for one placement; a new breach is stored as alerts and notified.
/// Returns the breach (if any) and the number of notifications created.
fn evaluate(
    tx: &mut Db,
    who: Who<'_>,
    course: &CourseRow,
    placement: &PlacementRow,
    rule: &Rule,
    notify: Notify<'_>,
) -> DbResult<Option<(BreachOut, usize)>> {
    let records = records_of(tx, who.tenant_id, std::slice::from_ref(&placement.id))?
        .remove(&placement.id)
        .unwrap_or_default();
    let Some(breach) = rules::breaches(&records, rule, notify.today) else {
        return Ok(None);
    };
    let reported: Vec<(Threshold, Date, Date)> = al::table
        .filter(al::placement_id.eq(&placement.id))
        .select((al::threshold, al::window_from, al::window_to))
        .load::<(String, String, String)>(tx)?
        .into_iter()
        .filter_map(|(t, f, to)| Some((Threshold::parse(&t).ok()?, iso(&f)?, iso(&to)?)))
        .collect();
    let fresh: Vec<_> = breach
        .windows
        .iter()
        .filter(|w| rules::is_new(w, &reported))
        .collect();
    let out = BreachOut {
        placement_id: placement.id.clone(),
        person_id: placement.person_id.clone(),
        thresholds: breach
            .thresholds()
            .iter()
            .map(|t| t.as_str().to_owned())
            .collect(),
        notified: !fresh.is_empty(),
    };
    if fresh.is_empty() {
        return Ok(Some((out, 0)));
    }
    let t = now();
    for w in &fresh {
        diesel::insert_into(al::table)
            .values((
                al::id.eq(uuid::Uuid::now_v7().to_string()),
                al::tenant_id.eq(who.tenant_id),
                al::placement_id.eq(&placement.id),
                al::person_id.eq(&placement.person_id),
                al::threshold.eq(w.threshold.as_str()),
                al::window_from.eq(w.from.to_string()),
                al::window_to.eq(w.to.to_string()),
                al::detail.eq(serde_json::json!({
                    "unexcused": w.unexcused,
                    "present": w.present,
                    "recorded": w.recorded,
                })
                .to_string()),
                al::created_at.eq(t),
                al::created_by.eq(who.user_id),
            ))
            .execute(tx)?;
    }
    let case_number: String = p::table
        .find(&placement.person_id)
        .select(p::case_number)
        .first(tx)?;
    let (de, en) = breach_text(&breach, rule);
    let title = format!("Fehlzeiten / Attendance: {case_number}");
    let body = format!(
        "Kurs {course}: {de}.\n\nCourse {course}: {en}.",
        course = course_name(course)
    );
    let message = Message {
        kind: KIND_BREACH,
        title: &title,
        body: &body,
        link: &format!("/persons/{}/course", placement.person_id),
        email_subject: "ankommen: Fehlzeiten / attendance",
        email_text: "Eine Person, für die Sie zuständig sind, hat die Anwesenheitsregel ihres \
                     Sprachkurses verletzt. Einzelheiten finden Sie in ankommen unter \
                     Benachrichtigungen.\n\nA person you are responsible for broke the \
                     attendance rule of their language course. The details are in ankommen \
                     under Notifications.",
    };
    let obliged = obliged_by(tx, &placement.need_id)?;
    let sent = notifications::notify_about(
        tx,
        who,
        &placement.person_id,
        obliged,
        &message,
        notify.reminder_kind,
    )?;
    Ok(Some((out, sent)))
}

mod report;
mod results;
pub use report::*;
pub use results::*;
