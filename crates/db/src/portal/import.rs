//! Import of a county's portal content (from Integreat-shaped JSON, see
//! `ankommen_web::portal::import`): all regions of an import or none; a region with the same
//! slug is replaced.

use diesel::prelude::*;
use serde::Serialize;
use time::PrimitiveDateTime;

use super::{EVENT, IMPRINT, PAGE, PLACE};
use crate::audit::{self, Entry};
use crate::schema::{
    portal_events as ev, portal_languages as pl, portal_pages as pp, portal_place_categories as pc,
    portal_places as pla, portal_region_languages as prl, portal_regions as pr,
    portal_text_revisions as rev, portal_texts as tx,
};
use crate::{Db, DbResult, Who, now, write_tx};

/// A language of a region as imported.
#[derive(Debug, Clone)]
pub struct LanguageIn {
    pub external_id: i64,
    pub code: String,
    pub bcp47_tag: String,
    pub native_name: String,
    pub dir: String,
    /// The code of the language texts are translated from (`None` for the root).
    pub source_code: Option<String>,
}

/// One text in one language (validated and sanitised by the caller).
#[derive(Debug, Clone)]
pub struct TextIn {
    /// The translation id the API shows.
    pub external_id: i64,
    pub language_code: String,
    pub slug: String,
    pub title: String,
    pub excerpt: String,
    pub content: String,
    pub meta_description: Option<String>,
    /// UTC.
    pub last_updated: PrimitiveDateTime,
    /// Fields served back as imported until the text is edited.
    pub passthrough: serde_json::Value,
}

#[derive(Debug, Clone)]
pub struct RegionIn {
    pub external_id: i64,
    pub slug: String,
    pub name: String,
    pub prefix: String,
    pub name_without_prefix: String,
    /// The county region a municipality belongs to (its pages show there too).
    pub parent_slug: Option<String>,
    pub postcode: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub status: String,
    pub events_enabled: bool,
    pub places_enabled: bool,
    pub passthrough: serde_json::Value,
    pub languages: Vec<LanguageIn>,
}

#[derive(Debug, Clone)]
pub struct PageIn {
    pub external_id: i64,
    pub parent_external_id: Option<i64>,
    pub position: i32,
    pub passthrough: serde_json::Value,
    pub texts: Vec<TextIn>,
}

#[derive(Debug, Clone)]
pub struct CategoryIn {
    pub external_id: i64,
    pub names: serde_json::Map<String, serde_json::Value>,
    pub color: String,
    pub icon: String,
}

#[derive(Debug, Clone)]
pub struct PlaceIn {
    pub external_id: i64,
    pub category: Option<CategoryIn>,
    pub address: Option<String>,
    pub town: Option<String>,
    pub postcode: Option<String>,
    pub state: Option<String>,
    pub country: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub opening_hours: Option<serde_json::Value>,
    pub temporarily_closed: bool,
    pub barrier_free: Option<bool>,
    pub appointment_url: Option<String>,
    pub contacts: serde_json::Value,
    pub passthrough: serde_json::Value,
    pub texts: Vec<TextIn>,
}

#[derive(Debug, Clone)]
pub struct EventIn {
    pub external_id: i64,
    pub place_external_id: Option<i64>,
    pub starts_at: String,
    pub ends_at: String,
    pub all_day: bool,
    pub only_weekdays: bool,
    pub rrule: Option<String>,
    pub meeting_url: Option<String>,
    pub passthrough: serde_json::Value,
    pub texts: Vec<TextIn>,
}

/// Everything of one region.
#[derive(Debug, Clone)]
pub struct RegionContent {
    pub region: RegionIn,
    pub pages: Vec<PageIn>,
    pub places: Vec<PlaceIn>,
    pub events: Vec<EventIn>,
    /// The region's imprint, one text per language.
    pub imprint: Vec<TextIn>,
}

/// What an import wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub regions: usize,
    pub languages: usize,
    pub pages: usize,
    pub places: usize,
    pub events: usize,
    pub texts: usize,
}

