//! The public portal's content (issue 6): regions, languages, pages, places, events and their
//! texts per language. Import replaces a region's content in one transaction (all regions of
//! an import or none); reads return rows for the API v3 and the portal pages to assemble.
//! Texts are public information, not personal data: writes are audited as content changes.

use diesel::prelude::*;
use serde::Serialize;
use time::PrimitiveDateTime;

use crate::schema::{
    portal_events as ev, portal_languages as pl, portal_pages as pp, portal_place_categories as pc,
    portal_places as pla, portal_region_languages as prl, portal_regions as pr, portal_texts as tx,
};
use crate::{Db, DbResult};

pub mod edit;
mod feedback;
mod import;

pub use feedback::{FeedbackIn, PER_CLIENT_10_MIN, PER_REGION_HOUR, add_feedback};
pub use import::{
    CategoryIn, EventIn, ImportReport, LanguageIn, PageIn, PlaceIn, RegionContent, RegionIn,
    TextIn, import,
};

/// `kind` of a text.
pub const PAGE: &str = "page";
pub const PLACE: &str = "place";
pub const EVENT: &str = "event";
/// The region's imprint (owner: the region).
pub const IMPRINT: &str = "imprint";

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = pr)]
pub struct RegionRow {
    pub id: String,
    #[serde(skip)]
    pub tenant_id: String,
    pub external_id: i64,
    pub slug: String,
    pub name: String,
    pub prefix: String,
    pub name_without_prefix: String,
    pub parent_region_id: Option<String>,
    pub postcode: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub status: String,
    pub events_enabled: bool,
    pub places_enabled: bool,
    pub passthrough: String,
    pub created_at: PrimitiveDateTime,
    pub created_by: Option<String>,
    pub updated_at: PrimitiveDateTime,
    pub updated_by: Option<String>,
    pub version: i32,
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = pl)]
pub struct LanguageRow {
    pub id: String,
    #[serde(skip)]
    pub tenant_id: String,
    pub external_id: i64,
    pub code: String,
    pub bcp47_tag: String,
    pub native_name: String,
    pub dir: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = pp)]
pub struct PageRow {
    pub id: String,
    #[serde(skip)]
    pub tenant_id: String,
    pub region_id: String,
    pub external_id: i64,
    pub parent_id: Option<String>,
    pub position: i32,
    pub archived: bool,
    pub passthrough: String,
    pub created_at: PrimitiveDateTime,
    pub created_by: Option<String>,
    pub updated_at: PrimitiveDateTime,
    pub updated_by: Option<String>,
    pub version: i32,
    pub organisation_id: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = tx)]
pub struct TextRow {
    pub id: String,
    #[serde(skip)]
    pub tenant_id: String,
    pub kind: String,
    pub owner_id: String,
    pub language_id: String,
    pub external_id: i64,
    pub slug: String,
    pub title: String,
    pub excerpt: String,
    pub content: String,
    pub meta_description: Option<String>,
    pub status: String,
    pub translation_status: String,
    pub last_updated: PrimitiveDateTime,
    pub passthrough: String,
    pub created_at: PrimitiveDateTime,
    pub created_by: Option<String>,
    pub updated_at: PrimitiveDateTime,
    pub updated_by: Option<String>,
    pub version: i32,
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = pc)]
pub struct CategoryRow {
    pub id: String,
    #[serde(skip)]
    pub tenant_id: String,
    pub external_id: i64,
    pub names: String,
    pub color: String,
    pub icon: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = pla)]
pub struct PlaceRow {
    pub id: String,
    #[serde(skip)]
    pub tenant_id: String,
    pub region_id: String,
    pub external_id: i64,
    pub category_id: Option<String>,
    pub address: Option<String>,
    pub town: Option<String>,
    pub postcode: Option<String>,
    pub state: Option<String>,
    pub country: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub opening_hours: Option<String>,
    pub temporarily_closed: bool,
    pub barrier_free: Option<bool>,
    pub appointment_url: Option<String>,
    pub contacts: String,
    pub passthrough: String,
    pub created_at: PrimitiveDateTime,
    pub created_by: Option<String>,
    pub updated_at: PrimitiveDateTime,
    pub updated_by: Option<String>,
    pub version: i32,
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = ev)]
pub struct EventRow {
    pub id: String,
    #[serde(skip)]
    pub tenant_id: String,
    pub region_id: String,
    pub external_id: i64,
    pub place_id: Option<String>,
    pub starts_at: String,
    pub ends_at: String,
    pub all_day: bool,
    pub only_weekdays: bool,
    pub rrule: Option<String>,
    pub meeting_url: Option<String>,
    pub passthrough: String,
    pub created_at: PrimitiveDateTime,
    pub created_by: Option<String>,
    pub updated_at: PrimitiveDateTime,
    pub updated_by: Option<String>,
    pub version: i32,
}

