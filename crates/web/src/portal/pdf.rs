//! PDF export of portal pages: `GET /api/v3/{region}/{lang}/pdf/?url=` (Integreat's path;
//! the page named by `url` and its whole subtree, or every page of the region without it)
//! and `GET /portal/{region}/{lang}/pdf?page=` for the public portal's "PDF" link.
//!
//! Unlike Integreat, which redirects to a stored file, the PDF is the response itself. It is
//! typeset by `ankommen-pdf` off the async executor, at most two at a time, and kept in a
//! small cache keyed by the region's row and version, so an edit never serves a stale PDF.

use std::collections::{HashMap, HashSet};
use std::sync::{LazyLock, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use tokio::sync::Semaphore;

use ankommen_db::portal as repo;
use ankommen_pdf::{Dir, PdfDocument, Section};

use super::api_v3::{
    Node, PageQuery, V3Error, V3Result, base_url, build_pages, find, load_lang, slug_for_error,
};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v3/{region}/{lang}/pdf", get(api_pdf))
        .route("/api/v3/{region}/{lang}/pdf/", get(api_pdf))
        .route("/portal/{region}/{lang}/pdf", get(portal_pdf))
}

#[derive(Debug, Deserialize, Default)]
pub struct UrlQuery {
    url: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
pub struct PortalQuery {
    page: Option<String>,
}

/// Which pages go into the PDF.
#[derive(Clone)]
enum Wanted {
    /// Every page of the region in the language.
    All,
    /// The page a URL or path names, with its subtree.
    Url(String),
    /// The page with this page id (as the portal links it), with its subtree.
    Id(u64),
}

async fn api_pdf(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((region, lang)): Path<(String, String)>,
    Query(q): Query<UrlQuery>,
) -> V3Result<Response> {
    let wanted = match q.url.filter(|u| !u.trim().is_empty()) {
        Some(u) => Wanted::Url(u),
        None => Wanted::All,
    };
    serve(&state, &headers, &region, &lang, wanted).await
}

async fn portal_pdf(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((region, lang)): Path<(String, String)>,
    Query(q): Query<PortalQuery>,
) -> V3Result<Response> {
    let wanted = match q.page.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => Wanted::Id(
            p.parse()
                .map_err(|_| V3Error::bad_request("The page must be a number."))?,
        ),
        None => Wanted::All,
    };
    let inherited = matches!(wanted, Wanted::Id(_));
    match serve(&state, &headers, &region, &lang, wanted.clone()).await {
        // A town's portal shows the county's pages too: their PDF comes from the county.
        Err(e) if inherited && e.0 == axum::http::StatusCode::NOT_FOUND => {
            match county_of(&state, &region).await? {
                Some(county) => serve(&state, &headers, &county, &lang, wanted).await,
                None => Err(e),
            }
        }
        other => other,
    }
}

/// The slug of the county a town region belongs to.
async fn county_of(state: &AppState, region: &str) -> V3Result<Option<String>> {
    let slug = region.to_owned();
    Ok(state
        .db(move |c| {
            let Some(tenant) = ankommen_db::tenants::default_tenant(c)? else {
                return Ok(None);
            };
            let Ok(r) = repo::region(c, &tenant.id, &slug) else {
                return Ok(None);
            };
            Ok(repo::county_of(c, &r)?.map(|p| p.slug))
        })
        .await?)
}

/// A finished PDF with what its response needs.
#[derive(Clone)]
struct Rendered {
    pdf: Bytes,
    etag: String,
    filename: String,
}

/// Rendered PDFs by (region row, region version, language, pages, base URL).
static CACHE: LazyLock<Mutex<HashMap<String, Rendered>>> = LazyLock::new(Default::default);
/// Entries kept at most, and their total size; beyond either the cache starts over.
const CACHE_MAX: usize = 64;
const CACHE_MAX_BYTES: usize = 96 * 1024 * 1024;
/// Typesetting is CPU-bound: at most this many at once, so PDF requests cannot starve the
/// rest of the server.
static RENDERS: Semaphore = Semaphore::const_new(2);

