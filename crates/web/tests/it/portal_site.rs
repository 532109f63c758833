//! The public portal's HTML (`/portal/{region}/{lang}/…`) on the demo county: right to
//! left for Arabic and Farsi, the language switcher offers only languages a page exists in,
//! towns show the county's pages, typo-tolerant search in every script, events with
//! calendar feeds, places with opening hours, the feedback form, ETags, and the offline
//! list that changes only where content changed.

use std::path::Path;

use serde_json::{Value, json};

use crate::portal_api::{folder, import, link, page, write};
use crate::support::{Auth, TestApp};

fn demo_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../db/demo_portal")
}

async fn demo() -> TestApp {
    let app = TestApp::new().await;
    import(&app, &demo_dir()).await.unwrap();
    app
}

/// The `href`s of the language switcher (`<details class="langs">`).
fn switcher(body: &str) -> Vec<String> {
    let Some(start) = body.find("<details class=\"langs\">") else {
        return vec![];
    };
    let end = body[start..].find("</details>").unwrap() + start;
    body[start..end]
        .split("hreflang=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().to_owned())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn arabic_and_farsi_pages_are_right_to_left_and_towns_show_county_pages() {
    let app = demo().await;
    let r = app
        .get("/portal/landkreis-osnabrueck/ar/pages/6", Auth::None)
        .await;
    assert_eq!(r.status.as_u16(), 200, "{}", r.body);
    assert!(r.body.contains("<html lang=\"ar"), "{}", &r.body[..300]);
    assert!(r.body.contains("dir=\"rtl\""));
    assert!(r.body.contains("دورة الاندماج"));
    assert_eq!(
        switcher(&r.body),
        ["de", "en", "ar", "fa", "uk", "ru", "tr"],
        "every language of the page, the current one included"
    );
    // The German page is left to right; its breadcrumb names the parent.
    let de = app
        .get("/portal/landkreis-osnabrueck/de/pages/6", Auth::None)
        .await;
    assert!(de.body.contains("dir=\"ltr\"") && de.body.contains("Deutsch lernen"));
    let fa = app.get("/portal/landkreis-osnabrueck/fa", Auth::None).await;
    assert!(fa.body.contains("dir=\"rtl\"") && fa.body.contains("یادگیری زبان آلمانی"));

    // Bramsche: its own pages and the county's (inherited through ankommen.json).
    let town = app.get("/portal/bramsche/de", Auth::None).await;
    assert_eq!(town.status.as_u16(), 200);
    assert!(town.body.contains("Willkommen in Bramsche"), "own page");
    assert!(
        town.body.contains("Ankommen im Landkreis Osnabrück"),
        "county page"
    );
    assert!(town.body.contains("Informationen für den ganzen Landkreis"));
    let inherited = app.get("/portal/bramsche/de/pages/6", Auth::None).await;
    assert_eq!(inherited.status.as_u16(), 200);
    assert!(inherited.body.contains("Integrationskurs"));
    // Its PDF too (rendered from the county).
    let pdf = app.get("/portal/bramsche/fa/pdf?page=5", Auth::None).await;
    assert_eq!(pdf.status.as_u16(), 200);
    assert_eq!(pdf.headers["content-type"], "application/pdf");
    assert_eq!(
        app.get("/portal/bramsche/fa/pdf?page=99999", Auth::None)
            .await
            .status
            .as_u16(),
        404
    );
    // A page URL of another region is not a page of this one (same slug or not).
    for url in [
        "/bramsche/de/willkommen/",
        "https://elsewhere.example/bramsche/de/willkommen/",
    ] {
        let r = app
            .get(&format!("/api/v3/melle/de/page/?url={url}"), Auth::None)
            .await;
        assert_eq!(r.status.as_u16(), 404, "{url}: {}", r.body);
        assert!(r.body.contains("\"error\""));
    }
    let own = app
        .get(
            "/api/v3/melle/de/page/?url=/melle/de/willkommen/",
            Auth::None,
        )
        .await;
    assert_eq!(own.status.as_u16(), 200);
    // The county does not show a town's pages.
    let county = app.get("/portal/landkreis-osnabrueck/de", Auth::None).await;
    assert!(!county.body.contains("Willkommen in Bramsche"));

    // Unknown region, language or page: 404 in the reader's language.
    for (path, status) in [
        ("/portal/nowhere/de", 404),
        ("/portal/bramsche/xx", 404),
        ("/portal/bramsche/ar/pages/99999", 404),
        ("/portal/bramsche/ar/pages/abc", 404),
        ("/portal/bramsche/ar/events/99999", 404),
        ("/portal/bramsche/ar/places/99999", 404),
    ] {
        assert_eq!(
            app.get(path, Auth::None).await.status.as_u16(),
            status,
            "{path}"
        );
    }
    let missing = app.get("/portal/bramsche/ar/pages/99999", Auth::None).await;
    assert!(missing.body.contains("هذه الصفحة غير موجودة"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_switcher_offers_only_languages_the_page_exists_in() {
    let app = TestApp::new().await;
    let dir = folder("site-languages");
    let languages = json!([
        {"id": 1, "code": "de", "bcp47_tag": "de-DE", "native_name": "Deutsch", "dir": "ltr"},
        {"id": 2, "code": "en", "bcp47_tag": "en-GB", "native_name": "English", "dir": "ltr"},
        {"id": 3, "code": "fa", "bcp47_tag": "fa-IR", "native_name": "فارسی", "dir": "rtl"}
    ]);
    write(
        &dir,
        "regions.json",
        &json!([{
            "id": 9, "name": "Gemeinde Wallenhorst", "path": "wallenhorst", "live": true,
            "prefix": "Gemeinde", "name_without_prefix": "Wallenhorst", "plz": "49134",
            "extras": false, "events": false, "pois": false, "push_notifications": false,
            "longitude": 8.02, "latitude": 52.35, "bounding_box": null, "aliases": null,
            "tunews": false, "external_news": false, "zammad_privacy_policy": null,
            "languages": languages, "is_chat_enabled": false
        }]),
    );
    let p = |id, lang: &str, path: &str, title: &str, others: Value| {
        page(
            id,
            lang,
            path,
            title,
            (0, None),
            id as i64,
            others,
            "<p>Text</p>",
        )
    };
    write(
        &dir,
        "wallenhorst/de/pages.json",
        &json!([
            p(
                11,
                "de",
                "/wallenhorst/de/a/",
                "Alle Sprachen",
                json!({
                "en": link(21, "/wallenhorst/en/a/"), "fa": link(31, "/wallenhorst/fa/a/")})
            ),
            p(
                12,
                "de",
                "/wallenhorst/de/b/",
                "Ohne Farsi",
                json!({"en": link(22, "/wallenhorst/en/b/")})
            )
        ]),
    );
    write(
        &dir,
        "wallenhorst/en/pages.json",
        &json!([
            p(
                21,
                "en",
                "/wallenhorst/en/a/",
                "All languages",
                json!({
                "de": link(11, "/wallenhorst/de/a/"), "fa": link(31, "/wallenhorst/fa/a/")})
            ),
            p(
                22,
                "en",
                "/wallenhorst/en/b/",
                "Without Farsi",
                json!({"de": link(12, "/wallenhorst/de/b/")})
            )
        ]),
    );
    write(
        &dir,
        "wallenhorst/fa/pages.json",
        &json!([p(
            31,
            "fa",
            "/wallenhorst/fa/a/",
            "همه زبان‌ها",
            json!({
            "de": link(11, "/wallenhorst/de/a/"), "en": link(21, "/wallenhorst/en/a/")})
        )]),
    );
    import(&app, &dir).await.unwrap();
    let all = app.get("/portal/wallenhorst/de/pages/11", Auth::None).await;
    assert_eq!(switcher(&all.body), ["de", "en", "fa"]);
    let two = app.get("/portal/wallenhorst/de/pages/12", Auth::None).await;
    assert_eq!(two.status.as_u16(), 200);
    assert_eq!(switcher(&two.body), ["de", "en"], "no Farsi for this page");
    // Asking for it in Farsi: 404 that points to the languages it exists in.
    let fa = app.get("/portal/wallenhorst/fa/pages/12", Auth::None).await;
    assert_eq!(fa.status.as_u16(), 404);
    assert!(fa.body.contains("/portal/wallenhorst/de/pages/12"));
    assert!(fa.body.contains("/portal/wallenhorst/en/pages/12"));
    assert!(!fa.body.contains("/portal/wallenhorst/fa/pages/12\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_tolerates_typos_in_every_script() {
    let app = demo().await;
    let hits = |body: &str| -> Vec<String> {
        let Some(start) = body.find("<ol class=\"hits\">") else {
            return vec![];
        };
        body[start..]
            .split("<a href=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap().to_owned())
            .collect()
    };
    for (lang, query, expected) in [
        (
            "de",
            "Integratonskurs",
            "/portal/landkreis-osnabrueck/de/pages/6",
        ),
        (
            "de",
            "anerkenung abschlüse",
            "/portal/landkreis-osnabrueck/de/pages/10",
        ),
        (
            "en",
            "integraton course",
            "/portal/landkreis-osnabrueck/en/pages/6",
        ),
        (
            "ar",
            "دوره الاندماج",
            "/portal/landkreis-osnabrueck/ar/pages/6",
        ),
        (
            "fa",
            "دوره ادغام",
            "/portal/landkreis-osnabrueck/fa/pages/6",
        ),
        // Arabic yeh and kaf for the Persian letters.
        ("fa", "كودكان", "/portal/landkreis-osnabrueck/fa/pages/15"),
        (
            "de",
            "Migrationszentrum",
            "/portal/landkreis-osnabrueck/de/places/501",
        ),
    ] {
        let url = format!(
            "/portal/landkreis-osnabrueck/{lang}/search?q={}",
            urlencode(query)
        );
        let r = app.get(&url, Auth::None).await;
        assert_eq!(r.status.as_u16(), 200);
        let found = hits(&r.body);
        assert!(
            found.iter().any(|h| h == expected),
            "{lang} {query}: {found:?}"
        );
    }
    let none = app
        .get("/portal/landkreis-osnabrueck/de/search?q=xqzvv", Auth::None)
        .await;
    assert!(none.body.contains("Nichts gefunden"));
    // Markup in the query is shown as text.
    let hostile = app
        .get(
            "/portal/landkreis-osnabrueck/de/search?q=%3Cscript%3Ealert(1)%3C/script%3E",
            Auth::None,
        )
        .await;
    assert_eq!(hostile.status.as_u16(), 200);
    assert!(!hostile.body.contains("<script>alert"));
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            b' ' => "+".into(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_places_and_the_imprint() {
    let app = demo().await;
    let list = app.get("/portal/bramsche/de/events", Auth::None).await;
    assert_eq!(list.status.as_u16(), 200);
    assert!(
        list.body
            .contains("href=\"/portal/bramsche/de/events.ics\"")
    );
    // The monthly office hours are listed with their own page.
    assert!(
        list.body.contains("/portal/bramsche/de/events/812"),
        "{}",
        list.body
    );
    let cal = app
        .get("/portal/bramsche/de/events?month=2027-01", Auth::None)
        .await;
    assert_eq!(cal.status.as_u16(), 200);
    assert!(cal.body.contains("<table class=\"calendar\">"));
    // First Tuesday of January 2027 is the 5th.
    let cell = cal
        .body
        .split("<span class=\"day\">5</span>")
        .nth(1)
        .unwrap();
    let cell = cell.split("</td>").next().unwrap();
    assert!(
        cell.contains("Sprechstunde der Integrationslotsen"),
        "{cell}"
    );
    assert_eq!(
        app.get("/portal/bramsche/de/events?month=2027-13", Auth::None)
            .await
            .status
            .as_u16(),
        404
    );
    let one = app.get("/portal/bramsche/de/events/812", Auth::None).await;
    assert!(one.body.contains("/portal/bramsche/de/events/812.ics"));
    assert!(
        one.body.contains("/portal/bramsche/de/places/511"),
        "place linked"
    );
    let ics = app
        .get("/portal/bramsche/de/events/812.ics", Auth::None)
        .await;
    assert_eq!(ics.status.as_u16(), 200);
    assert!(ics.body.starts_with("BEGIN:VCALENDAR"));

    let places = app.get("/portal/bramsche/de/places", Auth::None).await;
    assert_eq!(places.status.as_u16(), 200);
    assert!(places.body.contains("Rathaus und Bürgerbüro Bramsche"));
    assert!(
        places.body.contains("Jetzt geöffnet")
            || places.body.contains("Jetzt geschlossen")
            || places.body.contains("Geöffnet mit Termin"),
        "open state shown"
    );
    let place = app.get("/portal/bramsche/uk/places/511", Auth::None).await;
    assert_eq!(place.status.as_u16(), 200);
    assert!(place.body.contains("Години роботи"));
    assert_eq!(place.body.matches("<th scope=\"row\">").count() % 7, 0);
    assert!(place.body.matches("<th scope=\"row\">").count() >= 7);

    let imprint = app.get("/portal/melle/fa/imprint", Auth::None).await;
    assert_eq!(imprint.status.as_u16(), 200);
    assert!(imprint.body.contains("Stadt Melle") && imprint.body.contains("ناشر"));
    let api = app.get("/api/v3/melle/fa/imprint/", Auth::None).await;
    assert_eq!(api.status.as_u16(), 200);
    let served: Value = serde_json::from_str(
        &api.body
            .replace("http://ankommen.test", "https://ankommen.example"),
    )
    .unwrap();
    let mut expected: Value = serde_json::from_str(
        &std::fs::read_to_string(demo_dir().join("melle/fa/imprint.json")).unwrap(),
    )
    .unwrap();
    expected["content"] = json!(ankommen_web::portal::sanitize::clean(
        expected["content"].as_str().unwrap()
    ));
    assert_eq!(
        served, expected,
        "imprint/ serves the imported imprint back"
    );
    let alias = app.get("/api/v3/melle/fa/disclaimer", Auth::None).await;
    assert_eq!(alias.status.as_u16(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feedback_from_the_form_is_stored_and_answered_in_the_readers_language() {
    let app = demo().await;
    let post = |fields: Vec<(&'static str, String)>| {
        let app = &app;
        async move {
            let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.form("/portal/bramsche/ar/feedback", &refs, Auth::None)
                .await
        }
    };
    let r = post(vec![
        ("target", "page".into()),
        ("slug", "6".into()),
        ("rating", "up".into()),
        ("comment", "مفيد جدا".into()),
        ("back", "/portal/bramsche/ar/pages/6".into()),
    ])
    .await;
    assert_eq!(r.status.as_u16(), 303);
    assert_eq!(
        r.headers.get("location").unwrap(),
        "/portal/bramsche/ar/pages/6?feedback=sent#feedback"
    );
    let thanks = app
        .get("/portal/bramsche/ar/pages/6?feedback=sent", Auth::None)
        .await;
    assert!(thanks.body.contains("شكرًا على ملاحظاتك"));
    // Nothing chosen: back with a message, nothing stored. A foreign `back` is ignored.
    let r = post(vec![
        ("target", "page".into()),
        ("back", "https://evil.example/".into()),
    ])
    .await;
    assert_eq!(
        r.headers.get("location").unwrap(),
        "/portal/bramsche/ar?feedback=empty#feedback"
    );
    let r = post(vec![("target", "nonsense".into()), ("rating", "up".into())]).await;
    assert_eq!(r.status.as_u16(), 400);
    let stored = stored_feedback(&app).await;
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert_eq!(
        stored[0],
        ("page".into(), Some("6".into()), Some("up".into()))
    );
    // Spam: after ten from one client in ten minutes the form says so.
    let mut last = String::new();
    for _ in 0..10 {
        let r = post(vec![
            ("target", "categories".into()),
            ("rating", "down".into()),
        ])
        .await;
        last = r
            .headers
            .get("location")
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
    }
    assert!(last.ends_with("feedback=too-many#feedback"), "{last}");
    assert_eq!(stored_feedback(&app).await.len(), 10);
}

async fn stored_feedback(app: &TestApp) -> Vec<(String, Option<String>, Option<String>)> {
    use ankommen_db::schema::portal_feedback as f;
    use diesel::prelude::*;
    let db = app.db.db.clone();
    tokio::task::spawn_blocking(move || {
        let mut c = db.conn().unwrap();
        f::table
            .order(f::created_at)
            .select((f::target_kind, f::target_slug, f::rating))
            .load::<(String, Option<String>, Option<String>)>(&mut c)
            .unwrap()
    })
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn etags_and_the_offline_list_change_only_where_content_changed() {
    let app = demo().await;
    let r = app
        .get("/portal/landkreis-osnabrueck/de/pages/7", Auth::None)
        .await;
    let tag = r.headers.get("etag").unwrap().to_str().unwrap().to_owned();
    let again = app
        .get_with_headers(
            "/portal/landkreis-osnabrueck/de/pages/7",
            &[("if-none-match", tag.as_str())],
        )
        .await;
    assert_eq!(again.status.as_u16(), 304);

    let (tag, before) = offline_list(&app).await;
    for id in 1..=21 {
        assert!(before.contains_key(&format!("/portal/landkreis-osnabrueck/de/pages/{id}")));
    }
    assert!(before.contains_key("/portal/landkreis-osnabrueck/de/events/801"));
    assert!(before.contains_key("/portal/landkreis-osnabrueck/de/places/501"));
    let unchanged = app
        .get_with_headers(
            "/portal/landkreis-osnabrueck/de/offline.json",
            &[("if-none-match", tag.as_str())],
        )
        .await;
    assert_eq!(unchanged.status.as_u16(), 304);

    // Re-import with one changed page (7, a child of 5): only it and its parent change.
    let dir = folder("site-offline");
    copy_dir(&demo_dir(), &dir);
    let file = dir.join("landkreis-osnabrueck/de/pages.json");
    let mut pages: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    for p in pages.as_array_mut().unwrap() {
        if p["id"] == 7 {
            p["content"] = json!("<p>Neue Kurse ab März.</p>");
            p["last_updated"] = json!("2026-11-23T10:00:00.000000+01:00");
        }
    }
    std::fs::write(&file, serde_json::to_string(&pages).unwrap()).unwrap();
    import(&app, &dir).await.unwrap();
    let (_, after) = offline_list(&app).await;
    let changed: Vec<&String> = after
        .iter()
        .filter(|(url, etag)| before.get(*url) != Some(*etag))
        .map(|(url, _)| url)
        .collect();
    assert_eq!(
        changed,
        [
            "/portal/landkreis-osnabrueck/de/imprint",
            "/portal/landkreis-osnabrueck/de/pages/5",
            "/portal/landkreis-osnabrueck/de/pages/7",
        ],
        "only the changed page, its parent's list and the region-wide imprint entry"
    );
    let page = app
        .get("/portal/landkreis-osnabrueck/de/pages/7", Auth::None)
        .await;
    assert!(page.body.contains("Neue Kurse ab März."));
}

async fn offline_list(app: &TestApp) -> (String, std::collections::BTreeMap<String, String>) {
    let r = app
        .get("/portal/landkreis-osnabrueck/de/offline.json", Auth::None)
        .await;
    assert_eq!(r.status.as_u16(), 200);
    let v: Value = serde_json::from_str(&r.body).unwrap();
    let tag = r.headers.get("etag").unwrap().to_str().unwrap().to_owned();
    let entries = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["url"].as_str().unwrap().to_owned(),
                e["etag"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    (tag, entries)
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else if entry.path().extension().is_some_and(|e| e == "json") {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_offline_parts_are_served() {
    let app = demo().await;
    let m = app
        .get(
            "/portal/landkreis-osnabrueck/fa/manifest.webmanifest",
            Auth::None,
        )
        .await;
    assert_eq!(m.status.as_u16(), 200);
    let v: Value = serde_json::from_str(&m.body).unwrap();
    assert_eq!(v["dir"], "rtl");
    assert_eq!(v["start_url"], "/portal/landkreis-osnabrueck/fa");
    // Content images may come from https servers on portal pages only.
    let page = app.get("/portal/landkreis-osnabrueck/fa", Auth::None).await;
    let csp = page.headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("img-src 'self' data: https:") && csp.contains("script-src 'self';"));
    let staff = app.get("/login", Auth::None).await;
    let csp = staff.headers["content-security-policy"].to_str().unwrap();
    assert!(!csp.contains("https:"), "{csp}");
    let sw = app.get("/portal/sw.js", Auth::None).await;
    assert_eq!(sw.status.as_u16(), 200);
    assert!(sw.body.contains(ankommen_web::portal::site::ASSET_VERSION));
    assert!(!sw.body.contains("__VERSION__"));
    for path in [
        "/portal/assets/portal.css",
        "/portal/assets/portal.js",
        "/portal/assets/icon.svg",
    ] {
        assert_eq!(
            app.get(path, Auth::None).await.status.as_u16(),
            200,
            "{path}"
        );
    }
    let fallback = app
        .get("/portal/landkreis-osnabrueck/fa/offline", Auth::None)
        .await;
    assert_eq!(fallback.status.as_u16(), 200);
    let chooser = app.get("/portal/bramsche", Auth::None).await;
    for code in ["de", "en", "ar", "fa", "uk", "ru", "tr"] {
        assert!(
            chooser
                .body
                .contains(&format!("href=\"/portal/bramsche/{code}\""))
        );
    }
    let regions = app.get("/portal", Auth::None).await;
    assert!(regions.body.contains("/portal/quakenbrueck"));
}
