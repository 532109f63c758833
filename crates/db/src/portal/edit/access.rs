//! Who may edit which region: the regions an editor may open and the editors bound to a
//! region.

use ankommen_domain::Role;
use diesel::prelude::*;
use serde::Serialize;

use super::{invalid, uuid};
use crate::audit::{self, Entry};
use crate::portal::RegionRow;
use crate::schema::{portal_editor_regions as er, users as u};
use crate::{Db, DbError, DbResult, Who, now, write_tx};

/// Regions the user may open in the editor: administrators all, editors those they are bound
/// to (by slug), everybody else none.
pub fn editable_regions(
    conn: &mut Db,
    tenant_id: &str,
    user_id: &str,
    role: Role,
) -> DbResult<Vec<RegionRow>> {
    let all = crate::portal::regions(conn, tenant_id)?;
    match role {
        Role::Admin => Ok(all),
        Role::Editor => {
            let slugs: Vec<String> = er::table
                .filter(er::tenant_id.eq(tenant_id))
                .filter(er::user_id.eq(user_id))
                .select(er::region_slug)
                .load(conn)?;
            Ok(all
                .into_iter()
                .filter(|r| slugs.contains(&r.slug))
                .collect())
        }
        _ => Ok(vec![]),
    }
}

/// One region the user may edit; `NotFound` when it does not exist or is not theirs.
pub fn editable_region(
    conn: &mut Db,
    tenant_id: &str,
    user_id: &str,
    role: Role,
    slug: &str,
) -> DbResult<RegionRow> {
    editable_regions(conn, tenant_id, user_id, role)?
        .into_iter()
        .find(|r| r.slug == slug)
        .ok_or(DbError::NotFound)
}

/// An editor bound to a region.
#[derive(Debug, Clone, Serialize)]
pub struct Binding {
    pub user_id: String,
    pub username: String,
    pub display_name: String,
    pub region_slug: String,
}

/// The editors bound to a region.
pub fn editors_of(conn: &mut Db, tenant_id: &str, region_slug: &str) -> DbResult<Vec<Binding>> {
    let rows: Vec<(String, String, String, String)> = er::table
        .inner_join(u::table.on(u::id.eq(er::user_id)))
        .filter(er::tenant_id.eq(tenant_id))
        .filter(er::region_slug.eq(region_slug))
        .order(u::username)
        .select((er::user_id, u::username, u::display_name, er::region_slug))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(user_id, username, display_name, region_slug)| Binding {
            user_id,
            username,
            display_name,
            region_slug,
        })
        .collect())
}

/// Binds an editor to a region (by slug, so it survives a re-import); binding twice is fine.
pub fn bind_editor(conn: &mut Db, who: Who<'_>, user_id: &str, region_slug: &str) -> DbResult<()> {
    write_tx(conn, who.tenant_id, |c| {
        crate::portal::region(c, who.tenant_id, region_slug)?;
        let user = crate::users::get(c, who.tenant_id, user_id)?;
        if user.role != Role::Editor {
            return Err(invalid(
                "user_id",
                "not_an_editor",
                "only users with the editor role can be bound to a region",
            ));
        }
        if !insert_binding(c, who, user_id, region_slug)? {
            return Ok(());
        }
        audit::append(
            c,
            who,
            Entry::new("portal.editor.bind", "user", Some(user_id))
                .detail(serde_json::json!({ "region": region_slug })),
        )?;
        Ok(())
    })
}

/// Stores a binding unless it exists (`false`: it did). The region need not exist yet (the
/// demo binds before it imports the portal). Inside a write transaction.
pub(crate) fn insert_binding(
    c: &mut Db,
    who: Who<'_>,
    user_id: &str,
    region_slug: &str,
) -> DbResult<bool> {
    let exists: i64 = er::table
        .filter(er::user_id.eq(user_id))
        .filter(er::region_slug.eq(region_slug))
        .count()
        .get_result(c)?;
    if exists > 0 {
        return Ok(false);
    }
    diesel::insert_into(er::table)
        .values((
            er::id.eq(uuid()),
            er::tenant_id.eq(who.tenant_id),
            er::user_id.eq(user_id),
            er::region_slug.eq(region_slug),
            er::created_at.eq(now()),
            er::created_by.eq(who.user_id),
        ))
        .execute(c)?;
    Ok(true)
}

/// Removes an editor's binding to a region.
pub fn unbind_editor(
    conn: &mut Db,
    who: Who<'_>,
    user_id: &str,
    region_slug: &str,
) -> DbResult<()> {
    write_tx(conn, who.tenant_id, |c| {
        let n = diesel::delete(
            er::table
                .filter(er::tenant_id.eq(who.tenant_id))
                .filter(er::user_id.eq(user_id))
                .filter(er::region_slug.eq(region_slug)),
        )
        .execute(c)?;
        if n == 0 {
            return Err(DbError::NotFound);
        }
        audit::append(
            c,
            who,
            Entry::new("portal.editor.unbind", "user", Some(user_id))
                .detail(serde_json::json!({ "region": region_slug })),
        )?;
        Ok(())
    })
}
