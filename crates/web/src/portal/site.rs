//! The public portal for newcomers at `/portal/{region}/{language}/…`: server-rendered,
//! mobile-first HTML that works without JavaScript, right to left where the language is,
//! with a language switcher that offers only the languages the page exists in, typo-tolerant
//! search, events with calendar feeds, places with "open now", a feedback form on every page
//! and a print stylesheet. A small script adds the offline copy (service worker, see
//! `offline`). Content is the same as the API v3 serves; a town shows the county's pages too.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;

use crate::AppState;

mod data;
mod events;
mod feedback_form;
mod offline;
mod places;
pub mod strings;

use data::{Snapshot, snapshot};
use strings::t;

/// Changes with the portal's templates, styles and script: part of every ETag.
pub const ASSET_VERSION: &str = "2026-11-24.1";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/portal", get(regions))
        .route("/portal/", get(regions))
        .route("/portal/{region}", get(languages))
        .route("/portal/{region}/", get(languages))
        .route("/portal/{region}/{lang}", get(home))
        .route("/portal/{region}/{lang}/", get(home))
        .route("/portal/{region}/{lang}/pages/{id}", get(page))
        .route("/portal/{region}/{lang}/search", get(search))
        .route("/portal/{region}/{lang}/imprint", get(imprint))
        .route("/portal/{region}/{lang}/events", get(events::list))
        .route("/portal/{region}/{lang}/events/{id}", get(events::one))
        .route("/portal/{region}/{lang}/places", get(places::list))
        .route("/portal/{region}/{lang}/places/{id}", get(places::one))
        .route(
            "/portal/{region}/{lang}/feedback",
            axum::routing::post(feedback_form::post),
        )
        .merge(offline::router())
}

/// One entry of the language switcher.
pub struct Switch {
    pub code: String,
    pub name: String,
    pub href: String,
    pub dir: String,
    pub current: bool,
}

/// What every portal page shows around its content.
pub struct Chrome {
    pub lang: String,
    pub dir: String,
    pub bcp47: String,
    pub region: String,
    pub region_name: String,
    /// `/portal/{region}/{lang}`.
    pub base: String,
    pub title: String,
    pub switcher: Vec<Switch>,
    pub current_language: String,
    /// `YYYY-MM-DD` of the newest change in this region and language.
    pub updated: String,
    pub query: String,
    pub tab: &'static str,
    pub feedback: Option<feedback_form::FeedbackBox>,
}

impl Chrome {
    pub fn t(&self, key: &str) -> &'static str {
        t(&self.lang, key)
    }

    /// `current` when `tab` is the page's section (for the navigation).
    pub fn cur(&self, tab: &str) -> &'static str {
        if self.tab == tab { "page" } else { "false" }
    }

    /// Chrome for a page of `s`; `path` is the page's path below the base (`/pages/7`),
    /// `available` the other languages it exists in with its path there (`None`: all of the
    /// region's, same path).
    pub fn new(
        s: &Snapshot,
        title: &str,
        path: &str,
        available: Option<&[(String, String)]>,
    ) -> Self {
        let base = format!("/portal/{}/{}", s.slug, s.lang.code);
        let switcher = s
            .languages
            .iter()
            .filter_map(|l| {
                let there = if l.code == s.lang.code {
                    path.to_owned()
                } else {
                    match available {
                        None => path.to_owned(),
                        Some(a) => a.iter().find(|(c, _)| *c == l.code)?.1.clone(),
                    }
                };
                Some(Switch {
                    code: l.code.clone(),
                    name: l.name.clone(),
                    href: format!("/portal/{}/{}{there}", s.slug, l.code),
                    dir: l.dir.clone(),
                    current: l.code == s.lang.code,
                })
            })
            .collect();
        Chrome {
            lang: s.lang.code.clone(),
            dir: s.lang.dir.clone(),
            bcp47: s.lang.bcp47.clone(),
            region: s.slug.clone(),
            region_name: s.name.clone(),
            base,
            title: title.to_owned(),
            switcher,
            current_language: s.lang.name.clone(),
            updated: s.updated.clone(),
            query: String::new(),
            tab: "",
            feedback: None,
        }
    }
}

