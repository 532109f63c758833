//! A person's data export (GDPR Art. 15): everything stored about them, with the recipients
//! their data went to (referrals, consents) and who accessed the record when (from the audit
//! log: time, organisation, action, data classes — not the staff member's name, which is
//! the staff's own personal data).

use diesel::prelude::*;
use serde_json::{Value, json};

use crate::schema::{audit_log as al, organisations as o, users as u};
use crate::{
    Db, DbResult, allocation, assessments, attendance, consents, needs, persons, plans, referrals,
};

fn to<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// Everything about `person_id` as one JSON document.
pub fn person(conn: &mut Db, tenant_id: &str, person_id: &str) -> DbResult<Value> {
    let p = persons::get(conn, tenant_id, person_id)?;
    let mut analyses = Vec::new();
    for a in assessments::list(conn, tenant_id, person_id)? {
        let full = assessments::get(conn, tenant_id, person_id, a.number)?;
        let sections: serde_json::Map<String, Value> = full
            .sections
            .iter()
            .map(|s| {
                (
                    s.section.clone(),
                    serde_json::from_str(&s.content).unwrap_or(Value::Null),
                )
            })
            .collect();
        analyses.push(json!({ "analysis": to(&a), "sections": sections }));
    }
    let placements = allocation::placements_of(conn, tenant_id, person_id)?;
    let ids: Vec<String> = placements.iter().map(|x| x.id.clone()).collect();
    let records = attendance::records_of(conn, tenant_id, &ids)?;
    let results = attendance::results_of(conn, tenant_id, &ids)?;
    let courses: Vec<Value> = placements
        .iter()
        .map(|pl| {
            let days: Vec<Value> = records
                .get(&pl.id)
                .map(|r| {
                    r.iter()
                        .map(|d| json!({ "day": d.day.to_string(), "status": d.status.as_str() }))
                        .collect()
                })
                .unwrap_or_default();
            json!({ "placement": to(pl), "attendance": days, "results": to(&results.get(&pl.id)) })
        })
        .collect();
    let orgs: Vec<(String, String)> = o::table
        .filter(o::tenant_id.eq(tenant_id))
        .select((o::id, o::name))
        .load(conn)?;
    let org_name = |id: &str| {
        orgs.iter()
            .find(|(i, _)| i == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    };
    let refs: Vec<Value> = referrals::for_person(conn, tenant_id, person_id)?
        .iter()
        .map(|r| json!({ "referral": to(r), "to_organisation": org_name(&r.to_org_id) }))
        .collect();
    let cons: Vec<Value> = consents::list(conn, tenant_id, person_id)?
        .iter()
        .map(|k| json!({ "consent": to(k), "recipient": org_name(&k.recipient_org_id) }))
        .collect();
    let accesses: Vec<(
        time::PrimitiveDateTime,
        String,
        String,
        String,
        Option<String>,
    )> = al::table
        .left_join(u::table.on(al::actor_user_id.eq(u::id.nullable())))
        .filter(al::tenant_id.eq(tenant_id))
        .filter(al::person_id.eq(person_id))
        .order(al::seq)
        .select((
            al::at,
            al::action,
            al::data_classes,
            al::outcome,
            u::org_id.nullable(),
        ))
        .load(conn)?;
    let accesses: Vec<Value> = accesses
        .into_iter()
        .map(|(at, action, classes, outcome, org)| {
            json!({
                "at": crate::dialect::format_ts(at),
                "action": action,
                "data_classes": classes,
                "outcome": outcome,
                "organisation": org.as_deref().map(&org_name),
            })
        })
        .collect();
    Ok(json!({
        "format": "ankommen person export 1",
        "exported_at": crate::dialect::format_ts(crate::now()),
        "person": to(&p),
        "history": to(&persons::changes(conn, tenant_id, person_id)?),
        "situation_analyses": analyses,
        "plan": to(&plans::get(conn, tenant_id, person_id)?),
        "consents": cons,
        "course_needs": to(&needs::for_person(conn, tenant_id, person_id)?),
        "courses": courses,
        "referrals": refs,
        "accesses": accesses,
    }))
}
