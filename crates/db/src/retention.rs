//! Retention and data-subject rights (issue 7, docs/data-protection.md): per-tenant periods
//! for each record type, the nightly run that anonymises closed cases and deletes ended
//! referrals, consents, break-the-glass grants and notifications once due, the anonymisation
//! used for erasure requests, and the facts that block an erasure.
//!
//! Anonymisation keeps what statistics need and nothing that identifies: sex, birth year,
//! nationalities, town, residence status, German level, course placements, attendance counts
//! and results. It removes names, contact, exact dates, the situation analysis, the plan,
//! consents, referrals, notes, the field history and notifications. The audit log keeps its
//! entries (ids, classes, purposes: accountability, GDPR Art. 5(2)); the person id they
//! carry no longer leads to anyone.

use ankommen_domain::retention::{self, ErasureFacts, RecordType};
use diesel::prelude::*;
use serde::Serialize;
use time::{Date, PrimitiveDateTime, Time};

use crate::audit::{self, Entry};
use crate::schema::{
    assessment_sections as sec, assessments as a, attendance as att, break_glass_grants as bg,
    consents as k, course_needs as n, course_results as cr, courses as co, follow_ups as fu,
    notifications as nt, person_changes as pc, person_names as pn, person_search_keys as psk,
    persons as p, placements as pl, plan_goals as pg, plan_steps as ps, referrals as r,
    retention_rules as rr,
};
use crate::{Db, DbError, DbResult, Who, now, write_tx};

/// The period of one record type and whether it is the default.
#[derive(Debug, Clone, Serialize)]
pub struct Rule {
    pub record_type: RecordType,
    pub months: u32,
    pub is_default: bool,
    pub disposal: &'static str,
    pub reference: &'static str,
}

/// Every record type's period for `tenant_id`.
pub fn rules(conn: &mut Db, tenant_id: &str) -> DbResult<Vec<Rule>> {
    let set: Vec<(String, i32)> = rr::table
        .filter(rr::tenant_id.eq(tenant_id))
        .select((rr::record_type, rr::months))
        .load(conn)?;
    Ok(RecordType::ALL
        .iter()
        .map(|t| {
            let custom = set
                .iter()
                .find(|(k, _)| k == t.as_str())
                .and_then(|(_, m)| u32::try_from(*m).ok());
            Rule {
                record_type: *t,
                months: custom.unwrap_or(t.default_months()),
                is_default: custom.is_none(),
                disposal: match t.disposal() {
                    retention::Disposal::Anonymise => "anonymise",
                    retention::Disposal::Delete => "delete",
                },
                reference: t.reference(),
            }
        })
        .collect())
}

/// Sets the period of `record_type` (validated by the caller: `retention::parse_months`).
pub fn set_rule(conn: &mut Db, who: Who<'_>, record_type: RecordType, months: u32) -> DbResult<()> {
    write_tx(conn, who.tenant_id, |c| {
        let t = now();
        let months = i32::try_from(months).unwrap_or(i32::MAX);
        let changed = diesel::update(
            rr::table
                .filter(rr::tenant_id.eq(who.tenant_id))
                .filter(rr::record_type.eq(record_type.as_str())),
        )
        .set((
            rr::months.eq(months),
            rr::updated_at.eq(t),
            rr::updated_by.eq(who.user_id),
            rr::version.eq(rr::version + 1),
        ))
        .execute(c)?;
        if changed == 0 {
            diesel::insert_into(rr::table)
                .values((
                    rr::id.eq(uuid::Uuid::now_v7().to_string()),
                    rr::tenant_id.eq(who.tenant_id),
                    rr::record_type.eq(record_type.as_str()),
                    rr::months.eq(months),
                    rr::created_at.eq(t),
                    rr::created_by.eq(who.user_id),
                    rr::updated_at.eq(t),
                    rr::updated_by.eq(who.user_id),
                    rr::version.eq(1),
                ))
                .execute(c)?;
        }
        audit::append(
            c,
            who,
            Entry::new(
                "settings.retention.update",
                "retention_rule",
                Some(record_type.as_str()),
            )
            .detail(serde_json::json!({ "months": months })),
        )?;
        Ok(())
    })
}

/// What one run did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    pub anonymised_cases: usize,
    pub deleted_referrals: usize,
    pub deleted_consents: usize,
    pub deleted_break_glass: usize,
    pub deleted_notifications: usize,
}

fn start_of(d: Date) -> PrimitiveDateTime {
    PrimitiveDateTime::new(d.next_day().unwrap_or(d), Time::MIDNIGHT)
}

