//! Pages: create, move, archive.

use ankommen_domain::portal::publication::State as PubState;
use ankommen_domain::validate::required_text;
use diesel::prelude::*;

use super::texts::{OwnerRef, TextEdit, save_in};
use super::tree::{all_pages, region_languages};
use super::{TITLE_MAX, invalid, uuid};
use crate::audit::{self, Entry};
use crate::portal::{PAGE, PageRow};
use crate::schema::{portal_pages as pp, portal_regions as pr};
use crate::{Db, DbError, DbResult, Who, now, write_tx};

/// A new page with its text in the region's root language (cleaned HTML).
#[derive(Debug, Clone)]
pub struct NewPage {
    /// The parent's external id; `None`: top level.
    pub parent: Option<i64>,
    /// Place among its siblings (0 = first); `None` or too large: last.
    pub position: Option<usize>,
    pub title: String,
    pub excerpt: String,
    pub content: String,
}

pub(super) fn bump_region(c: &mut Db, who: Who<'_>, region_id: &str) -> DbResult<()> {
    // Municipalities show the county's pages too: their caches go stale with it.
    diesel::update(
        pr::table.filter(
            pr::id
                .eq(region_id)
                .or(pr::parent_region_id.eq(Some(region_id))),
        ),
    )
    .set((
        pr::version.eq(pr::version + 1),
        pr::updated_at.eq(now()),
        pr::updated_by.eq(who.user_id),
    ))
    .execute(c)?;
    Ok(())
}

/// A page of the region by its external id (the id the API and the editor's URLs show).
pub fn page_by_external_id(conn: &mut Db, region_id: &str, external_id: i64) -> DbResult<PageRow> {
    Ok(pp::table
        .filter(pp::region_id.eq(region_id))
        .filter(pp::external_id.eq(external_id))
        .select(PageRow::as_select())
        .first(conn)?)
}

/// Puts `ids` (siblings, in their new order) at positions 0, 1, 2, …
fn renumber(c: &mut Db, ids: &[String]) -> DbResult<()> {
    for (i, id) in ids.iter().enumerate() {
        diesel::update(pp::table.filter(pp::id.eq(id)))
            .set(pp::position.eq(i32::try_from(i).unwrap_or(i32::MAX)))
            .execute(c)?;
    }
    Ok(())
}

fn siblings(c: &mut Db, region_id: &str, parent: Option<&str>) -> DbResult<Vec<String>> {
    let mut q = pp::table.filter(pp::region_id.eq(region_id)).into_boxed();
    q = match parent {
        Some(p) => q.filter(pp::parent_id.eq(p.to_owned())),
        None => q.filter(pp::parent_id.is_null()),
    };
    Ok(q.order((pp::position, pp::external_id))
        .select(pp::id)
        .load(c)?)
}

