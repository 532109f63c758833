//! In-app notifications: a message to one user, optionally about one person, with a link;
//! unread until the user marks it read. Creating one is audited (with the person), and when
//! the recipient has an e-mail address a reminder job e-mails a short text without case data
//! (the details stay in the application).
//!
//! Who is told about a person: the responsible counsellor, every active placement officer of
//! the person's responsible organisation, and — for obligations issued by the immigration
//! office — the immigration office's users (of the responsible organisation if that is an
//! immigration office, else of every immigration office of the tenant).

use ankommen_domain::course::ObligedBy;
use ankommen_domain::{DataClass, OrgKind, Role};
use diesel::prelude::*;
use serde::Serialize;
use time::PrimitiveDateTime;

use crate::audit::{self, Entry};
use crate::dialect::{ser_opt_ts, ser_ts};
use crate::schema::{notifications as nt, organisations as o, persons as p, users as u};
use crate::{Db, DbError, DbResult, Who, jobs, now, write_tx};

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = nt)]
pub struct NotificationRow {
    pub id: String,
    #[serde(skip)]
    pub tenant_id: String,
    pub user_id: String,
    pub person_id: Option<String>,
    pub kind: String,
    pub title: String,
    pub body: String,
    pub link: String,
    #[serde(serialize_with = "ser_ts")]
    pub created_at: PrimitiveDateTime,
    pub created_by: Option<String>,
    #[serde(serialize_with = "ser_opt_ts")]
    pub read_at: Option<PrimitiveDateTime>,
}

/// What to tell: the in-app text (may name the case) and the e-mail text (must not).
#[derive(Debug, Clone, Copy)]
pub struct Message<'a> {
    pub kind: &'a str,
    pub title: &'a str,
    pub body: &'a str,
    pub link: &'a str,
    pub email_subject: &'a str,
    pub email_text: &'a str,
}

/// A user to notify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub user_id: String,
    pub email: Option<String>,
}

/// The data class a notification about a person's course carries.
pub const DATA_CLASS: DataClass = DataClass::Education;

/// Who is told about `person_id` (see the module documentation); active users only, each
/// once.
pub fn recipients(
    conn: &mut Db,
    tenant_id: &str,
    person_id: &str,
    obliged_by: Option<ObligedBy>,
) -> DbResult<Vec<Recipient>> {
    let (counsellor, responsible): (Option<String>, Option<String>) = p::table
        .filter(p::tenant_id.eq(tenant_id))
        .filter(p::id.eq(person_id))
        .select((p::counsellor_id, p::responsible_org_id))
        .first(conn)?;
    let mut out: Vec<Recipient> = Vec::new();
    if let Some(cid) = &counsellor {
        let rows: Vec<(String, Option<String>)> = u::table
            .filter(u::tenant_id.eq(tenant_id))
            .filter(u::id.eq(cid))
            .filter(u::disabled.eq(false))
            .select((u::id, u::email))
            .load(conn)?;
        out.extend(
            rows.into_iter()
                .map(|(user_id, email)| Recipient { user_id, email }),
        );
    }
    if let Some(org) = &responsible {
        let rows: Vec<(String, Option<String>)> = u::table
            .filter(u::tenant_id.eq(tenant_id))
            .filter(u::org_id.eq(org))
            .filter(u::role.eq(Role::PlacementOfficer.as_str()))
            .filter(u::disabled.eq(false))
            .order(u::username)
            .select((u::id, u::email))
            .load(conn)?;
        out.extend(
            rows.into_iter()
                .map(|(user_id, email)| Recipient { user_id, email }),
        );
    }
    if obliged_by == Some(ObligedBy::ImmigrationOffice) {
        let responsible_is_office = match &responsible {
            Some(org) => o::table
                .filter(o::id.eq(org))
                .select(o::kind)
                .first::<String>(conn)
                .optional()?
                .is_some_and(|k| k == OrgKind::ImmigrationOffice.as_str()),
            None => false,
        };
        let mut q = u::table
            .inner_join(o::table)
            .filter(u::tenant_id.eq(tenant_id))
            .filter(u::role.eq(Role::ImmigrationOffice.as_str()))
            .filter(u::disabled.eq(false))
            .filter(o::kind.eq(OrgKind::ImmigrationOffice.as_str()))
            .into_boxed();
        if responsible_is_office && let Some(org) = &responsible {
            q = q.filter(u::org_id.eq(org.clone()));
        }
        let rows: Vec<(String, Option<String>)> =
            q.order(u::username).select((u::id, u::email)).load(conn)?;
        out.extend(
            rows.into_iter()
                .map(|(user_id, email)| Recipient { user_id, email }),
        );
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|r| seen.insert(r.user_id.clone()));
    Ok(out)
}