fn uuid() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Imports regions, replacing the content of regions with the same slug: all or nothing.
pub fn import(conn: &mut Db, who: Who<'_>, content: &[RegionContent]) -> DbResult<ImportReport> {
    write_tx(conn, who.tenant_id, |c| {
        let mut report = ImportReport::default();
        let t = now();
        // Parents first: county regions before their municipalities.
        let mut ordered: Vec<&RegionContent> = content.iter().collect();
        ordered.sort_by_key(|r| r.region.parent_slug.is_some());
        for rc in ordered {
            let r = &rc.region;
            let children = remove_region(c, who.tenant_id, &r.slug)?;
            let parent: Option<String> = match &r.parent_slug {
                Some(slug) => pr::table
                    .filter(pr::tenant_id.eq(who.tenant_id))
                    .filter(pr::slug.eq(slug))
                    .select(pr::id)
                    .first(c)
                    .optional()?,
                None => None,
            };
            let region_id = uuid();
            diesel::insert_into(pr::table)
                .values((
                    pr::id.eq(&region_id),
                    pr::tenant_id.eq(who.tenant_id),
                    pr::external_id.eq(r.external_id),
                    pr::slug.eq(&r.slug),
                    pr::name.eq(&r.name),
                    pr::prefix.eq(&r.prefix),
                    pr::name_without_prefix.eq(&r.name_without_prefix),
                    pr::parent_region_id.eq(parent),
                    pr::postcode.eq(&r.postcode),
                    pr::latitude.eq(r.latitude),
                    pr::longitude.eq(r.longitude),
                    pr::status.eq(&r.status),
                    pr::events_enabled.eq(r.events_enabled),
                    pr::places_enabled.eq(r.places_enabled),
                    pr::passthrough.eq(r.passthrough.to_string()),
                    pr::created_at.eq(t),
                    pr::created_by.eq(who.user_id),
                    pr::updated_at.eq(t),
                    pr::updated_by.eq(who.user_id),
                    pr::version.eq(1),
                ))
                .execute(c)?;
            // Towns of a replaced county that are not in this import stay its towns.
            diesel::update(pr::table.filter(pr::id.eq_any(&children)))
                .set(pr::parent_region_id.eq(Some(&region_id)))
                .execute(c)?;
            report.regions += 1;
            let mut lang_ids = std::collections::HashMap::new();
            for l in &r.languages {
                let id = upsert_language(c, who.tenant_id, l)?;
                lang_ids.insert(l.code.clone(), id);
            }
            for (position, l) in r.languages.iter().enumerate() {
                let source = l
                    .source_code
                    .as_ref()
                    .and_then(|s| lang_ids.get(s))
                    .cloned();
                diesel::insert_into(prl::table)
                    .values((
                        prl::id.eq(uuid()),
                        prl::tenant_id.eq(who.tenant_id),
                        prl::region_id.eq(&region_id),
                        prl::language_id.eq(&lang_ids[&l.code]),
                        prl::source_language_id.eq(source),
                        prl::position.eq(position as i32),
                        prl::visible.eq(true),
                    ))
                    .execute(c)?;
                report.languages += 1;
            }
            let write_texts =
                |c: &mut Db, kind: &str, owner: &str, texts: &[TextIn]| -> DbResult<usize> {
                    for text in texts {
                        let Some(lang) = lang_ids.get(&text.language_code) else {
                            return Err(crate::DbError::Invalid(
                                ankommen_domain::validate::FieldError::new(
                                    "language",
                                    "unknown_language",
                                    format!(
                                        "{kind} text in '{}', which the region does not have",
                                        text.language_code
                                    ),
                                ),
                            ));
                        };
                        insert_text(c, who, kind, owner, lang, text, t)?;
                    }
                    Ok(texts.len())
                };
            // The organisations named by pages and places (Integreat's `organization`).
            let organisations = organisations(
                c,
                who.tenant_id,
                &region_id,
                rc.pages
                    .iter()
                    .map(|p| &p.passthrough)
                    .chain(rc.places.iter().map(|p| &p.passthrough)),
            )?;
            // Pages: ids first, then parents (a parent may come after its child in the file).
            let mut page_ids = std::collections::HashMap::new();
            for p in &rc.pages {
                let id = uuid();
                let organisation = p
                    .passthrough
                    .get("organization")
                    .and_then(|o| o.get("id"))
                    .and_then(serde_json::Value::as_i64)
                    .and_then(|e| organisations.get(&e));
                diesel::insert_into(pp::table)
                    .values((
                        pp::id.eq(&id),
                        pp::tenant_id.eq(who.tenant_id),
                        pp::region_id.eq(&region_id),
                        pp::external_id.eq(p.external_id),
                        pp::position.eq(p.position),
                        pp::archived.eq(false),
                        pp::passthrough.eq(p.passthrough.to_string()),
                        pp::organisation_id.eq(organisation),
                        pp::created_at.eq(t),
                        pp::created_by.eq(who.user_id),
                        pp::updated_at.eq(t),
                        pp::updated_by.eq(who.user_id),
                        pp::version.eq(1),
                    ))
                    .execute(c)?;
                page_ids.insert(p.external_id, id.clone());
                report.texts += write_texts(c, PAGE, &id, &p.texts)?;
                report.pages += 1;
            }
            for p in &rc.pages {
                if let Some(parent) = p.parent_external_id.and_then(|e| page_ids.get(&e)) {
                    diesel::update(pp::table.filter(pp::id.eq(&page_ids[&p.external_id])))
                        .set(pp::parent_id.eq(Some(parent)))
                        .execute(c)?;
                }
            }
            let mut place_ids = std::collections::HashMap::new();
            for p in &rc.places {
                let category = match &p.category {
                    Some(cat) => Some(upsert_category(c, who.tenant_id, cat)?),
                    None => None,
                };
                let id = uuid();
                diesel::insert_into(pla::table)
                    .values((
                        pla::id.eq(&id),
                        pla::tenant_id.eq(who.tenant_id),
                        pla::region_id.eq(&region_id),
                        pla::external_id.eq(p.external_id),
                        pla::category_id.eq(category),
                        pla::address.eq(&p.address),
                        pla::town.eq(&p.town),
                        pla::postcode.eq(&p.postcode),
                        pla::state.eq(&p.state),
                        pla::country.eq(&p.country),
                        pla::latitude.eq(p.latitude),
                        pla::longitude.eq(p.longitude),
                        pla::opening_hours.eq(p.opening_hours.as_ref().map(|v| v.to_string())),
                        pla::temporarily_closed.eq(p.temporarily_closed),
                        pla::barrier_free.eq(p.barrier_free),
                        pla::appointment_url.eq(&p.appointment_url),
                        pla::contacts.eq(p.contacts.to_string()),
                        pla::passthrough.eq(p.passthrough.to_string()),
                        pla::created_at.eq(t),
                        pla::created_by.eq(who.user_id),
                        pla::updated_at.eq(t),
                        pla::updated_by.eq(who.user_id),
                        pla::version.eq(1),
                    ))
                    .execute(c)?;
                place_ids.insert(p.external_id, id.clone());
                report.texts += write_texts(c, PLACE, &id, &p.texts)?;
                report.places += 1;
            }
            for e in &rc.events {
                let id = uuid();
                diesel::insert_into(ev::table)
                    .values((
                        ev::id.eq(&id),
                        ev::tenant_id.eq(who.tenant_id),
                        ev::region_id.eq(&region_id),
                        ev::external_id.eq(e.external_id),
                        ev::place_id
                            .eq(e.place_external_id.and_then(|p| place_ids.get(&p)).cloned()),
                        ev::starts_at.eq(&e.starts_at),
                        ev::ends_at.eq(&e.ends_at),
                        ev::all_day.eq(e.all_day),
                        ev::only_weekdays.eq(e.only_weekdays),
                        ev::rrule.eq(&e.rrule),
                        ev::meeting_url.eq(&e.meeting_url),
                        ev::passthrough.eq(e.passthrough.to_string()),
                        ev::created_at.eq(t),
                        ev::created_by.eq(who.user_id),
                        ev::updated_at.eq(t),
                        ev::updated_by.eq(who.user_id),
                        ev::version.eq(1),
                    ))
                    .execute(c)?;
                report.texts += write_texts(c, EVENT, &id, &e.texts)?;
                report.events += 1;
            }
            report.texts += write_texts(c, IMPRINT, &region_id, &rc.imprint)?;
        }
        audit::append(
            c,
            who,
            Entry::new("portal.import", "portal_region", None)
                .detail(serde_json::to_value(&report).unwrap_or_default()),
        )?;
        Ok(report)
    })
}