/// Creates a page with its root-language text as a draft; returns the page.
pub fn create_page(
    conn: &mut Db,
    who: Who<'_>,
    region_id: &str,
    new: &NewPage,
) -> DbResult<PageRow> {
    let title = required_text("title", &new.title, TITLE_MAX)?;
    write_tx(conn, who.tenant_id, |c| {
        let languages = region_languages(c, region_id)?;
        let root = languages
            .iter()
            .find(|l| l.source_code.is_none())
            .ok_or_else(|| invalid("language", "no_root", "the region has no root language"))?
            .clone();
        let parent = match new.parent {
            Some(ext) => Some(page_by_external_id(c, region_id, ext).map_err(|e| match e {
                DbError::NotFound => invalid("parent", "unknown_parent", "no such parent page"),
                e => e,
            })?),
            None => None,
        };
        let max: Option<i64> = pp::table
            .filter(pp::region_id.eq(region_id))
            .select(diesel::dsl::max(pp::external_id))
            .first(c)?;
        let external_id = max.unwrap_or(0).saturating_add(1);
        let id = uuid();
        let t = now();
        diesel::insert_into(pp::table)
            .values((
                pp::id.eq(&id),
                pp::tenant_id.eq(who.tenant_id),
                pp::region_id.eq(region_id),
                pp::external_id.eq(external_id),
                pp::parent_id.eq(parent.as_ref().map(|p| p.id.clone())),
                pp::position.eq(i32::MAX),
                pp::archived.eq(false),
                pp::passthrough.eq("{}"),
                pp::created_at.eq(t),
                pp::created_by.eq(who.user_id),
                pp::updated_at.eq(t),
                pp::updated_by.eq(who.user_id),
                pp::version.eq(1),
            ))
            .execute(c)?;
        let mut order: Vec<String> =
            siblings(c, region_id, parent.as_ref().map(|p| p.id.as_str()))?
                .into_iter()
                .filter(|s| *s != id)
                .collect();
        let at = new.position.unwrap_or(order.len()).min(order.len());
        order.insert(at, id.clone());
        renumber(c, &order)?;
        let edit = TextEdit {
            title,
            excerpt: new.excerpt.clone(),
            content: new.content.clone(),
            minor: false,
            status: PubState::Draft,
            version: 0,
        };
        let owner = OwnerRef {
            kind: PAGE,
            id: id.clone(),
        };
        save_in(c, who, region_id, &languages, &owner, root.code(), &edit)?;
        audit::append(
            c,
            who,
            Entry::new("portal.page.create", "portal_page", Some(&id))
                .detail(serde_json::json!({ "external_id": external_id })),
        )?;
        Ok(pp::table.find(&id).select(PageRow::as_select()).first(c)?)
    })
}

/// Moves a page one place up or down among its siblings (nothing at either end).
pub fn move_page(
    conn: &mut Db,
    who: Who<'_>,
    region_id: &str,
    external_id: i64,
    up: bool,
) -> DbResult<()> {
    write_tx(conn, who.tenant_id, |c| {
        let page = page_by_external_id(c, region_id, external_id)?;
        let mut order = siblings(c, region_id, page.parent_id.as_deref())?;
        let Some(i) = order.iter().position(|s| *s == page.id) else {
            return Err(DbError::NotFound);
        };
        let j = if up { i.checked_sub(1) } else { Some(i + 1) };
        match j {
            Some(j) if j < order.len() => order.swap(i, j),
            _ => return Ok(()),
        }
        renumber(c, &order)?;
        bump_region(c, who, region_id)?;
        audit::append(
            c,
            who,
            Entry::new("portal.page.move", "portal_page", Some(&page.id))
                .detail(serde_json::json!({ "up": up })),
        )?;
        Ok(())
    })
}

/// Archives or unarchives a page together with every page below it.
pub fn set_archived(
    conn: &mut Db,
    who: Who<'_>,
    region_id: &str,
    external_id: i64,
    archived: bool,
) -> DbResult<usize> {
    write_tx(conn, who.tenant_id, |c| {
        let page = page_by_external_id(c, region_id, external_id)?;
        let pages = all_pages(c, region_id)?;
        let mut subtree = vec![page.id.clone()];
        let mut k = 0;
        while k < subtree.len() && subtree.len() <= pages.len() {
            let parent = subtree[k].clone();
            subtree.extend(
                pages
                    .iter()
                    .filter(|p| p.parent_id.as_deref() == Some(parent.as_str()))
                    .map(|p| p.id.clone()),
            );
            k += 1;
        }
        let t = now();
        for id in &subtree {
            diesel::update(pp::table.filter(pp::id.eq(id)))
                .set((
                    pp::archived.eq(archived),
                    pp::updated_at.eq(t),
                    pp::updated_by.eq(who.user_id),
                    pp::version.eq(pp::version + 1),
                ))
                .execute(c)?;
        }
        bump_region(c, who, region_id)?;
        audit::append(
            c,
            who,
            Entry::new(
                if archived {
                    "portal.page.archive"
                } else {
                    "portal.page.unarchive"
                },
                "portal_page",
                Some(&page.id),
            )
            .detail(serde_json::json!({ "pages": subtree.len() })),
        )?;
        Ok(subtree.len())
    })
}
