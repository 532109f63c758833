//! The directory of offers: partner organisations publish what they offer; counsellors search
//! by need, town and language. An offer arrives validated (`ankommen_domain::offer`); writes
//! carry an audit entry in the same transaction. Offers hold no personal data of clients.

use ankommen_domain::offer::{Need, Offer, OfferKind, format_opening_hours};
use diesel::prelude::*;
use serde::Serialize;
use time::PrimitiveDateTime;

use crate::audit::{self, Entry};
use crate::dialect::ser_ts;
use crate::schema::{offers as f, organisations as o};
use crate::{Db, DbResult, Who, check_versioned_update, now, write_tx};

/// One stored offer.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = f)]
pub struct OfferRow {
    pub id: String,
    #[serde(skip)]
    pub tenant_id: String,
    pub org_id: String,
    pub kind: String,
    pub title: String,
    pub description: Option<String>,
    /// Comma-separated.
    pub target_groups: String,
    /// Comma-separated ISO 639-1 codes.
    pub languages: String,
    /// Comma-separated municipality ids; empty: the whole county.
    pub municipality_ids: String,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub town: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub opening_hours: String,
    pub contact_name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub capacity_note: Option<String>,
    pub active: bool,
    #[serde(serialize_with = "ser_ts")]
    pub created_at: PrimitiveDateTime,
    pub created_by: Option<String>,
    #[serde(serialize_with = "ser_ts")]
    pub updated_at: PrimitiveDateTime,
    pub updated_by: Option<String>,
    pub version: i32,
}

fn split(list: &str) -> impl Iterator<Item = &str> {
    list.split(',').map(str::trim).filter(|s| !s.is_empty())
}

impl OfferRow {
    pub fn kind(&self) -> Option<OfferKind> {
        OfferKind::parse(&self.kind).ok()
    }
    pub fn needs(&self) -> &'static [Need] {
        self.kind().map_or(&[], OfferKind::needs)
    }
    pub fn languages(&self) -> Vec<&str> {
        split(&self.languages).collect()
    }
    pub fn target_groups(&self) -> Vec<&str> {
        split(&self.target_groups).collect()
    }
    pub fn municipality_ids(&self) -> Vec<&str> {
        split(&self.municipality_ids).collect()
    }
    /// Whether it serves `municipality_id` (county-wide offers serve every town).
    pub fn serves(&self, municipality_id: &str) -> bool {
        self.municipality_ids.trim().is_empty()
            || split(&self.municipality_ids).any(|m| m == municipality_id)
    }
}

/// An offer with its publisher's name.
#[derive(Debug, Clone, Serialize)]
pub struct Listed {
    #[serde(flatten)]
    pub offer: OfferRow,
    pub org_name: String,
}

/// Search filters; all optional.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub need: Option<Need>,
    pub kind: Option<OfferKind>,
    pub municipality_id: Option<String>,
    pub language: Option<String>,
    pub org_id: Option<String>,
    /// Words that must all appear in title, description or publisher (case-insensitive).
    pub text: Option<String>,
    pub include_inactive: bool,
}

/// Offers matching `filter`: offers in the town itself first, then county-wide ones; by title.
pub fn search(conn: &mut Db, tenant_id: &str, filter: &Filter) -> DbResult<Vec<Listed>> {
    let mut q = f::table
        .inner_join(o::table)
        .filter(f::tenant_id.eq(tenant_id))
        .into_boxed();
    if !filter.include_inactive {
        q = q.filter(f::active.eq(true));
    }
    if let Some(k) = filter.kind {
        q = q.filter(f::kind.eq(k.as_str()));
    }
    if let Some(org) = &filter.org_id {
        q = q.filter(f::org_id.eq(org));
    }
    let rows: Vec<(OfferRow, String)> = q
        .order((f::title, f::id))
        .select((OfferRow::as_select(), o::name))
        .load(conn)?;
    let words: Vec<String> = filter
        .text
        .as_deref()
        .unwrap_or("")
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    let mut out: Vec<Listed> = rows
        .into_iter()
        .filter(|(r, org)| {
            filter.need.is_none_or(|n| r.needs().contains(&n))
                && filter
                    .municipality_id
                    .as_deref()
                    .is_none_or(|m| r.serves(m))
                && filter
                    .language
                    .as_deref()
                    .is_none_or(|l| r.languages().contains(&l))
                && (words.is_empty() || {
                    let hay = format!(
                        "{} {} {}",
                        r.title,
                        r.description.as_deref().unwrap_or(""),
                        org
                    )
                    .to_lowercase();
                    words.iter().all(|w| hay.contains(w.as_str()))
                })
        })
        .map(|(offer, org_name)| Listed { offer, org_name })
        .collect();
    if let Some(m) = &filter.municipality_id {
        // Local offers before county-wide ones (stable: titles stay sorted within each).
        out.sort_by_key(|l| !l.offer.municipality_ids().contains(&m.as_str()));
    }
    Ok(out)
}

