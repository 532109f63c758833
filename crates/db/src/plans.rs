//! The integration plan: goals, steps and follow-ups of a person. Every write runs in
//! `write_tx` with its audit entry (about the person, data class `notes`) and one
//! `person_changes` entry per changed field (`plan.goal.<id>.<field>`, `plan.step.<id>.<field>`,
//! `plan.follow_up.<id>.<field>`). Updates carry the version read (stale → 409 naming who).
//! Content arrives validated (`ankommen_domain::plan`); access decisions are the caller's.

pub mod due;
mod follow_ups;
mod rows;

use ankommen_domain::DataClass;
use ankommen_domain::plan::{DATA_CLASS, Goal, Step};
use ankommen_domain::validate::FieldError;
use diesel::prelude::*;
use time::PrimitiveDateTime;

use crate::audit::{self, Entry};
use crate::schema::{
    follow_ups as f, organisations, person_changes as pc, persons, plan_goals as g, plan_steps as s,
};
use crate::{Db, DbError, DbResult, Who, check_versioned_update, now, write_tx};

pub use due::{DueItem, due_for};
pub use follow_ups::{create_follow_up, follow_up, update_follow_up};
pub use rows::{FollowUpRow, GoalRow, Plan, StepRow};

const CLASSES: [DataClass; 1] = [DATA_CLASS];

/// A person's whole plan: goals (oldest first), their steps, the follow-ups.
pub fn get(conn: &mut Db, tenant_id: &str, person_id: &str) -> DbResult<Plan> {
    Ok(Plan {
        goals: g::table
            .filter(g::tenant_id.eq(tenant_id))
            .filter(g::person_id.eq(person_id))
            .order(g::id)
            .select(GoalRow::as_select())
            .load(conn)?,
        steps: s::table
            .filter(s::tenant_id.eq(tenant_id))
            .filter(s::person_id.eq(person_id))
            .order(s::id)
            .select(StepRow::as_select())
            .load(conn)?,
        follow_ups: f::table
            .filter(f::tenant_id.eq(tenant_id))
            .filter(f::person_id.eq(person_id))
            .order((f::due_on, f::id))
            .select(FollowUpRow::as_select())
            .load(conn)?,
    })
}

pub fn goal(conn: &mut Db, tenant_id: &str, person_id: &str, id: &str) -> DbResult<GoalRow> {
    Ok(g::table
        .filter(g::tenant_id.eq(tenant_id))
        .filter(g::person_id.eq(person_id))
        .filter(g::id.eq(id))
        .select(GoalRow::as_select())
        .first(conn)?)
}

pub fn step(conn: &mut Db, tenant_id: &str, person_id: &str, id: &str) -> DbResult<StepRow> {
    Ok(s::table
        .filter(s::tenant_id.eq(tenant_id))
        .filter(s::person_id.eq(person_id))
        .filter(s::id.eq(id))
        .select(StepRow::as_select())
        .first(conn)?)
}

/// The person's responsible counsellor (`None`: none assigned); 404 if not in the tenant.
pub(crate) fn person_counsellor(
    c: &mut Db,
    tenant_id: &str,
    person_id: &str,
) -> DbResult<Option<String>> {
    Ok(persons::table
        .filter(persons::tenant_id.eq(tenant_id))
        .filter(persons::id.eq(person_id))
        .select(persons::counsellor_id)
        .first(c)?)
}

fn check_org(c: &mut Db, tenant_id: &str, org_id: Option<&str>) -> DbResult<()> {
    let Some(org_id) = org_id else { return Ok(()) };
    organisations::table
        .filter(organisations::tenant_id.eq(tenant_id))
        .filter(organisations::id.eq(org_id))
        .select(organisations::id)
        .first::<String>(c)
        .optional()?
        .map(|_| ())
        .ok_or_else(|| {
            DbError::Invalid(FieldError::new(
                "owner_org_id",
                "no_such_org",
                "no such organisation",
            ))
        })
}

pub(crate) type Change<'a> = (&'a str, Option<String>, Option<String>);

