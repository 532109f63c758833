//! Break the glass (DESIGN.md §5; DHIS2's temporary ownership): a counsellor who opens a
//! record outside the own caseload states a reason and gets read access for a limited time
//! (default 24 h). Every grant is audited and waits in the team leads' review list.

use diesel::prelude::*;
use serde::Serialize;
use time::{Duration, PrimitiveDateTime};

use crate::audit::{self, Entry};
use crate::dialect::{ser_opt_ts, ser_ts};
use crate::schema::{break_glass_grants as g, persons as p, users as u};
use crate::{Db, DbError, DbResult, Who, now, write_tx};

/// Shortest reason accepted (the policy's rule: a real sentence, not "x").
pub const MIN_REASON: usize = 10;

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = g)]
pub struct Grant {
    pub id: String,
    #[serde(skip)]
    pub tenant_id: String,
    pub person_id: String,
    pub user_id: String,
    pub reason: String,
    #[serde(serialize_with = "ser_ts")]
    pub granted_at: PrimitiveDateTime,
    #[serde(serialize_with = "ser_ts")]
    pub expires_at: PrimitiveDateTime,
    #[serde(serialize_with = "ser_opt_ts")]
    pub reviewed_at: Option<PrimitiveDateTime>,
    pub reviewed_by: Option<String>,
    pub review_note: Option<String>,
}

/// The grant `user_id` holds for `person_id` now, if any.
pub fn active(
    conn: &mut Db,
    tenant_id: &str,
    person_id: &str,
    user_id: &str,
) -> DbResult<Option<Grant>> {
    Ok(g::table
        .filter(g::tenant_id.eq(tenant_id))
        .filter(g::person_id.eq(person_id))
        .filter(g::user_id.eq(user_id))
        .filter(g::expires_at.gt(now()))
        .order(g::expires_at.desc())
        .select(Grant::as_select())
        .first(conn)
        .optional()?)
}

/// Grants `user_id` access to `person_id` for `hours`, with `reason` (audited).
pub fn grant(
    conn: &mut Db,
    who: Who<'_>,
    person_id: &str,
    user_id: &str,
    reason: &str,
    hours: i64,
) -> DbResult<Grant> {
    let reason = reason.trim();
    if reason.chars().count() < MIN_REASON
        || reason.chars().count() > 500
        || reason.chars().any(char::is_control)
    {
        return Err(DbError::Invalid(
            ankommen_domain::validate::FieldError::new(
                "reason",
                "reason_too_short",
                format!("state the reason in at least {MIN_REASON} characters (at most 500)"),
            ),
        ));
    }
    write_tx(conn, who.tenant_id, |c| {
        let id = uuid::Uuid::now_v7().to_string();
        let t = now();
        diesel::insert_into(g::table)
            .values((
                g::id.eq(&id),
                g::tenant_id.eq(who.tenant_id),
                g::person_id.eq(person_id),
                g::user_id.eq(user_id),
                g::reason.eq(reason),
                g::granted_at.eq(t),
                g::expires_at.eq(t + Duration::hours(hours.clamp(1, 24 * 7))),
            ))
            .execute(c)?;
        let grant: Grant = g::table.find(&id).select(Grant::as_select()).first(c)?;
        let mut entry = Entry::new("break_glass.grant", "person", Some(person_id))
            .detail(serde_json::json!({ "grant_id": id, "expires_at": crate::dialect::format_ts(grant.expires_at) }));
        entry.person_id = Some(person_id);
        entry.purpose = Some(reason);
        audit::append(c, who, entry)?;
        Ok(grant)
    })
}

/// A grant as the review list shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Listed {
    #[serde(flatten)]
    pub grant: Grant,
    pub user_name: String,
    pub case_number: String,
    pub active: bool,
}

/// Grants for review: unreviewed ones (or all), the newest first.
pub fn list(
    conn: &mut Db,
    tenant_id: &str,
    unreviewed_only: bool,
    limit: i64,
) -> DbResult<Vec<Listed>> {
    let mut q = g::table
        .inner_join(u::table.on(u::id.eq(g::user_id)))
        .inner_join(p::table.on(p::id.eq(g::person_id)))
        .filter(g::tenant_id.eq(tenant_id))
        .into_boxed();
    if unreviewed_only {
        q = q.filter(g::reviewed_at.is_null());
    }
    let t = now();
    let rows: Vec<(Grant, String, String)> = q
        .order((g::granted_at.desc(), g::id.desc()))
        .limit(limit.clamp(1, 1000))
        .select((Grant::as_select(), u::display_name, p::case_number))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(grant, user_name, case_number)| Listed {
            active: grant.expires_at > t,
            grant,
            user_name,
            case_number,
        })
        .collect())
}

/// Unreviewed grants (for the team lead's badge).
pub fn unreviewed_count(conn: &mut Db, tenant_id: &str) -> DbResult<i64> {
    Ok(g::table
        .filter(g::tenant_id.eq(tenant_id))
        .filter(g::reviewed_at.is_null())
        .count()
        .get_result(conn)?)
}

/// Marks a grant reviewed with an optional note; ends it at once when `revoke` is set.
pub fn review(
    conn: &mut Db,
    who: Who<'_>,
    id: &str,
    note: Option<&str>,
    revoke: bool,
) -> DbResult<Grant> {
    write_tx(conn, who.tenant_id, |c| {
        let before: Grant = g::table
            .filter(g::tenant_id.eq(who.tenant_id))
            .filter(g::id.eq(id))
            .select(Grant::as_select())
            .first(c)?;
        if before.reviewed_at.is_some() {
            return Err(DbError::Conflict("this access was reviewed already".into()));
        }
        let t = now();
        let expires = if revoke {
            before.expires_at.min(t)
        } else {
            before.expires_at
        };
        diesel::update(g::table.find(id))
            .set((
                g::reviewed_at.eq(Some(t)),
                g::reviewed_by.eq(who.user_id),
                g::review_note.eq(note.map(str::trim).filter(|n| !n.is_empty())),
                g::expires_at.eq(expires),
            ))
            .execute(c)?;
        let mut entry = Entry::new("break_glass.review", "person", Some(&before.person_id))
            .detail(serde_json::json!({ "grant_id": id, "revoked": revoke }));
        entry.person_id = Some(&before.person_id);
        audit::append(c, who, entry)?;
        Ok(g::table.find(id).select(Grant::as_select()).first(c)?)
    })
}