/// Applies every rule on `today`: what is due is anonymised or deleted, each with an audit
/// entry (ids only). Idempotent: a second run the same day finds nothing.
pub fn run(conn: &mut Db, who: Who<'_>, today: Date) -> DbResult<Report> {
    let rules = rules(conn, who.tenant_id)?;
    let cutoff = |t: RecordType| {
        let months = rules
            .iter()
            .find(|r| r.record_type == t)
            .map_or(t.default_months(), |r| r.months);
        retention::cutoff(today, months)
    };
    let mut report = Report::default();
    // Closed cases: one transaction per person, so a failure leaves the others done.
    let due_cases: Vec<String> = p::table
        .filter(p::tenant_id.eq(who.tenant_id))
        .filter(p::case_status.eq("closed"))
        .filter(p::anonymised_at.is_null())
        .filter(p::closed_on.le(cutoff(RecordType::ClosedCase).to_string()))
        .select(p::id)
        .load(conn)?;
    for id in due_cases {
        write_tx(conn, who.tenant_id, |c| {
            anonymise_in_tx(c, who, &id, "retention")
        })?;
        report.anonymised_cases += 1;
    }
    write_tx(conn, who.tenant_id, |c| {
        // Referrals that ended (declined, completed, withdrawn) before the cutoff.
        let before = start_of(cutoff(RecordType::Referral));
        let ids: Vec<String> = r::table
            .filter(r::tenant_id.eq(who.tenant_id))
            .filter(r::ended_at.lt(before))
            .select(r::id)
            .load(c)?;
        report.deleted_referrals = delete_referrals(c, &ids)?;
        // Consents that expired or were withdrawn before the cutoff, unless a referral still
        // refers to them (then they go with it).
        let day = cutoff(RecordType::Consent).to_string();
        let ended: Vec<String> = k::table
            .filter(k::tenant_id.eq(who.tenant_id))
            .filter(k::withdrawn_on.le(&day).or(k::expires_on.le(&day)))
            .select(k::id)
            .load(c)?;
        let referenced: Vec<Option<String>> = r::table
            .filter(r::consent_id.eq_any(&ended))
            .select(r::consent_id)
            .load(c)?;
        let free: Vec<&String> = ended
            .iter()
            .filter(|id| !referenced.iter().any(|x| x.as_ref() == Some(id)))
            .collect();
        report.deleted_consents = diesel::delete(k::table.filter(k::id.eq_any(free))).execute(c)?;
        report.deleted_break_glass = diesel::delete(
            bg::table
                .filter(bg::tenant_id.eq(who.tenant_id))
                .filter(bg::granted_at.lt(start_of(cutoff(RecordType::BreakGlass))))
                .filter(bg::reviewed_at.is_not_null()),
        )
        .execute(c)?;
        report.deleted_notifications = diesel::delete(
            nt::table
                .filter(nt::tenant_id.eq(who.tenant_id))
                .filter(nt::created_at.lt(start_of(cutoff(RecordType::Notification)))),
        )
        .execute(c)?;
        audit::append(
            c,
            who,
            Entry::new("retention.run", "retention_rule", None)
                .detail(serde_json::to_value(&report).unwrap_or_default()),
        )?;
        Ok(())
    })?;
    Ok(report)
}

fn delete_referrals(c: &mut Db, ids: &[String]) -> DbResult<usize> {
    Ok(diesel::delete(r::table.filter(r::id.eq_any(ids))).execute(c)?)
}

/// Whether anything stands in the way of erasing `person_id` on `today`.
pub fn erasure_facts(
    conn: &mut Db,
    tenant_id: &str,
    person_id: &str,
    today: Date,
) -> DbResult<ErasureFacts> {
    let status: String = p::table
        .filter(p::tenant_id.eq(tenant_id))
        .filter(p::id.eq(person_id))
        .select(p::case_status)
        .first(conn)?;
    let running: i64 = pl::table
        .inner_join(co::table.on(co::id.eq(pl::course_id)))
        .filter(pl::tenant_id.eq(tenant_id))
        .filter(pl::person_id.eq(person_id))
        .filter(pl::status.eq(crate::allocation::BOOKED))
        .filter(co::ends_on.ge(today.to_string()))
        .count()
        .get_result(conn)?;
    let obliged: i64 = n::table
        .filter(n::tenant_id.eq(tenant_id))
        .filter(n::person_id.eq(person_id))
        .filter(n::obliged_by.is_not_null())
        .filter(n::status.eq_any(["waiting", "placed"]))
        .count()
        .get_result(conn)?;
    let open: i64 = r::table
        .filter(r::tenant_id.eq(tenant_id))
        .filter(r::person_id.eq(person_id))
        .filter(r::state.eq_any(["sent", "accepted"]))
        .count()
        .get_result(conn)?;
    Ok(ErasureFacts {
        case_open: status != "closed",
        course_not_ended: running > 0,
        obligation_active: obliged > 0,
        open_referrals: open > 0,
    })
}