/// Writes the changed fields to the person's history and the audit entry.
#[allow(clippy::too_many_arguments)]
pub(crate) fn record(
    c: &mut Db,
    who: Who<'_>,
    t: PrimitiveDateTime,
    person_id: &str,
    action: &str,
    prefix: &str,
    id: &str,
    changes: &[Change<'_>],
) -> DbResult<()> {
    let mut fields = Vec::new();
    for (field, old, new) in changes {
        if old == new {
            continue;
        }
        fields.push(*field);
        diesel::insert_into(pc::table)
            .values((
                pc::id.eq(uuid::Uuid::now_v7().to_string()),
                pc::tenant_id.eq(who.tenant_id),
                pc::person_id.eq(person_id),
                pc::changed_at.eq(t),
                pc::changed_by.eq(who.user_id),
                pc::field.eq(format!("plan.{prefix}.{id}.{field}")),
                pc::data_class.eq(DATA_CLASS.as_str()),
                pc::old_value.eq(old),
                pc::new_value.eq(new),
            ))
            .execute(c)?;
    }
    let mut entry = Entry::new(action, "person", Some(person_id))
        .detail(serde_json::json!({ format!("{prefix}_id"): id, "fields": fields }));
    entry.person_id = Some(person_id);
    entry.data_classes = &CLASSES;
    audit::append(c, who, entry)?;
    Ok(())
}

fn goal_changes<'a>(old: Option<&GoalRow>, new: &Goal) -> Vec<Change<'a>> {
    vec![
        (
            "action_field",
            old.map(|o| o.action_field.clone()),
            Some(new.action_field.as_str().to_owned()),
        ),
        (
            "title",
            old.map(|o| o.title.clone()),
            Some(new.title.clone()),
        ),
        (
            "description",
            old.and_then(|o| o.description.clone()),
            new.description.clone(),
        ),
        (
            "status",
            old.map(|o| o.status.clone()),
            Some(new.status.as_str().to_owned()),
        ),
        (
            "status_reason",
            old.and_then(|o| o.status_reason.clone()),
            new.status_reason.clone(),
        ),
    ]
}

pub fn create_goal(conn: &mut Db, who: Who<'_>, person_id: &str, goal: &Goal) -> DbResult<GoalRow> {
    write_tx(conn, who.tenant_id, |c| {
        person_counsellor(c, who.tenant_id, person_id)?;
        let id = uuid::Uuid::now_v7().to_string();
        let t = now();
        diesel::insert_into(g::table)
            .values((
                g::id.eq(&id),
                g::tenant_id.eq(who.tenant_id),
                g::person_id.eq(person_id),
                g::action_field.eq(goal.action_field.as_str()),
                g::title.eq(&goal.title),
                g::description.eq(&goal.description),
                g::status.eq(goal.status.as_str()),
                g::status_reason.eq(&goal.status_reason),
                g::created_at.eq(t),
                g::created_by.eq(who.user_id),
                g::updated_at.eq(t),
                g::updated_by.eq(who.user_id),
                g::version.eq(1),
            ))
            .execute(c)?;
        let changes = goal_changes(None, goal);
        record(
            c,
            who,
            t,
            person_id,
            "plan.goal.create",
            "goal",
            &id,
            &changes,
        )?;
        self::goal(c, who.tenant_id, person_id, &id)
    })
}

pub fn update_goal(
    conn: &mut Db,
    who: Who<'_>,
    person_id: &str,
    id: &str,
    version: i32,
    goal: &Goal,
) -> DbResult<GoalRow> {
    write_tx(conn, who.tenant_id, |c| {
        let before = self::goal(c, who.tenant_id, person_id, id)?;
        let t = now();
        let changed = diesel::update(g::table.filter(g::id.eq(id)).filter(g::version.eq(version)))
            .set((
                g::action_field.eq(goal.action_field.as_str()),
                g::title.eq(&goal.title),
                g::description.eq(&goal.description),
                g::status.eq(goal.status.as_str()),
                g::status_reason.eq(&goal.status_reason),
                g::updated_at.eq(t),
                g::updated_by.eq(who.user_id),
                g::version.eq(version + 1),
            ))
            .execute(c)?;
        check_versioned_update(c, changed, |c| {
            g::table
                .find(id)
                .select((g::updated_by, g::updated_at))
                .first(c)
        })?;
        let changes = goal_changes(Some(&before), goal);
        record(
            c,
            who,
            t,
            person_id,
            "plan.goal.update",
            "goal",
            id,
            &changes,
        )?;
        self::goal(c, who.tenant_id, person_id, id)
    })
}

pub(crate) fn iso(d: time::Date) -> String {
    d.to_string()
}

fn step_changes<'a>(
    old: Option<&StepRow>,
    new: &Step,
    done_on: &Option<String>,
) -> Vec<Change<'a>> {
    vec![
        (
            "title",
            old.map(|o| o.title.clone()),
            Some(new.title.clone()),
        ),
        (
            "owner_kind",
            old.map(|o| o.owner_kind.clone()),
            Some(new.owner.kind().as_str().to_owned()),
        ),
        (
            "owner_org_id",
            old.and_then(|o| o.owner_org_id.clone()),
            new.owner.org_id().map(str::to_owned),
        ),
        (
            "due_on",
            old.and_then(|o| o.due_on.clone()),
            new.due_on.map(iso),
        ),
        (
            "status",
            old.map(|o| o.status.clone()),
            Some(new.status.as_str().to_owned()),
        ),
        (
            "status_reason",
            old.and_then(|o| o.status_reason.clone()),
            new.status_reason.clone(),
        ),
        (
            "done_on",
            old.and_then(|o| o.done_on.clone()),
            done_on.clone(),
        ),
    ]
}