fn upsert_language(c: &mut Db, tenant_id: &str, l: &LanguageIn) -> DbResult<String> {
    let existing: Option<String> = pl::table
        .filter(pl::tenant_id.eq(tenant_id))
        .filter(pl::code.eq(&l.code))
        .select(pl::id)
        .first(c)
        .optional()?;
    if let Some(id) = existing {
        diesel::update(pl::table.filter(pl::id.eq(&id)))
            .set((
                pl::external_id.eq(l.external_id),
                pl::bcp47_tag.eq(&l.bcp47_tag),
                pl::native_name.eq(&l.native_name),
                pl::dir.eq(&l.dir),
            ))
            .execute(c)?;
        return Ok(id);
    }
    let id = uuid();
    diesel::insert_into(pl::table)
        .values((
            pl::id.eq(&id),
            pl::tenant_id.eq(tenant_id),
            pl::external_id.eq(l.external_id),
            pl::code.eq(&l.code),
            pl::bcp47_tag.eq(&l.bcp47_tag),
            pl::native_name.eq(&l.native_name),
            pl::dir.eq(&l.dir),
        ))
        .execute(c)?;
    Ok(id)
}

fn upsert_category(c: &mut Db, tenant_id: &str, cat: &CategoryIn) -> DbResult<String> {
    let existing: Option<(String, String)> = pc::table
        .filter(pc::tenant_id.eq(tenant_id))
        .filter(pc::external_id.eq(cat.external_id))
        .select((pc::id, pc::names))
        .first(c)
        .optional()?;
    match existing {
        Some((id, names)) => {
            // Names arrive one language per file: merge them.
            let mut merged: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(&names).unwrap_or_default();
            merged.extend(cat.names.clone());
            diesel::update(pc::table.filter(pc::id.eq(&id)))
                .set((
                    pc::names.eq(serde_json::Value::Object(merged).to_string()),
                    pc::color.eq(&cat.color),
                    pc::icon.eq(&cat.icon),
                ))
                .execute(c)?;
            Ok(id)
        }
        None => {
            let id = uuid();
            diesel::insert_into(pc::table)
                .values((
                    pc::id.eq(&id),
                    pc::tenant_id.eq(tenant_id),
                    pc::external_id.eq(cat.external_id),
                    pc::names.eq(serde_json::Value::Object(cat.names.clone()).to_string()),
                    pc::color.eq(&cat.color),
                    pc::icon.eq(&cat.icon),
                ))
                .execute(c)?;
            Ok(id)
        }
    }
}