async fn serve(
    state: &AppState,
    headers: &HeaderMap,
    region: &str,
    lang: &str,
    wanted: Wanted,
) -> V3Result<Response> {
    let base = base_url(headers);
    let slug = region.to_owned();
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
            slug_for_error(region)
        )));
    };
    let which = match &wanted {
        Wanted::All => "all".to_owned(),
        Wanted::Url(u) => format!("url:{u}"),
        Wanted::Id(id) => format!("id:{id}"),
    };
    let key = format!("{region_id}\n{version}\n{lang}\n{which}\n{base}");
    let rendered = match cached(&key) {
        Some(r) => r,
        None => {
            let doc = document(state, &base, region, lang, &wanted).await?;
            let _permit = RENDERS.acquire().await.map_err(|_| unavailable())?;
            // Another request may have typeset the same PDF while this one waited.
            match cached(&key) {
                Some(r) => r,
                None => {
                    let (doc, filename) = doc;
                    let pdf = tokio::task::spawn_blocking(move || ankommen_pdf::render(&doc))
                        .await
                        .map_err(|e| {
                            tracing::error!(error = %e, "pdf task");
                            unavailable()
                        })?
                        .map_err(|e| {
                            tracing::error!(error = %e, %region, %lang, "pdf export");
                            unavailable()
                        })?;
                    let etag = format!("\"{}\"", hex::encode(&Sha256::digest(&pdf)[..12]));
                    let r = Rendered {
                        pdf: Bytes::from(pdf),
                        etag,
                        filename,
                    };
                    remember(key, r.clone());
                    r
                }
            }
        }
    };
    Ok(respond(headers, rendered))
}

fn unavailable() -> V3Error {
    V3Error(
        StatusCode::INTERNAL_SERVER_ERROR,
        "The PDF could not be made.".into(),
    )
}

fn cached(key: &str) -> Option<Rendered> {
    CACHE.lock().ok().and_then(|c| c.get(key).cloned())
}

fn remember(key: String, r: Rendered) {
    if let Ok(mut c) = CACHE.lock() {
        let bytes: usize = c.values().map(|r| r.pdf.len()).sum();
        if c.len() >= CACHE_MAX || bytes + r.pdf.len() > CACHE_MAX_BYTES {
            c.clear();
        }
        c.insert(key, r);
    }
}

fn respond(headers: &HeaderMap, r: Rendered) -> Response {
    let etag = HeaderValue::from_str(&r.etag).ok();
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == r.etag || t.trim() == "*"));
    let mut res = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut res = r.pdf.into_response();
        res.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/pdf"),
        );
        if let Ok(v) = HeaderValue::from_str(&content_disposition(&r.filename)) {
            res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
        }
        res
    };
    let h = res.headers_mut();
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    if let Some(etag) = etag {
        h.insert(header::ETAG, etag);
    }
    res
}

