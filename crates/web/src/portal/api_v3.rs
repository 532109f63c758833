//! The Integreat-compatible public API v3 (read-only), so counties can move and the existing
//! Integreat apps can read ankommen: `regions/`, `regions/{region}/`,
//! `{region}/languages/`, `{region}/{lang}/pages/`, `page/?url=|id=`,
//! `children/?url=&depth=` and `parents/?url=`, with or without the trailing slash. Errors
//! are `{"error": "..."}` with 400 or 404, as Integreat answers. URLs carry the host the
//! request came to. Field names and order come from `ankommen_domain::portal::integreat`.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

use ankommen_db::portal::{self as repo, LanguageRow, PageRow, RegionRow, TextRow};
use ankommen_domain::portal::integreat::{
    Language, Page, Parent, Region, TranslationLink, from_value,
};

use crate::AppState;

/// An API v3 error: `{"error": message}`.
pub struct V3Error(pub StatusCode, pub String);

impl V3Error {
    pub fn not_found(what: impl Into<String>) -> Self {
        Self(StatusCode::NOT_FOUND, what.into())
    }
    pub fn bad_request(what: impl Into<String>) -> Self {
        Self(StatusCode::BAD_REQUEST, what.into())
    }
}

impl IntoResponse for V3Error {
    fn into_response(self) -> Response {
        (self.0, Json(json!({ "error": self.1 }))).into_response()
    }
}

impl From<crate::error::AppError> for V3Error {
    fn from(e: crate::error::AppError) -> Self {
        match e {
            crate::error::AppError::NotFound => Self::not_found("not found"),
            other => {
                tracing::warn!(error = %other, "api v3");
                Self(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "the server could not answer".into(),
                )
            }
        }
    }
}

pub type V3Result<T> = Result<T, V3Error>;

/// Both `/path` and `/path/`.
fn both(
    router: Router<AppState>,
    path: &str,
    route: axum::routing::MethodRouter<AppState>,
) -> Router<AppState> {
    router
        .route(path, route.clone())
        .route(&format!("{path}/"), route)
}

pub fn router() -> Router<AppState> {
    let mut r = Router::new();
    r = both(r, "/api/v3/regions", get(regions));
    r = both(r, "/api/v3/regions/{region}", get(region));
    r = both(r, "/api/v3/{region}/languages", get(languages));
    r = both(r, "/api/v3/{region}/{lang}/pages", get(pages));
    r = both(r, "/api/v3/{region}/{lang}/page", get(page));
    r = both(r, "/api/v3/{region}/{lang}/children", get(children));
    r = both(r, "/api/v3/{region}/{lang}/parents", get(parents));
    r = both(
        r,
        "/api/v3/{region}/{lang}/events",
        get(super::api_v3_things::events),
    );
    r = both(
        r,
        "/api/v3/{region}/{lang}/locations",
        get(super::api_v3_things::locations),
    );
    r = r.route(
        "/portal/{region}/{lang}/events.ics",
        get(super::ical_feed::feed),
    );
    r = both(
        r,
        "/api/v3/{region}/{lang}/imprint",
        get(super::api_v3_things::imprint),
    );
    r = both(
        r,
        "/api/v3/{region}/{lang}/disclaimer",
        get(super::api_v3_things::imprint),
    );
    r = both(
        r,
        "/api/v3/{region}/{lang}/feedback/{target}",
        axum::routing::post(super::feedback::post),
    );
    r = both(
        r,
        "/api/v3/{region}/{lang}/location-categories",
        get(super::api_v3_things::location_categories),
    );
    r
}

/// `http://host` of the request (`https` behind a proxy that says so).
pub fn base_url(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            h.chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .unwrap_or("localhost");
    let https = headers
        .get("x-forwarded-proto")
        .and_then(|h| h.to_str().ok())
        .is_some_and(|p| p == "https");
    format!("{}://{host}", if https { "https" } else { "http" })
}