/// Writes the distinct organisations (`{id, slug, name, logo, website}`) the objects name;
/// returns their row ids by Integreat id.
fn organisations<'a>(
    c: &mut Db,
    tenant_id: &str,
    region_id: &str,
    objects: impl Iterator<Item = &'a serde_json::Value>,
) -> DbResult<std::collections::HashMap<i64, String>> {
    use crate::schema::portal_organisations as po;
    let mut out = std::collections::HashMap::new();
    for o in objects.filter_map(|v| v.get("organization")) {
        let text = |k: &str| {
            o.get(k)
                .and_then(serde_json::Value::as_str)
                .map(str::to_owned)
        };
        let (Some(external), Some(name)) = (
            o.get("id").and_then(serde_json::Value::as_i64),
            text("name"),
        ) else {
            continue;
        };
        if out.contains_key(&external) {
            continue;
        }
        let id = uuid();
        diesel::insert_into(po::table)
            .values((
                po::id.eq(&id),
                po::tenant_id.eq(tenant_id),
                po::region_id.eq(region_id),
                po::external_id.eq(external),
                po::slug.eq(text("slug").unwrap_or_default()),
                po::name.eq(name),
                po::logo.eq(text("logo")),
                po::website.eq(text("website")),
            ))
            .execute(c)?;
        out.insert(external, id);
    }
    Ok(out)
}

