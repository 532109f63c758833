//! What is due: open steps and pending follow-ups with a due date up to `today + horizon`
//! (overdue ones included), of one counsellor's caseload or of the whole tenant, with the
//! person's name and case number, for the dashboard.

use diesel::prelude::*;
use serde::Serialize;
use time::Date;

use ankommen_domain::plan::StepStatus;

use crate::schema::{follow_ups as f, persons as p, plan_steps as s};
use crate::{Db, DbResult};

/// id, person id, case number, family name, given names, title, due on.
type StepDue = (
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
);
/// id, person id, case number, family name, given names, kind, note, due on.
type FollowUpDue = (
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    String,
);

/// At most this many entries of each kind.
const LIMIT: i64 = 200;

/// A due or overdue step or follow-up.
#[derive(Debug, Clone, Serialize)]
pub struct DueItem {
    /// `step` or `follow_up`.
    pub kind: &'static str,
    pub id: String,
    pub person_id: String,
    pub case_number: String,
    pub family_name: String,
    pub given_names: String,
    /// The step's title; for a follow-up its kind (`appointment`, `phone`, `partner`).
    pub title: String,
    /// A follow-up's note.
    pub note: Option<String>,
    /// ISO date.
    pub due_on: String,
    pub overdue: bool,
}

/// Due and overdue steps and follow-ups, earliest first. `counsellor_id`: steps of persons
/// in that counsellor's caseload and that counsellor's follow-ups; `None`: the whole tenant.
pub fn due_for(
    conn: &mut Db,
    tenant_id: &str,
    counsellor_id: Option<&str>,
    today: Date,
    horizon_days: i64,
) -> DbResult<Vec<DueItem>> {
    let until = (today + time::Duration::days(horizon_days)).to_string();
    let today_s = today.to_string();
    let active = [StepStatus::Open.as_str(), StepStatus::InProgress.as_str()];
    let mut steps = s::table
        .inner_join(p::table)
        .filter(s::tenant_id.eq(tenant_id))
        .filter(s::status.eq_any(active))
        .filter(s::due_on.le(&until))
        .into_boxed();
    if let Some(cid) = counsellor_id {
        steps = steps.filter(p::counsellor_id.eq(cid));
    }
    let steps: Vec<StepDue> = steps
        .order((s::due_on, s::id))
        .limit(LIMIT)
        .select((
            s::id,
            s::person_id,
            p::case_number,
            p::family_name,
            p::given_names,
            s::title,
            s::due_on,
        ))
        .load(conn)?;
    let mut fus = f::table
        .inner_join(p::table)
        .filter(f::tenant_id.eq(tenant_id))
        .filter(f::done_at.is_null())
        .filter(f::due_on.le(&until))
        .into_boxed();
    if let Some(cid) = counsellor_id {
        fus = fus.filter(f::counsellor_id.eq(cid));
    }
    let fus: Vec<FollowUpDue> = fus
        .order((f::due_on, f::id))
        .limit(LIMIT)
        .select((
            f::id,
            f::person_id,
            p::case_number,
            p::family_name,
            p::given_names,
            f::kind,
            f::note,
            f::due_on,
        ))
        .load(conn)?;
    let mut items: Vec<DueItem> = steps
        .into_iter()
        .filter_map(
            |(id, person_id, case_number, family_name, given_names, title, due)| {
                let due_on = due?;
                Some(DueItem {
                    kind: "step",
                    overdue: due_on < today_s,
                    id,
                    person_id,
                    case_number,
                    family_name,
                    given_names,
                    title,
                    note: None,
                    due_on,
                })
            },
        )
        .chain(fus.into_iter().map(
            |(id, person_id, case_number, family_name, given_names, kind, note, due_on)| DueItem {
                kind: "follow_up",
                overdue: due_on < today_s,
                id,
                person_id,
                case_number,
                family_name,
                given_names,
                title: kind,
                note,
                due_on,
            },
        ))
        .collect();
    items.sort_by(|a, b| (&a.due_on, &a.id).cmp(&(&b.due_on, &b.id)));
    Ok(items)
}
