//! Follow-ups: appointments, calls, a partner's report, each on a counsellor's dashboard.

use ankommen_domain::plan::FollowUp;
use diesel::prelude::*;

use super::{Change, FollowUpRow, iso, person_counsellor, record};
use crate::schema::follow_ups as f;
use crate::{Db, DbResult, Who, check_versioned_update, now, write_tx};

pub fn follow_up(
    conn: &mut Db,
    tenant_id: &str,
    person_id: &str,
    id: &str,
) -> DbResult<FollowUpRow> {
    Ok(f::table
        .filter(f::tenant_id.eq(tenant_id))
        .filter(f::person_id.eq(person_id))
        .filter(f::id.eq(id))
        .select(FollowUpRow::as_select())
        .first(conn)?)
}

fn follow_up_changes<'a>(old: Option<&FollowUpRow>, new: &FollowUp) -> Vec<Change<'a>> {
    vec![
        (
            "due_on",
            old.map(|o| o.due_on.clone()),
            Some(iso(new.due_on)),
        ),
        (
            "kind",
            old.map(|o| o.kind.clone()),
            Some(new.kind.as_str().to_owned()),
        ),
        ("note", old.and_then(|o| o.note.clone()), new.note.clone()),
        (
            "done",
            old.map(|o| o.done_at.is_some().to_string()),
            Some(new.done.to_string()),
        ),
    ]
}

/// Creates a follow-up for the person's responsible counsellor (or, with none assigned,
/// for whoever records it), so it shows on that counsellor's dashboard.
pub fn create_follow_up(
    conn: &mut Db,
    who: Who<'_>,
    person_id: &str,
    follow_up: &FollowUp,
) -> DbResult<FollowUpRow> {
    write_tx(conn, who.tenant_id, |c| {
        let counsellor = person_counsellor(c, who.tenant_id, person_id)?
            .or_else(|| who.user_id.map(str::to_owned));
        let id = uuid::Uuid::now_v7().to_string();
        let t = now();
        diesel::insert_into(f::table)
            .values((
                f::id.eq(&id),
                f::tenant_id.eq(who.tenant_id),
                f::person_id.eq(person_id),
                f::counsellor_id.eq(&counsellor),
                f::due_on.eq(iso(follow_up.due_on)),
                f::kind.eq(follow_up.kind.as_str()),
                f::note.eq(&follow_up.note),
                f::done_at.eq(follow_up.done.then_some(t)),
                f::created_at.eq(t),
                f::created_by.eq(who.user_id),
                f::updated_at.eq(t),
                f::updated_by.eq(who.user_id),
                f::version.eq(1),
            ))
            .execute(c)?;
        let changes = follow_up_changes(None, follow_up);
        record(
            c,
            who,
            t,
            person_id,
            "plan.follow_up.create",
            "follow_up",
            &id,
            &changes,
        )?;
        self::follow_up(c, who.tenant_id, person_id, &id)
    })
}

pub fn update_follow_up(
    conn: &mut Db,
    who: Who<'_>,
    person_id: &str,
    id: &str,
    version: i32,
    follow_up: &FollowUp,
) -> DbResult<FollowUpRow> {
    write_tx(conn, who.tenant_id, |c| {
        let before = self::follow_up(c, who.tenant_id, person_id, id)?;
        let t = now();
        let done_at = follow_up.done.then(|| before.done_at.unwrap_or(t));
        let changed = diesel::update(f::table.filter(f::id.eq(id)).filter(f::version.eq(version)))
            .set((
                f::due_on.eq(iso(follow_up.due_on)),
                f::kind.eq(follow_up.kind.as_str()),
                f::note.eq(&follow_up.note),
                f::done_at.eq(done_at),
                f::updated_at.eq(t),
                f::updated_by.eq(who.user_id),
                f::version.eq(version + 1),
            ))
            .execute(c)?;
        check_versioned_update(c, changed, |c| {
            f::table
                .find(id)
                .select((f::updated_by, f::updated_at))
                .first(c)
        })?;
        let changes = follow_up_changes(Some(&before), follow_up);
        record(
            c,
            who,
            t,
            person_id,
            "plan.follow_up.update",
            "follow_up",
            id,
            &changes,
        )?;
        self::follow_up(c, who.tenant_id, person_id, id)
    })
}