/// When a step was done: kept while it stays done, today when it becomes done.
fn done_on(old: Option<&StepRow>, new: &Step, t: PrimitiveDateTime) -> Option<String> {
    use ankommen_domain::plan::StepStatus;
    (new.status == StepStatus::Done).then(|| {
        old.and_then(|o| o.done_on.clone())
            .unwrap_or_else(|| iso(t.date()))
    })
}

pub fn create_step(
    conn: &mut Db,
    who: Who<'_>,
    person_id: &str,
    goal_id: &str,
    step: &Step,
) -> DbResult<StepRow> {
    write_tx(conn, who.tenant_id, |c| {
        self::goal(c, who.tenant_id, person_id, goal_id)?;
        check_org(c, who.tenant_id, step.owner.org_id())?;
        let id = uuid::Uuid::now_v7().to_string();
        let t = now();
        let done = done_on(None, step, t);
        diesel::insert_into(s::table)
            .values((
                s::id.eq(&id),
                s::tenant_id.eq(who.tenant_id),
                s::person_id.eq(person_id),
                s::goal_id.eq(goal_id),
                s::title.eq(&step.title),
                s::owner_kind.eq(step.owner.kind().as_str()),
                s::owner_org_id.eq(step.owner.org_id()),
                s::due_on.eq(step.due_on.map(iso)),
                s::status.eq(step.status.as_str()),
                s::status_reason.eq(&step.status_reason),
                s::done_on.eq(&done),
                s::created_at.eq(t),
                s::created_by.eq(who.user_id),
                s::updated_at.eq(t),
                s::updated_by.eq(who.user_id),
                s::version.eq(1),
            ))
            .execute(c)?;
        let changes = step_changes(None, step, &done);
        record(
            c,
            who,
            t,
            person_id,
            "plan.step.create",
            "step",
            &id,
            &changes,
        )?;
        self::step(c, who.tenant_id, person_id, &id)
    })
}

pub fn update_step(
    conn: &mut Db,
    who: Who<'_>,
    person_id: &str,
    id: &str,
    version: i32,
    step: &Step,
) -> DbResult<StepRow> {
    write_tx(conn, who.tenant_id, |c| {
        let before = self::step(c, who.tenant_id, person_id, id)?;
        check_org(c, who.tenant_id, step.owner.org_id())?;
        let t = now();
        let done = done_on(Some(&before), step, t);
        let changed = diesel::update(s::table.filter(s::id.eq(id)).filter(s::version.eq(version)))
            .set((
                s::title.eq(&step.title),
                s::owner_kind.eq(step.owner.kind().as_str()),
                s::owner_org_id.eq(step.owner.org_id()),
                s::due_on.eq(step.due_on.map(iso)),
                s::status.eq(step.status.as_str()),
                s::status_reason.eq(&step.status_reason),
                s::done_on.eq(&done),
                s::updated_at.eq(t),
                s::updated_by.eq(who.user_id),
                s::version.eq(version + 1),
            ))
            .execute(c)?;
        check_versioned_update(c, changed, |c| {
            s::table
                .find(id)
                .select((s::updated_by, s::updated_at))
                .first(c)
        })?;
        let changes = step_changes(Some(&before), step, &done);
        record(
            c,
            who,
            t,
            person_id,
            "plan.step.update",
            "step",
            id,
            &changes,
        )?;
        self::step(c, who.tenant_id, person_id, id)
    })
}
