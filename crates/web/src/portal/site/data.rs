//! What the public portal shows of one region in one language, assembled once and kept while
//! the region (and, for a town, its county) is unchanged: the pages as the API v3 serves them
//! plus the county's pages a town inherits, events, places and the search index.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock, Mutex};

use sha2::{Digest, Sha256};

use ankommen_db::portal as repo;
use ankommen_domain::portal::integreat::{Event, Location, Page};
use ankommen_domain::portal::search::{Doc, DocKind, Index};

use super::super::api_v3::{V3Error, V3Result, region_pages};
use super::super::api_v3_things::region_things;
use super::super::sanitize::plain_text;
use crate::AppState;

/// One language of the region.
#[derive(Debug, Clone)]
pub struct Lang {
    pub code: String,
    pub name: String,
    pub dir: String,
    pub bcp47: String,
}

#[derive(Debug, Clone)]
pub struct SitePage {
    pub id: u64,
    pub parent: Option<u64>,
    pub title: String,
    pub excerpt: String,
    pub content: String,
    /// `YYYY-MM-DD` of the last change.
    pub updated: String,
    /// Codes of the languages this page exists in.
    pub languages: Vec<String>,
    /// From the county (shown in a town's portal too).
    pub inherited: bool,
    /// The organisation responsible for the page, if named.
    pub organisation: String,
    /// Hash of what the page shows: the offline copy is fetched again when it changes.
    pub etag: String,
}

pub struct Snapshot {
    /// The region's row.
    pub region_id: String,
    pub slug: String,
    pub name: String,
    /// The county a town inherits pages from: (slug, name).
    pub parent: Option<(String, String)>,
    pub lang: Lang,
    pub languages: Vec<Lang>,
    pub pages: Vec<SitePage>,
    /// Events, recurring ones once.
    pub events: Vec<Event>,
    /// Dated occurrences of the next twelve months, by start.
    pub occurrences: Vec<Event>,
    pub places: Vec<Location>,
    pub index: Index,
    /// `YYYY-MM-DD` of the newest change.
    pub updated: String,
    /// Changes whenever anything shown in this language changes.
    pub etag: String,
}

impl Snapshot {
    pub fn page(&self, id: u64) -> Option<&SitePage> {
        self.pages.iter().find(|p| p.id == id)
    }

    pub fn children(&self, id: Option<u64>) -> impl Iterator<Item = &SitePage> {
        self.pages.iter().filter(move |p| p.parent == id)
    }

    /// Ancestors of a page, root first.
    pub fn ancestors(&self, id: u64) -> Vec<&SitePage> {
        let mut out = Vec::new();
        let mut cur = self.page(id).and_then(|p| p.parent);
        while let Some(pid) = cur {
            if out.len() > 64 {
                break;
            }
            let Some(p) = self.page(pid) else { break };
            out.push(p);
            cur = p.parent;
        }
        out.reverse();
        out
    }

    /// Dated occurrences not over by `today` (`YYYY-MM-DD`), by start.
    pub fn upcoming<'a>(&'a self, today: &'a str) -> impl Iterator<Item = &'a Event> {
        self.occurrences
            .iter()
            .filter(move |e| e.event.end_date.as_str() >= today)
    }

    /// The next dates of event `id` from `today` (its own date if it does not recur).
    pub fn dates_of<'a>(&'a self, id: u64, today: &'a str) -> impl Iterator<Item = &'a Event> {
        self.upcoming(today)
            .filter(move |o| o.event.recurrence_id == Some(id) || o.id == id)
    }

    pub fn event(&self, id: u64) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    pub fn place(&self, id: u64) -> Option<&Location> {
        self.places.iter().find(|p| p.id == id)
    }
}

pub fn hash(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0]);
    }
    hex::encode(&h.finalize()[..10])
}

fn day(s: &str) -> String {
    s.get(..10).unwrap_or(s).to_owned()
}

/// Pages by their page id (the same in every language; `parent.id` names it too).
fn site_pages(pages: &[(u64, Page)], inherited: bool) -> Vec<SitePage> {
    let ids: HashSet<u64> = pages.iter().map(|(id, _)| *id).collect();
    pages
        .iter()
        .map(|(id, p)| {
            let parent = Some(p.parent.id).filter(|id| *id != 0 && ids.contains(id));
            let languages: Vec<String> = p.available_languages.keys().cloned().collect();
            SitePage {
                id: *id,
                parent,
                title: p.title.clone(),
                excerpt: p.excerpt.clone(),
                content: p.content.clone(),
                updated: day(&p.last_updated),
                etag: hash(&[&p.title, &p.content, &p.last_updated, &languages.join(",")]),
                languages,
                inherited,
                organisation: p
                    .organization
                    .get("name")
                    .and_then(serde_json::Value::as_str)
                    .unwrap_or_default()
                    .to_owned(),
            }
        })
        .collect()
}