/// One region with its languages and (for the language endpoints) its pages and texts.
pub(crate) struct Loaded {
    pub(crate) region: RegionRow,
    languages: Vec<LanguageRow>,
    pages: Vec<PageRow>,
    texts: Vec<TextRow>,
}

async fn load(state: &AppState, slug: &str, with_pages: bool) -> V3Result<Loaded> {
    let wanted = slug.to_owned();
    let loaded = state
        .db(move |c| {
            let Some(tenant) = ankommen_db::tenants::default_tenant(c)? else {
                return Ok(None);
            };
            let Ok(region) = repo::region(c, &tenant.id, &wanted) else {
                return Ok(None);
            };
            let languages = repo::languages(c, &region.id)?
                .into_iter()
                .map(|(l, _)| l)
                .collect();
            let (pages, texts) = if with_pages {
                let pages = repo::pages(c, &region.id)?;
                let ids: Vec<String> = pages.iter().map(|p| p.id.clone()).collect();
                let texts = repo::texts(c, repo::PAGE, &ids)?;
                (pages, texts)
            } else {
                (vec![], vec![])
            };
            Ok(Some(Loaded {
                region,
                languages,
                pages,
                texts,
            }))
        })
        .await?;
    loaded.ok_or_else(|| {
        V3Error::not_found(format!(
            "No region with slug \"{}\" exists.",
            slug_for_error(slug)
        ))
    })
}

/// A slug for an error message: letters, digits and dashes only, at most 64.
pub(crate) fn slug_for_error(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric() || *c == '-')
        .take(64)
        .collect()
}

/// A region and its languages, or 404.
pub async fn load_region(state: &AppState, slug: &str) -> V3Result<(RegionRow, Vec<LanguageRow>)> {
    let l = load(state, slug, false).await?;
    Ok((l.region, l.languages))
}

fn language_out(l: &LanguageRow) -> Language {
    Language {
        id: l.external_id.max(0) as u64,
        code: l.code.clone(),
        bcp47_tag: l.bcp47_tag.clone(),
        native_name: l.native_name.clone(),
        dir: l.dir.clone(),
    }
}

fn region_out(r: &RegionRow, languages: &[LanguageRow]) -> Region {
    let mut v: Value = serde_json::from_str(&r.passthrough).unwrap_or_else(|_| json!({}));
    if let Value::Object(m) = &mut v {
        m.insert("id".into(), json!(r.external_id));
        m.insert("name".into(), json!(r.name));
        m.insert("path".into(), json!(r.slug));
        m.insert("live".into(), json!(r.status == "active"));
        m.insert("prefix".into(), json!(r.prefix));
        m.insert("name_without_prefix".into(), json!(r.name_without_prefix));
        m.insert("plz".into(), json!(r.postcode));
        m.insert("events".into(), json!(r.events_enabled));
        m.insert("pois".into(), json!(r.places_enabled));
        m.insert("longitude".into(), json!(r.longitude));
        m.insert("latitude".into(), json!(r.latitude));
        for (k, default) in [
            ("extras", json!(false)),
            ("push_notifications", json!(false)),
            ("bounding_box", Value::Null),
            ("aliases", Value::Null),
            ("tunews", json!(false)),
            ("external_news", json!(false)),
            ("zammad_privacy_policy", Value::Null),
            ("is_chat_enabled", json!(false)),
        ] {
            m.entry(k).or_insert(default);
        }
        m.insert(
            "languages".into(),
            serde_json::to_value(languages.iter().map(language_out).collect::<Vec<_>>())
                .unwrap_or_default(),
        );
    }
    from_value::<Region>(&v).unwrap_or_else(|(path, message)| {
        tracing::error!(%path, %message, region = %r.slug, "stored region does not serialise");
        Region {
            id: r.external_id.max(0) as u64,
            name: r.name.clone(),
            path: r.slug.clone(),
            live: r.status == "active",
            prefix: r.prefix.clone(),
            name_without_prefix: r.name_without_prefix.clone(),
            plz: r.postcode.clone(),
            extras: false,
            events: r.events_enabled,
            pois: r.places_enabled,
            push_notifications: false,
            longitude: r.longitude,
            latitude: r.latitude,
            bounding_box: None,
            aliases: None,
            tunews: false,
            external_news: false,
            zammad_privacy_policy: None,
            languages: languages.iter().map(language_out).collect(),
            is_chat_enabled: false,
        }
    })
}