/// Erases a person on request (GDPR Art. 17) if nothing blocks it: the blockers' codes
/// otherwise (422). `reason`: where the request is filed (kept in the audit entry).
pub fn erase(conn: &mut Db, who: Who<'_>, person_id: &str, today: Date) -> DbResult<()> {
    write_tx(conn, who.tenant_id, |c| {
        let blockers =
            retention::erasure_blockers(erasure_facts(c, who.tenant_id, person_id, today)?);
        if !blockers.is_empty() {
            return Err(DbError::Invalid(
                ankommen_domain::validate::FieldError::new(
                    "erasure",
                    "erasure_blocked",
                    format!("erasure is not possible yet: {}", blockers.join(", ")),
                ),
            ));
        }
        anonymise_in_tx(c, who, person_id, "erasure_request")
    })
}

/// Anonymises one person inside the caller's transaction (see the module docs).
fn anonymise_in_tx(c: &mut Db, who: Who<'_>, person_id: &str, why: &str) -> DbResult<()> {
    let (birth_date, already): (Option<String>, Option<PrimitiveDateTime>) = p::table
        .filter(p::tenant_id.eq(who.tenant_id))
        .filter(p::id.eq(person_id))
        .select((p::birth_date, p::anonymised_at))
        .first(c)?;
    if already.is_some() {
        return Err(DbError::Conflict(
            "this person's data were anonymised already".into(),
        ));
    }
    let t = now();
    let birth_year = birth_date.and_then(|d| {
        d.get(..4)
            .filter(|y| y.chars().all(|c| c.is_ascii_digit()))
            .map(str::to_owned)
    });
    let token = uuid::Uuid::now_v7().simple().to_string();
    let goal_ids: Vec<String> = pg::table
        .filter(pg::person_id.eq(person_id))
        .select(pg::id)
        .load(c)?;
    let assessment_ids: Vec<String> = a::table
        .filter(a::person_id.eq(person_id))
        .select(a::id)
        .load(c)?;
    diesel::delete(r::table.filter(r::person_id.eq(person_id))).execute(c)?;
    diesel::delete(bg::table.filter(bg::person_id.eq(person_id))).execute(c)?;
    diesel::delete(k::table.filter(k::person_id.eq(person_id))).execute(c)?;
    diesel::delete(fu::table.filter(fu::person_id.eq(person_id))).execute(c)?;
    diesel::delete(ps::table.filter(ps::person_id.eq(person_id))).execute(c)?;
    diesel::delete(pg::table.filter(pg::id.eq_any(&goal_ids))).execute(c)?;
    diesel::delete(sec::table.filter(sec::assessment_id.eq_any(&assessment_ids))).execute(c)?;
    diesel::delete(a::table.filter(a::id.eq_any(&assessment_ids))).execute(c)?;
    diesel::delete(nt::table.filter(nt::person_id.eq(person_id))).execute(c)?;
    diesel::delete(pc::table.filter(pc::person_id.eq(person_id))).execute(c)?;
    diesel::delete(pn::table.filter(pn::person_id.eq(person_id))).execute(c)?;
    diesel::delete(psk::table.filter(psk::person_id.eq(person_id))).execute(c)?;
    diesel::update(n::table.filter(n::person_id.eq(person_id)))
        .set((
            n::note.eq(None::<String>),
            n::status_reason.eq(None::<String>),
        ))
        .execute(c)?;
    diesel::update(pl::table.filter(pl::person_id.eq(person_id)))
        .set(pl::status_reason.eq(None::<String>))
        .execute(c)?;
    diesel::update(att::table.filter(att::person_id.eq(person_id)))
        .set(att::note.eq(None::<String>))
        .execute(c)?;
    diesel::update(cr::table.filter(cr::person_id.eq(person_id)))
        .set((cr::note.eq(None::<String>), cr::reason.eq(None::<String>)))
        .execute(c)?;
    diesel::update(p::table.filter(p::id.eq(person_id)))
        .set((
            p::case_number.eq(format!("ANON-{}", &token[token.len() - 10..])),
            p::family_name.eq("—"),
            p::given_names.eq("—"),
            p::birth_name.eq(None::<String>),
            p::birth_date.eq(birth_year),
            p::birth_place.eq(None::<String>),
            p::phone.eq(None::<String>),
            p::email.eq(None::<String>),
            p::street.eq(None::<String>),
            p::postcode.eq(None::<String>),
            p::arrived_germany_on.eq(None::<String>),
            p::arrived_county_on.eq(None::<String>),
            p::residence_paragraph.eq(None::<String>),
            p::residence_first_issued_on.eq(None::<String>),
            p::residence_valid_until.eq(None::<String>),
            p::languages.eq("[]"),
            p::counsellor_id.eq(None::<String>),
            p::case_status.eq("closed"),
            p::case_status_reason.eq(None::<String>),
            p::anonymised_at.eq(Some(t)),
            p::updated_at.eq(t),
            p::updated_by.eq(who.user_id),
            p::version.eq(p::version + 1),
        ))
        .execute(c)?;
    let mut entry = Entry::new(
        if why == "erasure_request" {
            "person.erase"
        } else {
            "person.anonymise"
        },
        "person",
        Some(person_id),
    )
    .detail(serde_json::json!({ "why": why }));
    entry.person_id = Some(person_id);
    audit::append(c, who, entry)?;
    Ok(())
}