fn insert_text(
    c: &mut Db,
    who: Who<'_>,
    kind: &str,
    owner: &str,
    lang: &str,
    text: &TextIn,
    t: PrimitiveDateTime,
) -> DbResult<()> {
    let id = uuid();
    diesel::insert_into(tx::table)
        .values((
            tx::id.eq(&id),
            tx::tenant_id.eq(who.tenant_id),
            tx::kind.eq(kind),
            tx::owner_id.eq(owner),
            tx::language_id.eq(lang),
            tx::external_id.eq(text.external_id),
            tx::slug.eq(&text.slug),
            tx::title.eq(&text.title),
            tx::excerpt.eq(&text.excerpt),
            tx::content.eq(&text.content),
            tx::meta_description.eq(&text.meta_description),
            tx::status.eq("published"),
            tx::translation_status.eq("up_to_date"),
            tx::last_updated.eq(text.last_updated),
            tx::passthrough.eq(text.passthrough.to_string()),
            tx::created_at.eq(t),
            tx::created_by.eq(who.user_id),
            tx::updated_at.eq(t),
            tx::updated_by.eq(who.user_id),
            tx::version.eq(1),
        ))
        .execute(c)?;
    diesel::insert_into(rev::table)
        .values((
            rev::id.eq(uuid()),
            rev::tenant_id.eq(who.tenant_id),
            rev::text_id.eq(&id),
            rev::revision.eq(1),
            rev::title.eq(&text.title),
            rev::excerpt.eq(&text.excerpt),
            rev::content.eq(&text.content),
            rev::status.eq("published"),
            rev::minor_edit.eq(false),
            rev::created_at.eq(t),
            rev::created_by.eq(who.user_id),
        ))
        .execute(c)?;
    Ok(())
}

/// Deletes a region's content and the region itself (inside an import); returns the ids of
/// the regions that had it as their parent (detached now, attached again to the new row).
fn remove_region(c: &mut Db, tenant_id: &str, slug: &str) -> DbResult<Vec<String>> {
    let Some(region): Option<String> = pr::table
        .filter(pr::tenant_id.eq(tenant_id))
        .filter(pr::slug.eq(slug))
        .select(pr::id)
        .first(c)
        .optional()?
    else {
        return Ok(vec![]);
    };
    let pages: Vec<String> = pp::table
        .filter(pp::region_id.eq(&region))
        .select(pp::id)
        .load(c)?;
    let places: Vec<String> = pla::table
        .filter(pla::region_id.eq(&region))
        .select(pla::id)
        .load(c)?;
    let events: Vec<String> = ev::table
        .filter(ev::region_id.eq(&region))
        .select(ev::id)
        .load(c)?;
    let owners: Vec<&String> = pages
        .iter()
        .chain(&places)
        .chain(&events)
        .chain(std::iter::once(&region))
        .collect();
    let texts: Vec<String> = tx::table
        .filter(tx::owner_id.eq_any(&owners))
        .select(tx::id)
        .load(c)?;
    diesel::delete(rev::table.filter(rev::text_id.eq_any(&texts))).execute(c)?;
    diesel::delete(tx::table.filter(tx::id.eq_any(&texts))).execute(c)?;
    diesel::delete(ev::table.filter(ev::region_id.eq(&region))).execute(c)?;
    diesel::delete(pla::table.filter(pla::region_id.eq(&region))).execute(c)?;
    diesel::update(pp::table.filter(pp::region_id.eq(&region)))
        .set(pp::parent_id.eq(None::<String>))
        .execute(c)?;
    diesel::delete(pp::table.filter(pp::region_id.eq(&region))).execute(c)?;
    diesel::delete(prl::table.filter(prl::region_id.eq(&region))).execute(c)?;
    diesel::delete(
        crate::schema::portal_feedback::table
            .filter(crate::schema::portal_feedback::region_id.eq(&region)),
    )
    .execute(c)?;
    let children: Vec<String> = pr::table
        .filter(pr::parent_region_id.eq(Some(&region)))
        .select(pr::id)
        .load(c)?;
    diesel::update(pr::table.filter(pr::parent_region_id.eq(Some(&region))))
        .set(pr::parent_region_id.eq(None::<String>))
        .execute(c)?;
    diesel::delete(
        crate::schema::portal_organisations::table
            .filter(crate::schema::portal_organisations::region_id.eq(&region)),
    )
    .execute(c)?;
    diesel::delete(pr::table.filter(pr::id.eq(&region))).execute(c)?;
    Ok(children)
}