/// `inline` with an ASCII fallback name and the exact name per RFC 5987 / RFC 6266.
fn content_disposition(filename: &str) -> String {
    let ascii: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = filename
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("inline; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// The document for `wanted` and its file name.
async fn document(
    state: &AppState,
    base: &str,
    region: &str,
    lang: &str,
    wanted: &Wanted,
) -> V3Result<(PdfDocument, String)> {
    let (l, language) = load_lang(state, region, lang).await?;
    let all = build_pages(base, &l, &language);
    let not_found = || V3Error::not_found("No page matches the given url or id.");
    let start = match wanted {
        Wanted::All => None,
        Wanted::Url(u) => {
            let q = PageQuery {
                url: Some(u.clone()),
                ..PageQuery::default()
            };
            Some(find(&all, &q)?.ok_or_else(not_found)?)
        }
        // The portal links pages by their page id (the same in every language).
        Wanted::Id(id) => Some(
            all.iter()
                .find(|n| n.page_id == *id)
                .ok_or_else(not_found)?,
        ),
    };
    let nodes: Vec<(u8, &Node)> = match start {
        Some(start) => subtree(&all, start),
        None => all.iter().map(|n| (depth_in(&all, n), n)).collect(),
    };
    let portal = format!("{base}/portal/{}/{}", l.region.slug, language.code);
    let (title, source, name) = match start {
        Some(s) => (
            s.page.title.clone(),
            format!("{portal}/pages/{}", s.page_id),
            last_segment(&s.page.path, s.page.id),
        ),
        None => (l.region.name.clone(), format!("{portal}/"), String::new()),
    };
    let newest = nodes
        .iter()
        .map(|(_, n)| {
            n.page
                .last_updated
                .get(..10)
                .unwrap_or(&n.page.last_updated)
        })
        .max()
        .unwrap_or("");
    let doc = PdfDocument {
        lang: if language.bcp47_tag.is_empty() {
            language.code.clone()
        } else {
            language.bcp47_tag.clone()
        },
        dir: Dir::parse(&language.dir),
        title,
        region_name: if start.is_some() {
            l.region.name.clone()
        } else {
            String::new()
        },
        last_updated: if newest.is_empty() {
            String::new()
        } else {
            format!("{}: {newest}", last_updated_label(&language.code))
        },
        source_url: source,
        sections: nodes
            .into_iter()
            .map(|(depth, n)| Section {
                depth,
                title: n.page.title.clone(),
                html: n.page.content.clone(),
            })
            .collect(),
    };
    let filename = if name.is_empty() {
        format!("{}-{}.pdf", l.region.slug, language.code)
    } else {
        format!("{}-{}-{name}.pdf", l.region.slug, language.code)
    };
    Ok((doc, filename))
}

/// `start` and everything below it, depth first in tree order, with depths relative to it.
fn subtree<'a>(all: &'a [Node], start: &'a Node) -> Vec<(u8, &'a Node)> {
    fn visit<'a>(
        all: &'a [Node],
        node: &'a Node,
        depth: u8,
        seen: &mut HashSet<u64>,
        out: &mut Vec<(u8, &'a Node)>,
    ) {
        if depth > 64 || !seen.insert(node.page_id) {
            return;
        }
        out.push((depth, node));
        for child in all.iter().filter(|n| n.page.parent.id == node.page_id) {
            visit(all, child, depth + 1, seen, out);
        }
    }
    let mut out = Vec::new();
    visit(all, start, 0, &mut HashSet::new(), &mut out);
    out
}

/// How many ancestors of `node` are shown in this language.
fn depth_in(all: &[Node], node: &Node) -> u8 {
    let mut depth = 0u8;
    let mut parent = node.page.parent.id;
    while parent != 0 && depth < 64 {
        let Some(p) = all.iter().find(|n| n.page_id == parent) else {
            break;
        };
        depth += 1;
        parent = p.page.parent.id;
    }
    depth
}

/// The last segment of a page's path for the file name, or `page-{id}`.
fn last_segment(path: &str, id: u64) -> String {
    let seg = path.trim_matches('/').rsplit('/').next().unwrap_or("");
    let clean: String = seg
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
        .take(80)
        .collect();
    if clean.is_empty() {
        format!("page-{id}")
    } else {
        clean
    }
}

/// "Last updated" in the portal's languages (English for any other).
fn last_updated_label(code: &str) -> &'static str {
    match code {
        "de" => "Zuletzt aktualisiert",
        "ar" => "آخر تحديث",
        "fa" => "آخرین به‌روزرسانی",
        "uk" => "Останнє оновлення",
        "ru" => "Последнее обновление",
        "tr" => "Son güncelleme",
        _ => "Last updated",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_have_an_ascii_fallback_and_the_exact_name() {
        assert_eq!(
            content_disposition("landkreis-osnabrueck-fa-ورود.pdf"),
            "inline; filename=\"landkreis-osnabrueck-fa-____.pdf\"; \
             filename*=UTF-8''landkreis-osnabrueck-fa-%D9%88%D8%B1%D9%88%D8%AF.pdf"
        );
        assert_eq!(last_segment("/r/fa/ورود/ثبت-نام/", 2), "ثبت-نام");
        assert_eq!(last_segment("/\"; x=/", 7), "x");
        assert_eq!(last_segment("", 7), "page-7");
    }
}
