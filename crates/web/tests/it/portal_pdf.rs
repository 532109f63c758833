//! The PDF export of the portal: `pdf/?url=` of API v3 and the portal's PDF link give a
//! page with its subtree as a PDF whose text (pdftotext) is in reading order, also in Farsi;
//! unknown regions, languages and pages are 404 `{"error": …}`.

use std::path::Path;

use axum::body::Body;
use axum::http::{Request, header};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

use crate::support::TestApp;

async fn import_demo(app: &TestApp) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../db/demo_portal");
    let content = ankommen_web::portal::import::read_dir(&dir).unwrap();
    let db = app.db.db.clone();
    tokio::task::spawn_blocking(move || {
        let mut c = db.conn().unwrap();
        let t = ankommen_db::tenants::default_tenant(&mut c)
            .unwrap()
            .unwrap();
        ankommen_db::portal::import(&mut c, ankommen_db::Who::system(&t.id), &content).unwrap();
    })
    .await
    .unwrap();
}

struct Raw {
    status: u16,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

/// A GET whose body stays bytes (the shared helper reads bodies as text).
async fn get(app: &TestApp, path: &str, etag: Option<&str>) -> Raw {
    let router = ankommen_web::router(app.state.clone());
    let mut req = Request::builder()
        .uri(path)
        .header(header::HOST, "ankommen.test");
    if let Some(e) = etag {
        req = req.header(header::IF_NONE_MATCH, e);
    }
    let res = router
        .oneshot(req.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    Raw {
        status,
        headers,
        body,
    }
}

/// The text of a PDF, whitespace collapsed and without the bidi marks pdftotext adds.
fn pdftotext(pdf: &[u8]) -> String {
    ankommen_pdf::pdftotext::pdftotext(pdf)
        .unwrap()
        .chars()
        .filter(|c| !matches!(c, '\u{200c}' | '\u{202a}'..='\u{202e}'))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn json(r: &Raw) -> Value {
    serde_json::from_slice(&r.body).unwrap_or(Value::Null)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_farsi_subtree_is_a_pdf_in_reading_order() {
    let app = TestApp::new().await;
    import_demo(&app).await;
    let r = get(
        &app,
        &format!(
            "/api/v3/landkreis-osnabrueck/fa/pdf/?url={}",
            enc("https://ankommen.test/landkreis-osnabrueck/fa/ورود/")
        ),
        None,
    )
    .await;
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/pdf");
    assert_eq!(r.headers[header::CACHE_CONTROL], "public, max-age=300");
    let disposition = r.headers[header::CONTENT_DISPOSITION].to_str().unwrap();
    assert!(
        disposition.starts_with("inline; filename=\"landkreis-osnabrueck-fa-")
            && disposition
                .contains("filename*=UTF-8''landkreis-osnabrueck-fa-%D9%88%D8%B1%D9%88%D8%AF.pdf"),
        "{disposition}"
    );
    let text = pdftotext(&r.body);
    let title = "ورود به شهرستان اسنابروک";
    let child = "ثبت محل سکونت در دفتر خدمات شهروندی";
    let second_child = "اجازه اقامت و نوبت";
    let (a, b) = (text.find(title), text.find(child));
    assert!(a.is_some() && b.is_some() && a < b, "{text}");
    assert!(
        text.find(second_child) > b,
        "the second child follows the first: {text}"
    );
    // Nothing outside the subtree (another root page of the county).
    assert!(!text.contains("یادگیری زبان آلمانی"), "{text}");

    // Without url: the whole region; the same request again is answered from the cache
    // with the same ETag, and a matching If-None-Match gets 304.
    let all = get(&app, "/api/v3/landkreis-osnabrueck/fa/pdf", None).await;
    assert_eq!(all.status, 200);
    assert!(all.body.len() > r.body.len());
    let again = get(&app, "/api/v3/landkreis-osnabrueck/fa/pdf", None).await;
    let etag = all.headers[header::ETAG].to_str().unwrap().to_owned();
    assert_eq!(again.headers[header::ETAG], etag.as_str());
    let not_modified = get(&app, "/api/v3/landkreis-osnabrueck/fa/pdf", Some(&etag)).await;
    assert_eq!(not_modified.status, 304);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_regions_languages_and_pages_are_json_404() {
    let app = TestApp::new().await;
    import_demo(&app).await;
    let r = get(&app, "/api/v3/atlantis/fa/pdf/", None).await;
    assert_eq!(r.status, 404);
    assert!(json(&r)["error"].as_str().unwrap().contains("atlantis"));
    let r = get(&app, "/api/v3/landkreis-osnabrueck/xx/pdf/", None).await;
    assert_eq!(r.status, 404);
    assert!(json(&r)["error"].is_string());
    let r = get(
        &app,
        "/api/v3/landkreis-osnabrueck/fa/pdf/?url=/landkreis-osnabrueck/fa/nirgends/",
        None,
    )
    .await;
    assert_eq!(r.status, 404);
    assert!(json(&r)["error"].is_string());
    let r = get(&app, "/portal/landkreis-osnabrueck/de/pdf?page=abc", None).await;
    assert_eq!(r.status, 400);
    let r = get(&app, "/portal/landkreis-osnabrueck/de/pdf?page=99999", None).await;
    assert_eq!(r.status, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_portal_link_gives_the_page_with_its_children() {
    let app = TestApp::new().await;
    import_demo(&app).await;
    let r = get(&app, "/portal/landkreis-osnabrueck/de/pdf?page=1", None).await;
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/pdf");
    assert!(
        r.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains("filename=\"landkreis-osnabrueck-de-ankommen.pdf\""),
        "{:?}",
        r.headers
    );
    let text = pdftotext(&r.body);
    let (a, b) = (
        text.find("Ankommen im Landkreis Osnabrück"),
        text.find("Anmeldung beim Bürgerbüro"),
    );
    assert!(a.is_some() && b.is_some() && a < b, "{text}");
}