/// Region row ids and versions that decide whether a snapshot is current.
async fn versions(state: &AppState, slug: &str) -> V3Result<String> {
    let wanted = slug.to_owned();
    let found = state
        .db(move |c| {
            let Some(tenant) = ankommen_db::tenants::default_tenant(c)? else {
                return Ok(None);
            };
            let Ok(r) = repo::region(c, &tenant.id, &wanted) else {
                return Ok(None);
            };
            let parent = repo::county_of(c, &r)?.map(|p| format!("{}:{}", p.id, p.version));
            Ok(Some(format!(
                "{}:{}/{}",
                r.id,
                r.version,
                parent.unwrap_or_default()
            )))
        })
        .await?;
    found.ok_or_else(|| V3Error::not_found("No such region."))
}

static CACHE: LazyLock<Mutex<HashMap<String, Arc<Snapshot>>>> = LazyLock::new(Default::default);
const CACHE_MAX: usize = 256;

/// The current snapshot of `region` in `lang` (404 for an unknown region or language).
pub async fn snapshot(state: &AppState, region: &str, lang: &str) -> V3Result<Arc<Snapshot>> {
    // Occurrences start from today: a new day is a new snapshot.
    let key = format!(
        "{}\n{region}\n{lang}\n{}",
        versions(state, region).await?,
        ankommen_db::now().date()
    );
    if let Some(s) = CACHE.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return Ok(s);
    }
    let s = Arc::new(build(state, region, lang, &key).await?);
    if let Ok(mut c) = CACHE.lock() {
        if c.len() >= CACHE_MAX {
            c.clear();
        }
        c.insert(key, s.clone());
    }
    Ok(s)
}

async fn build(state: &AppState, region: &str, lang: &str, key: &str) -> V3Result<Snapshot> {
    let (row, languages, language, pages) = region_pages(state, region, lang, "").await?;
    let mut site = site_pages(&pages, false);
    let mut parent = None;
    if row.parent_region_id.is_some() {
        let town = row.clone();
        let county = state.db(move |c| repo::county_of(c, &town)).await?;
        if let Some(county) = county {
            // The county's pages in this language, if the county has the language.
            if let Ok((_, _, _, county_pages)) = region_pages(state, &county.slug, lang, "").await {
                let own: HashSet<u64> = site.iter().map(|p| p.id).collect();
                site.extend(
                    site_pages(&county_pages, true)
                        .into_iter()
                        .filter(|p| !own.contains(&p.id)),
                );
            }
            parent = Some((county.slug, county.name));
        }
    }
    let (events, mut occurrences, places) = if row.events_enabled || row.places_enabled {
        region_things(state, region, lang, "").await?
    } else {
        (vec![], vec![], vec![])
    };
    occurrences.sort_by(|a, b| a.event.start.cmp(&b.event.start).then(a.id.cmp(&b.id)));
    let mut docs: Vec<Doc> = site
        .iter()
        .map(|p| Doc {
            kind: DocKind::Page,
            key: p.id.to_string(),
            title: p.title.clone(),
            body: plain_text(&p.content, 20_000),
            extra: String::new(),
        })
        .collect();
    docs.extend(events.iter().map(|e| {
        Doc {
            kind: DocKind::Event,
            key: e.id.to_string(),
            title: e.title.clone(),
            body: plain_text(&e.content, 20_000),
            extra: [
                e.location.name.as_deref(),
                e.location.address.as_deref(),
                e.location.town.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" "),
        }
    }));
    docs.extend(places.iter().map(|p| {
        Doc {
            kind: DocKind::Place,
            key: p.id.to_string(),
            title: p.title.clone(),
            body: plain_text(&p.content, 20_000),
            extra: [
                p.location.address.as_deref(),
                p.location.town.as_deref(),
                p.category.as_ref().map(|c| c.name.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" "),
        }
    }));
    let updated = site
        .iter()
        .map(|p| p.updated.clone())
        .chain(events.iter().map(|e| day(&e.last_updated)))
        .chain(places.iter().map(|p| day(&p.last_updated)))
        .max()
        .unwrap_or_default();
    let lang_of = |l: &repo::LanguageRow| Lang {
        code: l.code.clone(),
        name: l.native_name.clone(),
        dir: l.dir.clone(),
        bcp47: l.bcp47_tag.clone(),
    };
    Ok(Snapshot {
        region_id: row.id.clone(),
        slug: row.slug.clone(),
        name: row.name.clone(),
        parent,
        lang: lang_of(&language),
        languages: languages.iter().map(lang_of).collect(),
        pages: site,
        events,
        occurrences,
        places,
        index: Index::build(docs),
        updated,
        etag: hash(&[key, super::ASSET_VERSION]),
    })
}