pub fn get(conn: &mut Db, tenant_id: &str, id: &str) -> DbResult<Listed> {
    let (offer, org_name) = f::table
        .inner_join(o::table)
        .filter(f::tenant_id.eq(tenant_id))
        .filter(f::id.eq(id))
        .select((OfferRow::as_select(), o::name))
        .first(conn)?;
    Ok(Listed { offer, org_name })
}

fn joined<T: AsRef<str>>(items: &[T]) -> String {
    items
        .iter()
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(",")
}

fn audit_entry(conn: &mut Db, who: Who<'_>, action: &str, row: &OfferRow) -> DbResult<()> {
    let entry = Entry::new(action, "offer", Some(&row.id)).detail(serde_json::json!({
        "org_id": row.org_id,
        "kind": row.kind,
        "title": row.title,
        "active": row.active,
    }));
    audit::append(conn, who, entry)?;
    Ok(())
}

/// Publishes an offer of `org_id`.
pub fn create(conn: &mut Db, who: Who<'_>, org_id: &str, offer: &Offer) -> DbResult<OfferRow> {
    write_tx(conn, who.tenant_id, |tx| {
        let id = uuid::Uuid::now_v7().to_string();
        let t = now();
        let groups: Vec<&str> = offer.target_groups.iter().map(|g| g.as_str()).collect();
        diesel::insert_into(f::table)
            .values((
                f::id.eq(&id),
                f::tenant_id.eq(who.tenant_id),
                f::org_id.eq(org_id),
                f::kind.eq(offer.kind.as_str()),
                f::title.eq(&offer.title),
                f::description.eq(&offer.description),
                f::target_groups.eq(joined(&groups)),
                f::languages.eq(joined(&offer.languages)),
                f::municipality_ids.eq(joined(&offer.municipality_ids)),
                f::street.eq(&offer.street),
                f::postcode.eq(&offer.postcode),
                f::town.eq(&offer.town),
                f::latitude.eq(offer.coordinates.map(|c| c.0)),
                f::longitude.eq(offer.coordinates.map(|c| c.1)),
                f::opening_hours.eq(format_opening_hours(&offer.opening_hours)),
                f::contact_name.eq(&offer.contact_name),
                f::phone.eq(&offer.phone),
                f::email.eq(&offer.email),
                f::website.eq(&offer.website),
                f::capacity_note.eq(&offer.capacity_note),
                f::active.eq(offer.active),
                f::created_at.eq(t),
                f::created_by.eq(who.user_id),
                f::updated_at.eq(t),
                f::updated_by.eq(who.user_id),
                f::version.eq(1),
            ))
            .execute(tx)?;
        let row = get(tx, who.tenant_id, &id)?.offer;
        audit_entry(tx, who, "offer.create", &row)?;
        Ok(row)
    })
}

/// Replaces an offer's content if `version` is current (stale → 409).
pub fn update(
    conn: &mut Db,
    who: Who<'_>,
    id: &str,
    version: i32,
    offer: &Offer,
) -> DbResult<OfferRow> {
    write_tx(conn, who.tenant_id, |tx| {
        let t = now();
        let groups: Vec<&str> = offer.target_groups.iter().map(|g| g.as_str()).collect();
        let changed = diesel::update(
            f::table
                .filter(f::tenant_id.eq(who.tenant_id))
                .filter(f::id.eq(id))
                .filter(f::version.eq(version)),
        )
        .set((
            f::kind.eq(offer.kind.as_str()),
            f::title.eq(&offer.title),
            f::description.eq(&offer.description),
            f::target_groups.eq(joined(&groups)),
            f::languages.eq(joined(&offer.languages)),
            f::municipality_ids.eq(joined(&offer.municipality_ids)),
            f::street.eq(&offer.street),
            f::postcode.eq(&offer.postcode),
            f::town.eq(&offer.town),
            f::latitude.eq(offer.coordinates.map(|c| c.0)),
            f::longitude.eq(offer.coordinates.map(|c| c.1)),
            f::opening_hours.eq(format_opening_hours(&offer.opening_hours)),
            f::contact_name.eq(&offer.contact_name),
            f::phone.eq(&offer.phone),
            f::email.eq(&offer.email),
            f::website.eq(&offer.website),
            f::capacity_note.eq(&offer.capacity_note),
            f::active.eq(offer.active),
            f::updated_at.eq(t),
            f::updated_by.eq(who.user_id),
            f::version.eq(version + 1),
        ))
        .execute(tx)?;
        check_versioned_update(tx, changed, |c| {
            f::table
                .filter(f::tenant_id.eq(who.tenant_id))
                .find(id)
                .select((f::updated_by, f::updated_at))
                .first(c)
        })?;
        let row = get(tx, who.tenant_id, id)?.offer;
        audit_entry(tx, who, "offer.update", &row)?;
        Ok(row)
    })
}