/// Network settings of a tenant: days a receiver has to react to a referral, hours a
/// break-the-glass access lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct NetworkSettings {
    pub referral_reminder_days: i32,
    pub break_glass_hours: i32,
}

impl Default for NetworkSettings {
    fn default() -> Self {
        Self {
            referral_reminder_days: ankommen_domain::referral::DEFAULT_REMINDER_DAYS as i32,
            break_glass_hours: 24,
        }
    }
}

pub fn network_settings(conn: &mut Db, tenant_id: &str) -> DbResult<NetworkSettings> {
    use crate::schema::tenant_settings as ts;
    let row: Option<(i32, i32)> = ts::table
        .filter(ts::tenant_id.eq(tenant_id))
        .select((ts::referral_reminder_days, ts::break_glass_hours))
        .first(conn)
        .optional()?;
    Ok(
        row.map_or_else(NetworkSettings::default, |(d, h)| NetworkSettings {
            referral_reminder_days: d.clamp(1, 60),
            break_glass_hours: h.clamp(1, 168),
        }),
    )
}

/// Changes the network settings (validated by the caller: 1–60 days, 1–168 hours).
pub fn set_network_settings(
    conn: &mut Db,
    who: Who<'_>,
    s: NetworkSettings,
) -> DbResult<NetworkSettings> {
    use crate::schema::tenant_settings as ts;
    write_tx(conn, who.tenant_id, |c| {
        let t = now();
        let changed = diesel::update(ts::table.filter(ts::tenant_id.eq(who.tenant_id)))
            .set((
                ts::referral_reminder_days.eq(s.referral_reminder_days),
                ts::break_glass_hours.eq(s.break_glass_hours),
                ts::updated_at.eq(t),
                ts::updated_by.eq(who.user_id),
                ts::version.eq(ts::version + 1),
            ))
            .execute(c)?;
        if changed == 0 {
            let rule = ankommen_domain::attendance::Rule::default();
            let int = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
            diesel::insert_into(ts::table)
                .values((
                    ts::id.eq(uuid::Uuid::now_v7().to_string()),
                    ts::tenant_id.eq(who.tenant_id),
                    ts::unexcused_limit.eq(int(rule.unexcused_limit)),
                    ts::unexcused_window_days.eq(int(rule.unexcused_window_days)),
                    ts::min_rate_percent.eq(int(rule.min_rate_percent)),
                    ts::rate_window_days.eq(int(rule.rate_window_days)),
                    ts::referral_reminder_days.eq(s.referral_reminder_days),
                    ts::break_glass_hours.eq(s.break_glass_hours),
                    ts::created_at.eq(t),
                    ts::created_by.eq(who.user_id),
                    ts::updated_at.eq(t),
                    ts::updated_by.eq(who.user_id),
                    ts::version.eq(1),
                ))
                .execute(c)?;
        }
        audit::append(
            c,
            who,
            Entry::new("settings.network.update", "tenant_settings", None)
                .detail(serde_json::to_value(s).unwrap_or_default()),
        )?;
        network_settings(c, who.tenant_id)
    })
}