async fn regions(State(state): State<AppState>) -> V3Result<Json<Vec<Region>>> {
    let rows = state
        .db(|c| {
            let Some(tenant) = ankommen_db::tenants::default_tenant(c)? else {
                return Ok(vec![]);
            };
            let mut out = Vec::new();
            for r in repo::regions(c, &tenant.id)? {
                let langs = repo::languages(c, &r.id)?
                    .into_iter()
                    .map(|(l, _)| l)
                    .collect::<Vec<_>>();
                out.push((r, langs));
            }
            Ok(out)
        })
        .await?;
    Ok(Json(rows.iter().map(|(r, l)| region_out(r, l)).collect()))
}

async fn region(State(state): State<AppState>, Path(slug): Path<String>) -> V3Result<Json<Region>> {
    let l = load(&state, &slug, false).await?;
    Ok(Json(region_out(&l.region, &l.languages)))
}

async fn languages(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> V3Result<Json<Vec<Language>>> {
    let l = load(&state, &slug, false).await?;
    Ok(Json(l.languages.iter().map(language_out).collect()))
}

/// `modified_gmt` as the CMS writes it: UTC, `2024-03-01 09:00:00`.
pub fn gmt(t: time::OffsetDateTime) -> String {
    let f = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
    t.to_offset(time::UtcOffset::UTC)
        .format(&f)
        .unwrap_or_default()
}

fn rfc3339(t: time::OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// The pages of a region in one language, in tree order (parents before children).
pub(crate) fn build_pages(base: &str, l: &Loaded, lang: &LanguageRow) -> Vec<Node> {
    let code_of: HashMap<&str, &str> = l
        .languages
        .iter()
        .map(|x| (x.id.as_str(), x.code.as_str()))
        .collect();
    let by_page: HashMap<(&str, &str), &TextRow> = l
        .texts
        .iter()
        .map(|t| ((t.owner_id.as_str(), t.language_id.as_str()), t))
        .collect();
    let page_by_id: HashMap<&str, &PageRow> = l.pages.iter().map(|p| (p.id.as_str(), p)).collect();
    // Path of a page's text: as imported, else built from the slugs of its ancestors.
    let path_of = |page: &PageRow, t: &TextRow, code: &str| -> String {
        let stored: Value = serde_json::from_str(&t.passthrough).unwrap_or_default();
        if let Some(p) = stored.get("path").and_then(Value::as_str) {
            return p.to_owned();
        }
        let mut slugs = vec![t.slug.clone()];
        let mut cur = page.parent_id.as_deref();
        let mut guard = 0;
        while let Some(pid) = cur {
            guard += 1;
            if guard > 64 {
                break;
            }
            let Some(parent) = page_by_id.get(pid) else {
                break;
            };
            if let Some(pt) = by_page.get(&(parent.id.as_str(), t.language_id.as_str())) {
                slugs.push(pt.slug.clone());
            }
            cur = parent.parent_id.as_deref();
        }
        slugs.reverse();
        format!("/{}/{code}/{}/", l.region.slug, slugs.join("/"))
    };
    let mut out = Vec::new();
    for page in &l.pages {
        let Some(t) = by_page.get(&(page.id.as_str(), lang.id.as_str())) else {
            continue;
        };
        let stored: Value = serde_json::from_str(&t.passthrough).unwrap_or_default();
        let edited = t.version > 1;
        let path = path_of(page, t, &lang.code);
        let parent = page
            .parent_id
            .as_deref()
            .and_then(|pid| page_by_id.get(pid))
            .map(|parent| {
                let pt = by_page.get(&(parent.id.as_str(), lang.id.as_str()));
                let ppath = pt.map(|pt| path_of(parent, pt, &lang.code));
                Parent {
                    id: parent.external_id.max(0) as u64,
                    url: ppath.as_ref().map(|p| format!("{base}{p}")),
                    path: ppath,
                }
            })
            .unwrap_or(Parent {
                id: 0,
                url: None,
                path: None,
            });
        let available_languages = l
            .languages
            .iter()
            .filter(|other| other.id != lang.id)
            .filter_map(|other| {
                let ot = by_page.get(&(page.id.as_str(), other.id.as_str()))?;
                let opath = path_of(
                    page,
                    ot,
                    code_of.get(other.id.as_str()).copied().unwrap_or(""),
                );
                Some((
                    other.code.clone(),
                    TranslationLink {
                        id: Some(ot.external_id.max(0) as u64),
                        url: format!("{base}{opath}"),
                        path: opath,
                    },
                ))
            })
            .collect();
        let text_field = |key: &str, fallback: String| -> String {
            match stored.get(key).and_then(Value::as_str) {
                Some(s) if !edited => s.to_owned(),
                _ => fallback,
            }
        };
        let last = time::PrimitiveDateTime::assume_utc(t.last_updated);
        out.push(Node {
            page_id: page.external_id.max(0) as u64,
            page: Page {
                id: t.external_id.max(0) as u64,
                url: format!("{base}{path}"),
                path,
                title: t.title.clone(),
                modified_gmt: text_field("modified_gmt", gmt(last)),
                last_updated: text_field(
                    "last_updated",
                    rfc3339(last.to_offset(ankommen_domain::portal::berlin::offset_at(last))),
                ),
                excerpt: t.excerpt.clone(),
                content: t.content.clone(),
                parent,
                order: i64::from(page.position),
                available_languages,
                thumbnail: stored.get("thumbnail").cloned().unwrap_or(Value::Null),
                organization: stored.get("organization").cloned().unwrap_or(Value::Null),
                hash: stored.get("hash").cloned().unwrap_or(Value::Null),
                embedded_offers: stored
                    .get("embedded_offers")
                    .cloned()
                    .unwrap_or_else(|| json!([])),
            },
        });
    }
    tree_order(out)
}

/// Depth first from the roots, siblings by their order, as the CMS lists a page tree.
fn tree_order(nodes: Vec<Node>) -> Vec<Node> {
    fn visit(nodes: &[Node], parent: u64, seen: &mut Vec<bool>, out: &mut Vec<usize>) {
        let mut children: Vec<usize> = (0..nodes.len())
            .filter(|i| !seen[*i] && nodes[*i].page.parent.id == parent)
            .collect();
        children.sort_by_key(|i| (nodes[*i].page.order, nodes[*i].page_id));
        for i in children {
            if seen[i] {
                continue;
            }
            seen[i] = true;
            out.push(i);
            visit(nodes, nodes[i].page_id, seen, out);
        }
    }
    let mut seen = vec![false; nodes.len()];
    let mut order = Vec::with_capacity(nodes.len());
    visit(&nodes, 0, &mut seen, &mut order);
    // Pages whose parent is not shown in this language come last, in their order.
    let mut rest: Vec<usize> = (0..nodes.len()).filter(|i| !seen[*i]).collect();
    rest.sort_by_key(|i| (nodes[*i].page.order, nodes[*i].page_id));
    order.extend(rest);
    let mut slots: Vec<Option<Node>> = nodes.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// A page in one language with the id of the page itself (`parent.id` of its children).
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub(crate) page_id: u64,
    pub(crate) page: Page,
}

pub(crate) async fn load_lang(
    state: &AppState,
    region: &str,
    lang: &str,
) -> V3Result<(Loaded, LanguageRow)> {
    let l = load(state, region, true).await?;
    let language = l
        .languages
        .iter()
        .find(|x| x.code == lang)
        .cloned()
        .ok_or_else(|| {
            V3Error::not_found(format!(
                "No language with slug \"{}\" exists in this region.",
                slug_for_error(lang)
            ))
        })?;
    Ok((l, language))
}

/// Finished `pages/` bodies by (region row, its version, language, base URL). A region's
/// content changes only through import (a new region row) or edits (which bump the region's
/// version), so a stale entry can never be served; one cheap query checks the region.
static PAGES_CACHE: std::sync::LazyLock<std::sync::Mutex<HashMap<String, axum::body::Bytes>>> =
    std::sync::LazyLock::new(Default::default);

/// Entries kept at most (regions × languages × hosts is small; beyond it the cache starts over).
const CACHE_MAX: usize = 1024;

async fn pages(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((region, lang)): Path<(String, String)>,
) -> V3Result<Response> {
    let base = base_url(&headers);
    let slug = region.clone();
    let current = state
        .db(move |c| {
            let Some(tenant) = ankommen_db::tenants::default_tenant(c)? else {
                return Ok(None);
            };
            Ok(repo::region(c, &tenant.id, &slug)
                .ok()
                .map(|r| (r.id, r.version)))
        })
        .await?;
    let Some((region_id, version)) = current else {
        return Err(V3Error::not_found(format!(
            "No region with slug \"{}\" exists.",
            slug_for_error(&region)
        )));
    };
    let key = format!("{region_id}\n{version}\n{lang}\n{base}");
    let cached = PAGES_CACHE.lock().ok().and_then(|c| c.get(&key).cloned());
    let body = match cached {
        Some(body) => body,
        None => {
            let (l, language) = load_lang(&state, &region, &lang).await?;
            let pages: Vec<Page> = build_pages(&base, &l, &language)
                .into_iter()
                .map(|n| n.page)
                .collect();
            let body = axum::body::Bytes::from(serde_json::to_vec(&pages).map_err(|e| {
                V3Error(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    format!("could not write the pages: {e}"),
                )
            })?);
            if let Ok(mut c) = PAGES_CACHE.lock() {
                if c.len() >= CACHE_MAX {
                    c.clear();
                }
                c.insert(key, body.clone());
            }
            body
        }
    };
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

#[derive(Debug, Deserialize, Default)]
pub struct PageQuery {
    pub(crate) url: Option<String>,
    pub(crate) id: Option<String>,
    pub(crate) depth: Option<String>,
}

/// The page a `url` (absolute, or a path) or an `id` (the page's id, as the CMS reads it)
/// names. A URL is matched on its whole path first, then, as the CMS does, on its last
/// segment when that names exactly one page.
pub(crate) fn find<'a>(nodes: &'a [Node], q: &PageQuery) -> V3Result<Option<&'a Node>> {
    if let Some(id) = q.id.as_deref().filter(|s| !s.is_empty()) {
        let id: u64 = id
            .parse()
            .map_err(|_| V3Error::bad_request("The id must be a number."))?;
        return Ok(nodes.iter().find(|n| n.page_id == id));
    }
    let Some(url) = q.url.as_deref().filter(|s| !s.trim().is_empty()) else {
        return Ok(None);
    };
    let path = match url.find("://") {
        Some(i) => url[i + 3..].find('/').map_or("/", |j| &url[i + 3 + j..]),
        None => url,
    };
    let norm = |p: &str| format!("/{}/", p.trim_matches('/'));
    if let Some(n) = nodes.iter().find(|n| norm(&n.page.path) == norm(path)) {
        return Ok(Some(n));
    }
    // A full page path of another region or language (`/{region}/{lang}/…`) names no page
    // here, even if its last segment is a slug this region has too. Shorter paths and bare
    // slugs are looked up by their last segment, as the CMS does.
    let head = |p: &str| -> Option<String> {
        let parts: Vec<&str> = p.trim_matches('/').split('/').collect();
        (parts.len() >= 3).then(|| format!("{}/{}", parts[0], parts[1]))
    };
    if let (Some(asked), Some(here)) = (head(path), nodes.first().and_then(|n| head(&n.page.path)))
        && asked != here
    {
        return Ok(None);
    }
    let last = |p: &str| {
        p.trim_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or("")
            .to_owned()
    };
    let wanted = last(path);
    let mut hits = nodes.iter().filter(|n| last(&n.page.path) == wanted);
    Ok(match (hits.next(), hits.next()) {
        (Some(n), None) => Some(n),
        _ => None,
    })
}

fn need_url_or_id(q: &PageQuery) -> V3Result<()> {
    if q.url.is_none() && q.id.is_none() {
        return Err(V3Error::bad_request(
            "You have to specify either the page's url or its id.",
        ));
    }
    Ok(())
}

async fn page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((region, lang)): Path<(String, String)>,
    Query(q): Query<PageQuery>,
) -> V3Result<Json<Page>> {
    need_url_or_id(&q)?;
    let (l, language) = load_lang(&state, &region, &lang).await?;
    let all = build_pages(&base_url(&headers), &l, &language);
    find(&all, &q)?
        .map(|n| Json(n.page.clone()))
        .ok_or_else(|| V3Error::not_found("No page matches the given url or id."))
}

