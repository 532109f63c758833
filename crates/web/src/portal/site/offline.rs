//! Offline reading: the web app manifest, the service worker and the list of what it keeps.
//! Once a reader opened a region in a language, the page script asks the service worker to
//! keep that region's pages, events and places. `offline.json` lists every URL with the ETag
//! of its content; the worker revalidates the list (`If-None-Match`, 304 when nothing
//! changed) and downloads only entries whose ETag changed, dropping removed ones, so an
//! update transfers what changed, not the region again.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::json;

use ankommen_domain::portal::integreat::Event;

use super::data::hash;
use super::strings::t;
use super::{ASSET_VERSION, Chrome, html, load};
use crate::AppState;

const CSS: &str = include_str!("../../../assets/portal/portal.css");
const JS: &str = include_str!("../../../assets/portal/portal.js");
const SW: &str = include_str!("../../../assets/portal/sw.js");
const ICON: &str = include_str!("../../../assets/portal/icon.svg");

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/portal/sw.js", get(worker))
        .route(
            "/portal/assets/portal.css",
            get(|| asset("text/css; charset=utf-8", CSS)),
        )
        .route(
            "/portal/assets/portal.js",
            get(|| asset("text/javascript; charset=utf-8", JS)),
        )
        .route(
            "/portal/assets/icon.svg",
            get(|| asset("image/svg+xml", ICON)),
        )
        .route(
            "/portal/{region}/{lang}/manifest.webmanifest",
            get(manifest),
        )
        .route("/portal/{region}/{lang}/offline.json", get(list))
        .route("/portal/{region}/{lang}/offline", get(fallback))
}

async fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        body,
    )
        .into_response()
}

/// The worker is revalidated on every visit so a new version takes over soon.
async fn worker() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        SW.replace("__VERSION__", ASSET_VERSION),
    )
        .into_response()
}

async fn manifest(
    State(state): State<AppState>,
    Path((region, lang)): Path<(String, String)>,
) -> Response {
    let s = match load(&state, &region, &lang).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let body = json!({
        "name": s.name,
        "short_name": s.name.chars().take(12).collect::<String>(),
        "lang": s.lang.bcp47,
        "dir": s.lang.dir,
        "start_url": format!("/portal/{}/{}", s.slug, s.lang.code),
        "scope": "/portal/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#0b5d7a",
        "icons": [{ "src": "/portal/assets/icon.svg", "sizes": "any", "type": "image/svg+xml" }],
    });
    (
        [
            (header::CONTENT_TYPE, "application/manifest+json"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body.to_string(),
    )
        .into_response()
}

/// Every URL of the region in this language that is kept offline, with its ETag.
async fn list(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((region, lang)): Path<(String, String)>,
) -> Response {
    let s = match load(&state, &region, &lang).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let base = format!("/portal/{}/{}", s.slug, s.lang.code);
    let today = ankommen_db::now().date().to_string();
    // Each entry's ETag hashes what its page shows, so an update downloads only the pages
    // whose content changed (a page also lists its children, the home page the top pages
    // and the next dates, lists their items).
    let chrome = hash(&[
        ASSET_VERSION,
        &s.name,
        &s.languages
            .iter()
            .map(|l| l.code.as_str())
            .collect::<Vec<_>>()
            .join(","),
    ]);
    let children_of = |id: Option<u64>| -> String {
        s.children(id)
            .map(|c| c.etag.as_str())
            .collect::<Vec<_>>()
            .join(",")
    };
    let dated = |items: &[&Event]| -> String {
        items
            .iter()
            .map(|e| format!("{}:{}:{}:{}", e.id, e.event.start, e.title, e.last_updated))
            .collect::<Vec<_>>()
            .join(",")
    };
    let upcoming: Vec<&Event> = s.upcoming(&today).take(3).collect();
    let mut entries = vec![
        json!({ "url": base, "etag": hash(&[&chrome, &children_of(None), &dated(&upcoming)]) }),
        json!({ "url": format!("{base}/offline"), "etag": chrome }),
        json!({ "url": format!("{base}/imprint"), "etag": s.etag }),
        json!({ "url": format!("/portal/assets/portal.css?v={ASSET_VERSION}"), "etag": ASSET_VERSION }),
        json!({ "url": format!("/portal/assets/portal.js?v={ASSET_VERSION}"), "etag": ASSET_VERSION }),
        json!({ "url": "/portal/assets/icon.svg", "etag": ASSET_VERSION }),
    ];
    if !s.events.is_empty() {
        let all: Vec<&Event> = s.upcoming(&today).collect();
        entries.push(
            json!({ "url": format!("{base}/events"), "etag": hash(&[&chrome, &dated(&all)]) }),
        );
    }
    if !s.places.is_empty() {
        let all: Vec<String> = s
            .places
            .iter()
            .map(|p| format!("{}:{}:{}", p.id, p.title, p.last_updated))
            .collect();
        entries.push(
            json!({ "url": format!("{base}/places"), "etag": hash(&[&chrome, &all.join(",")]) }),
        );
    }
    for p in &s.pages {
        entries.push(json!({
            "url": format!("{base}/pages/{}", p.id),
            "etag": hash(&[&chrome, &p.etag, &children_of(Some(p.id))]),
        }));
    }
    for e in &s.events {
        let next: Vec<&Event> = s.dates_of(e.id, &today).take(6).collect();
        entries.push(json!({
            "url": format!("{base}/events/{}", e.id),
            "etag": hash(&[&chrome, &e.last_updated, &e.title, &dated(&next)]),
        }));
    }
    for p in &s.places {
        entries.push(json!({
            "url": format!("{base}/places/{}", p.id),
            "etag": hash(&[&chrome, &p.last_updated, &p.title, &p.id.to_string()]),
        }));
    }
    let body = json!({
        "region": s.slug,
        "language": s.lang.code,
        "updated": s.updated,
        "version": s.etag,
        "entries": entries,
    })
    .to_string();
    let tag = format!("W/\"{}\"", hash(&[&body]));
    let unchanged = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|x| x.trim() == tag));
    let mut res = if unchanged {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, "application/json")], body).into_response()
    };
    if let Ok(v) = HeaderValue::from_str(&tag) {
        res.headers_mut().insert(header::ETAG, v);
    }
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    res
}

#[derive(Template)]
#[template(path = "portal_offline.html")]
struct Fallback {
    c: Chrome,
}

/// Shown by the worker for a page that is not kept offline.
async fn fallback(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((region, lang)): Path<(String, String)>,
) -> Response {
    let s = match load(&state, &region, &lang).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let c = Chrome::new(&s, t(&s.lang.code, "offline-missing"), "/offline", None);
    let tag = hash(&[ASSET_VERSION, &s.etag, "offline"]);
    html(&headers, &tag, Fallback { c }.render())
}