// ---------------------------------------------------------------------------------------
// Reading.

/// Regions that are not archived, by name.
pub fn regions(conn: &mut Db, tenant_id: &str) -> DbResult<Vec<RegionRow>> {
    Ok(pr::table
        .filter(pr::tenant_id.eq(tenant_id))
        .filter(pr::status.ne("archived"))
        .order((pr::name, pr::id))
        .select(RegionRow::as_select())
        .load(conn)?)
}

pub fn region(conn: &mut Db, tenant_id: &str, slug: &str) -> DbResult<RegionRow> {
    Ok(pr::table
        .filter(pr::tenant_id.eq(tenant_id))
        .filter(pr::slug.eq(slug))
        .filter(pr::status.ne("archived"))
        .select(RegionRow::as_select())
        .first(conn)?)
}

/// The county a town region belongs to (its pages show in the town's portal too).
pub fn county_of(conn: &mut Db, region: &RegionRow) -> DbResult<Option<RegionRow>> {
    let Some(parent) = &region.parent_region_id else {
        return Ok(None);
    };
    Ok(pr::table
        .filter(pr::id.eq(parent))
        .filter(pr::status.ne("archived"))
        .select(RegionRow::as_select())
        .first(conn)
        .optional()?)
}

/// A region's languages in their order, with the code of their source language.
pub fn languages(conn: &mut Db, region_id: &str) -> DbResult<Vec<(LanguageRow, Option<String>)>> {
    let rows: Vec<(LanguageRow, Option<String>)> = prl::table
        .inner_join(pl::table.on(pl::id.eq(prl::language_id)))
        .filter(prl::region_id.eq(region_id))
        .filter(prl::visible.eq(true))
        .order(prl::position)
        .select((LanguageRow::as_select(), prl::source_language_id))
        .load(conn)?;
    let ids: Vec<(String, String)> = rows
        .iter()
        .map(|(l, _)| (l.id.clone(), l.code.clone()))
        .collect();
    Ok(rows
        .into_iter()
        .map(|(l, source)| {
            let code =
                source.and_then(|s| ids.iter().find(|(id, _)| *id == s).map(|(_, c)| c.clone()));
            (l, code)
        })
        .collect())
}

pub fn pages(conn: &mut Db, region_id: &str) -> DbResult<Vec<PageRow>> {
    Ok(pp::table
        .filter(pp::region_id.eq(region_id))
        .filter(pp::archived.eq(false))
        .order((pp::position, pp::external_id))
        .select(PageRow::as_select())
        .load(conn)?)
}

pub fn places(conn: &mut Db, region_id: &str) -> DbResult<Vec<PlaceRow>> {
    Ok(pla::table
        .filter(pla::region_id.eq(region_id))
        .order(pla::external_id)
        .select(PlaceRow::as_select())
        .load(conn)?)
}

pub fn events(conn: &mut Db, region_id: &str) -> DbResult<Vec<EventRow>> {
    Ok(ev::table
        .filter(ev::region_id.eq(region_id))
        .order((ev::starts_at, ev::external_id))
        .select(EventRow::as_select())
        .load(conn)?)
}

pub fn categories(conn: &mut Db, tenant_id: &str) -> DbResult<Vec<CategoryRow>> {
    Ok(pc::table
        .filter(pc::tenant_id.eq(tenant_id))
        .order(pc::external_id)
        .select(CategoryRow::as_select())
        .load(conn)?)
}

/// A region's organisations: (Integreat id, name, website).
pub fn organisations(
    conn: &mut Db,
    region_id: &str,
) -> DbResult<Vec<(i64, String, Option<String>)>> {
    use crate::schema::portal_organisations as po;
    Ok(po::table
        .filter(po::region_id.eq(region_id))
        .order(po::name)
        .select((po::external_id, po::name, po::website))
        .load(conn)?)
}

/// The published texts of `kind` for the given owners, in every language.
pub fn texts(conn: &mut Db, kind: &str, owners: &[String]) -> DbResult<Vec<TextRow>> {
    let mut out = Vec::new();
    for chunk in owners.chunks(500) {
        out.extend(
            tx::table
                .filter(tx::kind.eq(kind))
                .filter(tx::owner_id.eq_any(chunk))
                .filter(tx::status.eq("published"))
                .select(TextRow::as_select())
                .load(conn)?,
        );
    }
    Ok(out)
}