/// Depth-first: `node`, then its children in order, down to `depth` levels below it.
fn descend(all: &[Node], node: &Node, depth: u32, out: &mut Vec<Page>) {
    out.push(node.page.clone());
    if depth == 0 {
        return;
    }
    for child in all.iter().filter(|n| n.page.parent.id == node.page_id) {
        descend(all, child, depth - 1, out);
    }
}

/// With `url`/`id`: the page and its descendants down to `depth` levels (default 1), depth
/// first, as the CMS lists them; without: the root pages and theirs down to `depth` levels.
async fn children(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((region, lang)): Path<(String, String)>,
    Query(q): Query<PageQuery>,
) -> V3Result<Json<Vec<Page>>> {
    let depth: u32 = match q.depth.as_deref().filter(|s| !s.is_empty()) {
        None => 1,
        Some(d) => d
            .parse::<u32>()
            .map_err(|_| V3Error::bad_request("The depth must be a whole number."))?
            .min(64),
    };
    let (l, language) = load_lang(&state, &region, &lang).await?;
    let all = build_pages(&base_url(&headers), &l, &language);
    let mut out = Vec::new();
    if q.url.is_some() || q.id.is_some() {
        let start = find(&all, &q)?
            .ok_or_else(|| V3Error::not_found("No page matches the given url or id."))?;
        descend(&all, start, depth, &mut out);
    } else {
        for root in all.iter().filter(|n| n.page.parent.id == 0) {
            descend(&all, root, depth.saturating_sub(1), &mut out);
        }
    }
    Ok(Json(out))
}