/// An HTML answer with a weak ETag (a repeated request with `If-None-Match` gets 304) that
/// browsers revalidate: the offline copy and caches stay current without downloading again.
pub fn html(headers: &HeaderMap, etag: &str, body: Result<String, askama::Error>) -> Response {
    let body = match body {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "portal template");
            return (StatusCode::INTERNAL_SERVER_ERROR, "template error").into_response();
        }
    };
    let tag = format!("W/\"{etag}\"");
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|x| x.trim() == tag || x.trim() == "*"));
    let mut res = if matches {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response()
    };
    let h = res.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&tag) {
        h.insert(header::ETAG, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    res
}

/// A portal page that does not exist (404), in the portal's frame.
#[derive(Template)]
#[template(path = "portal_missing.html")]
pub struct Missing {
    pub c: Chrome,
    pub message: &'static str,
    /// Languages the wanted item exists in.
    pub elsewhere: Vec<Switch>,
}

pub fn missing(s: &Snapshot, elsewhere: Vec<Switch>) -> Response {
    let mut c = Chrome::new(s, t(&s.lang.code, "not-found"), "", None);
    c.feedback = None;
    let message = if elsewhere.is_empty() {
        t(&s.lang.code, "not-found")
    } else {
        t(&s.lang.code, "not-in-language")
    };
    let page = Missing {
        c,
        message,
        elsewhere,
    };
    match page.render() {
        Ok(b) => (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            b,
        )
            .into_response(),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

/// A plain 404 for an unknown region or language (no snapshot to frame it).
fn unknown(lang: &str) -> Response {
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        t(lang, "not-found"),
    )
        .into_response()
}

/// The snapshot of a region and language, or the 404 answer.
pub async fn load(state: &AppState, region: &str, lang: &str) -> Result<Arc<Snapshot>, Response> {
    snapshot(state, region, lang).await.map_err(|e| {
        if e.0 == StatusCode::NOT_FOUND {
            unknown(lang)
        } else {
            e.into_response()
        }
    })
}

/// The reader's language from `Accept-Language` among `offered` (first offered otherwise).
fn preferred<'a>(headers: &HeaderMap, offered: &'a [String]) -> Option<&'a String> {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let mut wanted: Vec<(f32, String)> = accept
        .split(',')
        .filter_map(|part| {
            let mut it = part.split(';');
            let tag = it.next()?.trim().to_ascii_lowercase();
            let q = it
                .find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse().ok()))
                .unwrap_or(1.0);
            Some((q, tag))
        })
        .collect();
    wanted.sort_by(|a, b| b.0.total_cmp(&a.0));
    wanted
        .iter()
        .find_map(|(_, tag)| {
            let primary = tag.split('-').next().unwrap_or(tag);
            offered.iter().find(|o| o.as_str() == primary)
        })
        .or_else(|| offered.first())
}

#[derive(Template)]
#[template(path = "portal_regions.html")]
struct RegionsPage {
    lang: &'static str,
    regions: Vec<(String, String)>,
}

impl RegionsPage {
    fn t(&self, key: &str) -> &'static str {
        t(self.lang, key)
    }
}

async fn regions(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let rows = state
        .db(|c| {
            let Some(tenant) = ankommen_db::tenants::default_tenant(c)? else {
                return Ok(vec![]);
            };
            ankommen_db::portal::regions(c, &tenant.id)
        })
        .await;
    let Ok(rows) = rows else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let langs: Vec<String> = strings::LANGS.iter().map(|l| (*l).to_owned()).collect();
    let lang = preferred(&headers, &langs)
        .and_then(|l| strings::LANGS.iter().find(|x| **x == l.as_str()))
        .copied()
        .unwrap_or("de");
    let page = RegionsPage {
        lang,
        regions: rows.into_iter().map(|r| (r.slug, r.name)).collect(),
    };
    let listed: Vec<&str> = page
        .regions
        .iter()
        .flat_map(|(slug, name)| [slug.as_str(), name.as_str()])
        .collect();
    let tag = data::hash(&[ASSET_VERSION, lang, &listed.join("\n")]);
    html(&headers, &tag, page.render())
}

#[derive(Template)]
#[template(path = "portal_languages.html")]
struct LanguagesPage {
    lang: String,
    region: String,
    name: String,
    languages: Vec<data::Lang>,
}

impl LanguagesPage {
    fn t(&self, key: &str) -> &'static str {
        t(&self.lang, key)
    }
}

