//! Readers' feedback as editors see it, and marking it read or unread.

use diesel::prelude::*;
use serde::Serialize;
use time::PrimitiveDateTime;

use crate::audit::{self, Entry};
use crate::schema::portal_feedback as fb;
use crate::{Db, DbError, DbResult, Who, now, write_tx};

/// Readers' feedback as editors see it (without the rate-limit key).
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = fb)]
pub struct FeedbackRow {
    pub id: String,
    pub region_id: String,
    pub language_code: String,
    pub target_kind: String,
    pub target_slug: Option<String>,
    pub rating: Option<String>,
    pub comment: Option<String>,
    pub query: Option<String>,
    pub created_at: PrimitiveDateTime,
    pub read_at: Option<PrimitiveDateTime>,
    pub read_by: Option<String>,
}

/// A region's feedback, unread first, newest first within each (at most 500).
pub fn feedback(conn: &mut Db, region_id: &str) -> DbResult<Vec<FeedbackRow>> {
    let mut rows: Vec<FeedbackRow> = fb::table
        .filter(fb::region_id.eq(region_id))
        .order(fb::created_at.desc())
        .limit(500)
        .select(FeedbackRow::as_select())
        .load(conn)?;
    rows.sort_by_key(|r| r.read_at.is_some());
    Ok(rows)
}

/// Marks one feedback of the region as read or unread.
pub fn mark_feedback(
    conn: &mut Db,
    who: Who<'_>,
    region_id: &str,
    id: &str,
    read: bool,
) -> DbResult<()> {
    write_tx(conn, who.tenant_id, |c| {
        let (at, by) = if read {
            (Some(now()), who.user_id)
        } else {
            (None, None)
        };
        let n = diesel::update(
            fb::table
                .filter(fb::tenant_id.eq(who.tenant_id))
                .filter(fb::region_id.eq(region_id))
                .filter(fb::id.eq(id)),
        )
        .set((fb::read_at.eq(at), fb::read_by.eq(by)))
        .execute(c)?;
        if n == 0 {
            return Err(DbError::NotFound);
        }
        audit::append(
            c,
            who,
            Entry::new(
                if read {
                    "portal.feedback.read"
                } else {
                    "portal.feedback.unread"
                },
                "portal_feedback",
                Some(id),
            ),
        )?;
        Ok(())
    })
}