/// The ancestors of a page, the root first (the page itself left out).
async fn parents(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((region, lang)): Path<(String, String)>,
    Query(q): Query<PageQuery>,
) -> V3Result<Json<Vec<Page>>> {
    need_url_or_id(&q)?;
    let (l, language) = load_lang(&state, &region, &lang).await?;
    let all = build_pages(&base_url(&headers), &l, &language);
    let mut cur = find(&all, &q)?
        .ok_or_else(|| V3Error::not_found("No page matches the given url or id."))?;
    let mut out = Vec::new();
    while cur.page.parent.id != 0 && out.len() < 64 {
        let Some(parent) = all.iter().find(|n| n.page_id == cur.page.parent.id) else {
            break;
        };
        out.push(parent.page.clone());
        cur = parent;
    }
    out.reverse();
    Ok(Json(out))
}

/// A region's pages in one language as the API serves them (tree order), each with its page
/// id (the same in every language), with the region,
/// its languages and the language: what the public portal's pages are made of.
pub(crate) async fn region_pages(
    state: &AppState,
    region: &str,
    lang: &str,
    base: &str,
) -> V3Result<(RegionRow, Vec<LanguageRow>, LanguageRow, Vec<(u64, Page)>)> {
    let (l, language) = load_lang(state, region, lang).await?;
    let pages = build_pages(base, &l, &language)
        .into_iter()
        .map(|n| (n.page_id, n.page))
        .collect();
    Ok((l.region, l.languages, language, pages))
}