async fn languages(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(region): Path<String>,
) -> Response {
    let Ok((r, langs)) = super::api_v3::load_region(&state, &region).await else {
        return unknown("de");
    };
    let codes: Vec<String> = langs.iter().map(|l| l.code.clone()).collect();
    let lang = preferred(&headers, &codes).cloned().unwrap_or_default();
    let page = LanguagesPage {
        lang,
        region: r.slug.clone(),
        name: r.name.clone(),
        languages: langs
            .iter()
            .map(|l| data::Lang {
                code: l.code.clone(),
                name: l.native_name.clone(),
                dir: l.dir.clone(),
                bcp47: l.bcp47_tag.clone(),
            })
            .collect(),
    };
    let tag = data::hash(&[ASSET_VERSION, &r.id, &r.version.to_string(), &page.lang]);
    html(&headers, &tag, page.render())
}

/// A page's entry in a list.
pub struct Entry {
    pub href: String,
    pub title: String,
    pub excerpt: String,
}

#[derive(Template)]
#[template(path = "portal_home.html")]
struct HomePage {
    c: Chrome,
    own: Vec<Entry>,
    county: Vec<Entry>,
    county_name: String,
    events: Vec<events::Row>,
}

fn entries<'a>(s: &Snapshot, pages: impl Iterator<Item = &'a data::SitePage>) -> Vec<Entry> {
    pages
        .map(|p| Entry {
            href: format!("/portal/{}/{}/pages/{}", s.slug, s.lang.code, p.id),
            title: p.title.clone(),
            excerpt: p.excerpt.chars().take(160).collect(),
        })
        .collect()
}

async fn home(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((region, lang)): Path<(String, String)>,
    Query(fb): Query<feedback_form::Shown>,
) -> Response {
    let s = match load(&state, &region, &lang).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let mut c = Chrome::new(&s, &s.name, "", None);
    c.tab = "home";
    c.feedback = Some(feedback_form::FeedbackBox::new(
        "categories",
        "",
        &c.base,
        fb.feedback.as_deref(),
    ));
    let own = entries(&s, s.children(None).filter(|p| !p.inherited));
    let county = entries(&s, s.children(None).filter(|p| p.inherited));
    let page = HomePage {
        own,
        county,
        county_name: s.parent.as_ref().map(|p| p.1.clone()).unwrap_or_default(),
        events: events::upcoming(&s, 3),
        c,
    };
    let tag = data::hash(&[&s.etag, "home", fb.feedback.as_deref().unwrap_or("")]);
    html(&headers, &tag, page.render())
}

#[derive(Template)]
#[template(path = "portal_page.html")]
struct PageView {
    c: Chrome,
    id: u64,
    organisation: String,
    content: String,
    updated: String,
    crumbs: Vec<Entry>,
    children: Vec<Entry>,
}

async fn page(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((region, lang, id)): Path<(String, String, String)>,
    Query(fb): Query<feedback_form::Shown>,
) -> Response {
    let s = match load(&state, &region, &lang).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let Ok(id) = id.parse::<u64>() else {
        return missing(&s, vec![]);
    };
    let Some(p) = s.page(id) else {
        return missing(
            &s,
            other_languages(&state, &s, &format!("/pages/{id}")).await,
        );
    };
    let path = format!("/pages/{id}");
    let available: Vec<(String, String)> = p
        .languages
        .iter()
        .map(|c| (c.clone(), path.clone()))
        .collect();
    let mut c = Chrome::new(&s, &p.title, &path, Some(&available));
    c.feedback = Some(feedback_form::FeedbackBox::new(
        "page",
        &id.to_string(),
        &format!("{}/pages/{id}", c.base),
        fb.feedback.as_deref(),
    ));
    let view = PageView {
        id,
        organisation: p.organisation.clone(),
        content: p.content.clone(),
        updated: p.updated.clone(),
        crumbs: entries(&s, s.ancestors(id).into_iter()),
        children: entries(&s, s.children(Some(id))),
        c,
    };
    let tag = data::hash(&[
        &s.etag,
        &p.etag,
        &id.to_string(),
        fb.feedback.as_deref().unwrap_or(""),
    ]);
    html(&headers, &tag, view.render())
}