/// Creates one notification (inside the caller's [`write_tx`]), audits it, and queues the
/// e-mail (`reminder_kind` job) if the recipient has an address.
pub fn create(
    tx: &mut Db,
    who: Who<'_>,
    to: &Recipient,
    person_id: Option<&str>,
    msg: &Message<'_>,
    reminder_kind: &str,
) -> DbResult<String> {
    let id = uuid::Uuid::now_v7().to_string();
    diesel::insert_into(nt::table)
        .values((
            nt::id.eq(&id),
            nt::tenant_id.eq(who.tenant_id),
            nt::user_id.eq(&to.user_id),
            nt::person_id.eq(person_id),
            nt::kind.eq(msg.kind),
            nt::title.eq(msg.title),
            nt::body.eq(msg.body),
            nt::link.eq(msg.link),
            nt::created_at.eq(now()),
            nt::created_by.eq(who.user_id),
            nt::read_at.eq(None::<PrimitiveDateTime>),
        ))
        .execute(tx)?;
    let classes = [DATA_CLASS];
    let mut entry = Entry::new("notification.create", "notification", Some(&id)).detail(
        serde_json::json!({ "kind": msg.kind, "recipient": to.user_id, "email": to.email.is_some() }),
    );
    entry.person_id = person_id;
    if person_id.is_some() {
        entry.data_classes = &classes;
    }
    audit::append(tx, who, entry)?;
    if to.email.is_some() {
        let payload = serde_json::json!({
            "user_id": to.user_id,
            "subject": msg.email_subject,
            "text": msg.email_text,
        });
        jobs::enqueue(tx, who, reminder_kind, &payload, None, 5)?;
    }
    Ok(id)
}

/// Notifies everyone responsible for `person_id`; returns how many were told.
pub fn notify_about(
    tx: &mut Db,
    who: Who<'_>,
    person_id: &str,
    obliged_by: Option<ObligedBy>,
    msg: &Message<'_>,
    reminder_kind: &str,
) -> DbResult<usize> {
    let to = recipients(tx, who.tenant_id, person_id, obliged_by)?;
    for r in &to {
        create(tx, who, r, Some(person_id), msg, reminder_kind)?;
    }
    Ok(to.len())
}

/// How many notifications of a user are unread (for the header's badge; not audited: it
/// reveals nothing about a person).
pub fn unread_count(conn: &mut Db, tenant_id: &str, user_id: &str) -> DbResult<i64> {
    Ok(nt::table
        .filter(nt::tenant_id.eq(tenant_id))
        .filter(nt::user_id.eq(user_id))
        .filter(nt::read_at.is_null())
        .count()
        .get_result(conn)?)
}

/// A user's notifications, newest first, and how many are unread.
pub fn list(
    conn: &mut Db,
    tenant_id: &str,
    user_id: &str,
    unread_only: bool,
    limit: i64,
) -> DbResult<(Vec<NotificationRow>, i64)> {
    let mut q = nt::table
        .filter(nt::tenant_id.eq(tenant_id))
        .filter(nt::user_id.eq(user_id))
        .into_boxed();
    if unread_only {
        q = q.filter(nt::read_at.is_null());
    }
    let rows = q
        .order((nt::created_at.desc(), nt::id.desc()))
        .limit(limit.clamp(1, 500))
        .select(NotificationRow::as_select())
        .load(conn)?;
    let unread: i64 = nt::table
        .filter(nt::tenant_id.eq(tenant_id))
        .filter(nt::user_id.eq(user_id))
        .filter(nt::read_at.is_null())
        .count()
        .get_result(conn)?;
    Ok((rows, unread))
}

/// Audits that `who` viewed `rows` (one entry per notification about a person, one for the
/// list), in one transaction.
pub fn audit_view(conn: &mut Db, who: Who<'_>, rows: &[NotificationRow]) -> DbResult<()> {
    write_tx(conn, who.tenant_id, |tx| {
        let classes = [DATA_CLASS];
        for r in rows.iter().filter(|r| r.person_id.is_some()) {
            let mut entry = Entry::new("notification.read", "notification", Some(&r.id))
                .detail(serde_json::json!({ "kind": r.kind }));
            entry.person_id = r.person_id.as_deref();
            entry.data_classes = &classes;
            audit::append(tx, who, entry)?;
        }
        audit::append(
            tx,
            who,
            Entry::new("notification.list", "notification", None)
                .detail(serde_json::json!({ "shown": rows.len() })),
        )?;
        Ok(())
    })
}

/// Marks one of the user's own notifications read (again: keeps the first time). Someone
/// else's notification is not found.
pub fn mark_read(conn: &mut Db, who: Who<'_>, id: &str) -> DbResult<NotificationRow> {
    let user = who.user_id.ok_or(DbError::NotFound)?;
    write_tx(conn, who.tenant_id, |tx| {
        let row: NotificationRow = nt::table
            .filter(nt::tenant_id.eq(who.tenant_id))
            .filter(nt::id.eq(id))
            .filter(nt::user_id.eq(user))
            .select(NotificationRow::as_select())
            .first(tx)?;
        if row.read_at.is_some() {
            return Ok(row);
        }
        diesel::update(nt::table.filter(nt::id.eq(id)))
            .set(nt::read_at.eq(Some(now())))
            .execute(tx)?;
        let mut entry = Entry::new("notification.mark_read", "notification", Some(id));
        entry.person_id = row.person_id.as_deref();
        audit::append(tx, who, entry)?;
        Ok(nt::table
            .find(id)
            .select(NotificationRow::as_select())
            .first(tx)?)
    })
}