/// The region's other languages in which `path` exists (for a 404 in this language; events
/// and places are found by the same id, which holds for content written here).
pub async fn other_languages(state: &AppState, s: &Snapshot, path: &str) -> Vec<Switch> {
    let mut out = Vec::new();
    for l in s.languages.iter().filter(|l| l.code != s.lang.code) {
        let Ok(other) = snapshot(state, &s.slug, &l.code).await else {
            continue;
        };
        let exists = match path.split('/').collect::<Vec<_>>().as_slice() {
            ["", "pages", id] => id.parse().ok().and_then(|id| other.page(id)).is_some(),
            ["", "events", id] => id.parse().ok().and_then(|id| other.event(id)).is_some(),
            ["", "places", id] => id.parse().ok().and_then(|id| other.place(id)).is_some(),
            _ => false,
        };
        if exists {
            out.push(Switch {
                code: l.code.clone(),
                name: l.name.clone(),
                href: format!("/portal/{}/{}{path}", s.slug, l.code),
                dir: l.dir.clone(),
                current: false,
            });
        }
    }
    out
}

/// The other languages of an event or place with its path there (`kind`: `events`, `places`).
pub fn translations(
    links: &ankommen_domain::portal::integreat::AvailableLanguages,
    kind: &str,
    id: u64,
) -> Vec<(String, String)> {
    links
        .iter()
        .map(|(code, link)| (code.clone(), format!("/{kind}/{}", link.id.unwrap_or(id))))
        .collect()
}

#[derive(Debug, Deserialize, Default)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
}

pub struct Found {
    pub kind: &'static str,
    pub href: String,
    pub title: String,
    pub snippet: String,
}

#[derive(Template)]
#[template(path = "portal_search.html")]
struct SearchPage {
    c: Chrome,
    hits: Vec<Found>,
    searched: bool,
}

async fn search(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((region, lang)): Path<(String, String)>,
    Query(q): Query<SearchQuery>,
) -> Response {
    use ankommen_domain::portal::search::DocKind;
    let s = match load(&state, &region, &lang).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let query: String = q.q.chars().take(200).collect();
    let mut c = Chrome::new(&s, s_t(&s, "search"), "/search", None);
    c.tab = "search";
    c.query = query.clone();
    c.feedback = Some(feedback_form::FeedbackBox::new(
        "search",
        "",
        &format!("{}/search", c.base),
        None,
    ));
    if let Some(f) = c.feedback.as_mut() {
        f.query = query.clone();
    }
    let hits = s
        .index
        .search(&query, 30)
        .into_iter()
        .filter_map(|h| {
            let id: u64 = h.key.parse().ok()?;
            let (kind, href, title) = match h.kind {
                DocKind::Page => ("kind-page", "pages", s.page(id)?.title.clone()),
                DocKind::Event => ("kind-event", "events", s.event(id)?.title.clone()),
                DocKind::Place => ("kind-place", "places", s.place(id)?.title.clone()),
            };
            Some(Found {
                kind,
                href: format!("{}/{href}/{id}", c.base),
                title,
                snippet: h.snippet,
            })
        })
        .collect();
    let page = SearchPage {
        searched: !query.trim().is_empty(),
        hits,
        c,
    };
    let tag = data::hash(&[&s.etag, "search", &query]);
    html(&headers, &tag, page.render())
}

fn s_t(s: &Snapshot, key: &str) -> &'static str {
    t(&s.lang.code, key)
}

#[derive(Template)]
#[template(path = "portal_imprint.html")]
struct ImprintPage {
    c: Chrome,
    content: String,
    updated: String,
    /// The region's organisations: name and website.
    organisations: Vec<(String, String)>,
}

async fn imprint(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((region, lang)): Path<(String, String)>,
) -> Response {
    let s = match load(&state, &region, &lang).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let found = super::api_v3_things::imprint_text(&state, &region, &lang).await;
    let (title, content, updated) = match found {
        Ok(Some(t)) => (t.title, t.content, t.last_updated.date().to_string()),
        Ok(None) => (s_t(&s, "imprint").to_owned(), String::new(), String::new()),
        Err(e) => return e.into_response(),
    };
    let region_id = s.region_id.clone();
    let organisations = match state
        .db(move |c| ankommen_db::portal::organisations(c, &region_id))
        .await
    {
        Ok(rows) => rows
            .into_iter()
            .map(|(_, name, website)| (name, website.unwrap_or_default()))
            .collect::<Vec<_>>(),
        Err(e) => return e.into_response(),
    };
    let mut c = Chrome::new(&s, &title, "/imprint", None);
    c.tab = "imprint";
    let tag = data::hash(&[&s.etag, "imprint", &content, &updated]);
    let page = ImprintPage {
        c,
        content,
        updated,
        organisations,
    };
    html(&headers, &tag, page.render())
}
