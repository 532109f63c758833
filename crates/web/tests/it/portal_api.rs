//! The Integreat-compatible API v3 and the import of Integreat-shaped JSON: a folder written
//! from the documented shapes is imported and served back as the same JSON (apart from the
//! host in URLs); malformed files are reported with file and JSON path and import nothing;
//! content HTML is cleaned; unknown regions and languages are 404 `{"error": …}`.

use std::path::Path;

use serde_json::{Value, json};

use crate::support::{Auth, TestApp};

const HOST: &str = "http://localhost:8000";

/// One Integreat page object as the CMS serves it (a fixture builder, hence the arguments).
#[allow(clippy::too_many_arguments)]
pub(crate) fn page(
    id: u64,
    lang: &str,
    path: &str,
    title: &str,
    parent: (u64, Option<&str>),
    order: i64,
    others: Value,
    content: &str,
) -> Value {
    json!({
        "id": id,
        "url": format!("{HOST}{path}"),
        "path": path,
        "title": title,
        "modified_gmt": "2026-11-20T09:15:00Z",
        "last_updated": "2026-11-20T10:15:00+01:00",
        "excerpt": format!("{title} ({lang})"),
        "content": content,
        "parent": {"id": parent.0, "url": parent.1.map(|p| format!("{HOST}{p}")), "path": parent.1},
        "order": order,
        "available_languages": others,
        "thumbnail": null,
        "organization": null,
        "hash": null,
        "embedded_offers": []
    })
}

pub(crate) fn link(id: u64, path: &str) -> Value {
    json!({"id": id, "url": format!("{HOST}{path}"), "path": path})
}

fn region() -> Value {
    json!([{
        "id": 7, "name": "Stadt Bramsche", "path": "bramsche", "live": true, "prefix": "Stadt",
        "name_without_prefix": "Bramsche", "plz": "49565", "extras": false, "events": true, "pois": true,
        "push_notifications": false, "longitude": 7.9728, "latitude": 52.4081,
        "bounding_box": [[7.8512, 52.3518], [8.0845, 52.4733]],
        "aliases": {"Achmer": {"latitude": 52.3775, "longitude": 7.9401}},
        "tunews": false, "external_news": false, "zammad_privacy_policy": null,
        "languages": [
            {"id": 1, "code": "de", "bcp47_tag": "de-DE", "native_name": "Deutsch", "dir": "ltr"},
            {"id": 2, "code": "en", "bcp47_tag": "en-GB", "native_name": "English", "dir": "ltr"}
        ],
        "is_chat_enabled": false
    }])
}

/// Three pages in a chain (root → child → grandchild) in German and English; translation
/// ids 101–103 and 201–203, page ids 1–3.
fn pages() -> (Value, Value) {
    let de = json!([
        page(
            101,
            "de",
            "/bramsche/de/ankommen/",
            "Ankommen",
            (0, None),
            1,
            json!({"en": link(201, "/bramsche/en/arriving/")}),
            "<p>Willkommen in <strong>Bramsche</strong>.</p>"
        ),
        page(
            102,
            "de",
            "/bramsche/de/ankommen/anmeldung/",
            "Anmeldung",
            (1, Some("/bramsche/de/ankommen/")),
            1,
            json!({"en": link(202, "/bramsche/en/arriving/registration/")}),
            "<p>Im Bürgerbüro.</p>"
        ),
        page(
            103,
            "de",
            "/bramsche/de/ankommen/anmeldung/termine/",
            "Termine",
            (2, Some("/bramsche/de/ankommen/anmeldung/")),
            2,
            json!({"en": link(203, "/bramsche/en/arriving/registration/appointments/")}),
            "<ul><li>Mo 8–12 Uhr</li></ul>"
        ),
    ]);
    let en = json!([
        page(
            201,
            "en",
            "/bramsche/en/arriving/",
            "Arriving",
            (0, None),
            1,
            json!({"de": link(101, "/bramsche/de/ankommen/")}),
            "<p>Welcome to <strong>Bramsche</strong>.</p>"
        ),
        page(
            202,
            "en",
            "/bramsche/en/arriving/registration/",
            "Registration",
            (1, Some("/bramsche/en/arriving/")),
            1,
            json!({"de": link(102, "/bramsche/de/ankommen/anmeldung/")}),
            "<p>At the citizens' office.</p>"
        ),
        page(
            203,
            "en",
            "/bramsche/en/arriving/registration/appointments/",
            "Appointments",
            (2, Some("/bramsche/en/arriving/registration/")),
            2,
            json!({"de": link(103, "/bramsche/de/ankommen/anmeldung/termine/")}),
            "<ul><li>Mon 8–12</li></ul>"
        ),
    ]);
    (de, en)
}

pub(crate) fn write(dir: &Path, name: &str, v: &Value) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, serde_json::to_string_pretty(v).unwrap()).unwrap();
}

pub(crate) fn folder(tag: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("ankommen-import-{tag}-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub(crate) async fn import(
    app: &TestApp,
    dir: &Path,
) -> Result<ankommen_db::portal::ImportReport, String> {
    let content = ankommen_web::portal::import::read_dir(dir).map_err(|e| e.to_string())?;
    let db = app.db.db.clone();
    tokio::task::spawn_blocking(move || {
        let mut c = db.conn().unwrap();
        let t = ankommen_db::tenants::default_tenant(&mut c)
            .unwrap()
            .unwrap();
        ankommen_db::portal::import(&mut c, ankommen_db::Who::system(&t.id), &content)
            .map_err(|e| e.to_string())
    })
    .await
    .unwrap()
}

/// The body with our host put back to the exporting server's.
async fn v3(app: &TestApp, path: &str) -> (u16, Value) {
    let r = app.get(path, Auth::None).await;
    let body = r.body.replace("http://ankommen.test", HOST);
    (
        r.status.as_u16(),
        serde_json::from_str(&body).unwrap_or(Value::Null),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn integreat_json_is_imported_and_served_back_the_same() {
    let app = TestApp::new().await;
    let dir = folder("roundtrip");
    let (de, en) = pages();
    write(&dir, "regions.json", &region());
    write(&dir, "bramsche/de/pages.json", &de);
    write(&dir, "bramsche/en/pages.json", &en);
    let report = import(&app, &dir).await.unwrap();
    assert_eq!(
        (report.regions, report.languages, report.pages, report.texts),
        (1, 2, 3, 6)
    );

    assert_eq!(v3(&app, "/api/v3/regions/").await, (200, region()));
    assert_eq!(
        v3(&app, "/api/v3/regions").await,
        (200, region()),
        "trailing slash optional"
    );
    assert_eq!(
        v3(&app, "/api/v3/regions/bramsche/").await,
        (200, region()[0].clone())
    );
    assert_eq!(
        v3(&app, "/api/v3/bramsche/languages/").await,
        (200, region()[0]["languages"].clone())
    );
    assert_eq!(
        v3(&app, "/api/v3/bramsche/de/pages/").await,
        (200, de.clone())
    );
    assert_eq!(
        v3(&app, "/api/v3/bramsche/en/pages").await,
        (200, en.clone())
    );

    // One page, its children (one level, two levels), its ancestors.
    let url = format!("{HOST}/bramsche/de/ankommen/anmeldung/");
    assert_eq!(
        v3(&app, &format!("/api/v3/bramsche/de/page/?url={url}")).await,
        (200, de[1].clone())
    );
    assert_eq!(
        v3(&app, "/api/v3/bramsche/de/page/?id=2").await,
        (200, de[1].clone()),
        "?id= names the page (its translations have their own ids)"
    );
    assert_eq!(
        v3(&app, "/api/v3/bramsche/de/page/?url=/irgendwo/termine/").await,
        (200, de[2].clone()),
        "the last segment names exactly one page"
    );
    assert_eq!(
        v3(&app, "/api/v3/bramsche/de/children/").await,
        (200, json!([de[0].clone()]))
    );
    assert_eq!(
        v3(
            &app,
            "/api/v3/bramsche/de/children/?url=/bramsche/de/ankommen/&depth=2"
        )
        .await,
        (200, json!([de[0].clone(), de[1].clone(), de[2].clone()])),
        "the page itself, then its descendants depth first"
    );
    assert_eq!(
        v3(
            &app,
            "/api/v3/bramsche/de/parents/?url=/bramsche/de/ankommen/anmeldung/termine/"
        )
        .await,
        (200, json!([de[0].clone(), de[1].clone()])),
        "the root first"
    );

    // Errors as Integreat gives them.
    let (status, body) = v3(&app, "/api/v3/regions/atlantis/").await;
    assert_eq!(status, 404);
    assert!(
        body["error"].as_str().unwrap().contains("atlantis"),
        "{body}"
    );
    let (status, body) = v3(&app, "/api/v3/bramsche/xx/pages/").await;
    assert_eq!(status, 404);
    assert!(body["error"].is_string());
    assert_eq!(v3(&app, "/api/v3/bramsche/de/page/").await.0, 400);
    assert_eq!(v3(&app, "/api/v3/bramsche/de/page/?id=abc").await.0, 400);
    assert_eq!(
        v3(&app, "/api/v3/bramsche/de/page/?url=/bramsche/de/nirgends/")
            .await
            .0,
        404
    );
    assert_eq!(
        v3(&app, "/api/v3/bramsche/de/children/?depth=x").await.0,
        400
    );

    // Importing again replaces the region instead of doubling it.
    import(&app, &dir).await.unwrap();
    assert_eq!(v3(&app, "/api/v3/bramsche/de/pages/").await, (200, de));
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_files_name_file_and_path_and_import_nothing() {
    let app = TestApp::new().await;
    let dir = folder("bad");
    let (de, mut en) = pages();
    en[2]["parent"]["id"] = json!("zwei");
    write(&dir, "regions.json", &region());
    write(&dir, "bramsche/de/pages.json", &de);
    write(&dir, "bramsche/en/pages.json", &en);
    let err = import(&app, &dir).await.unwrap_err();
    assert!(
        err.starts_with("bramsche/en/pages.json: [2].parent.id: invalid type"),
        "{err}"
    );
    assert_eq!(
        v3(&app, "/api/v3/regions/").await,
        (200, json!([])),
        "nothing imported"
    );

    std::fs::write(dir.join("regions.json"), "[{\"id\": 7,").unwrap();
    let err = import(&app, &dir).await.unwrap_err();
    assert!(err.starts_with("regions.json: $: not valid JSON"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn imported_html_is_cleaned() {
    let app = TestApp::new().await;
    let dir = folder("html");
    let (mut de, en) = pages();
    de[0]["content"] = json!(
        r#"<p onclick="x()">Hallo<script>alert('x')</script> <a href="javascript:alert(1)">Link</a></p>"#
    );
    write(&dir, "regions.json", &region());
    write(&dir, "bramsche/de/pages.json", &de);
    write(&dir, "bramsche/en/pages.json", &en);
    import(&app, &dir).await.unwrap();
    let (_, pages) = v3(&app, "/api/v3/bramsche/de/pages/").await;
    let content = pages[0]["content"].as_str().unwrap();
    assert!(
        !content.contains("script")
            && !content.contains("onclick")
            && !content.contains("javascript"),
        "{content}"
    );
    assert!(content.contains("Hallo"));
    std::fs::remove_dir_all(&dir).ok();
}

fn place() -> Value {
    let hours = |closed: bool| {
        json!({"allDay": false, "closed": closed, "appointmentOnly": false,
        "timeSlots": if closed { json!([]) } else { json!([{"start": "09:00", "end": "12:00", "timezone": "Europe/Berlin"}]) }})
    };
    json!([{
        "id": 12, "url": format!("{HOST}/bramsche/de/locations/migrationsberatung/"),
        "path": "/bramsche/de/locations/migrationsberatung/", "title": "Migrationsberatung",
        "modified_gmt": "2026-01-15T10:00:00Z", "last_updated": "2026-01-15T11:00:00+01:00",
        "published_at": "2025-11-03T08:30:00+01:00", "meta_description": "Beratung zu Aufenthalt und Arbeit",
        "excerpt": "Wir beraten kostenlos.", "content": "<p>Wir beraten kostenlos.</p>",
        "available_languages": {}, "icon": null, "thumbnail": null,
        "website": "https://www.bramsche.example/beratung", "email": null, "phone_number": "05461 0000-0",
        "contacts": [{"area_of_responsibility": "Aufenthalt", "name": "Frau Yilmaz", "email": null,
                      "phone_number": "05461 0000-0", "mobile_number": null, "website": null,
                      "opening_hours": null, "appointment_url": null}],
        "category": {"id": 3, "name": "Beratung", "color": "blue", "icon": "advice", "icon_url": "https://icons.example/advice.svg"},
        "temporarily_closed": false,
        "opening_hours": [hours(false), hours(false), hours(false), hours(false), hours(true), hours(true), hours(true)],
        "appointment_url": null,
        "location": {"id": 12, "name": "Migrationsberatung", "address": "Hasestraße 11", "town": "Bramsche",
                     "state": null, "postcode": "49565", "region": null, "country": "Deutschland",
                     "latitude": 52.4071, "longitude": 7.9702},
        "hash": null, "organization": null, "barrier_free": true
    }])
}

fn event() -> Value {
    json!([{
        "id": 61, "url": format!("{HOST}/bramsche/de/events/sprachcafe/"), "path": "/bramsche/de/events/sprachcafe/",
        "title": "Sprachcafé", "modified_gmt": "2026-11-01T09:00:00Z", "last_updated": "2026-11-01T10:00:00+01:00",
        "excerpt": "Deutsch sprechen bei Tee.", "content": "<p>Deutsch sprechen bei Tee.</p>",
        "available_languages": {}, "thumbnail": null,
        "location": {"id": 12, "name": "Migrationsberatung", "address": "Hasestraße 11", "town": "Bramsche",
                     "state": null, "postcode": "49565", "region": null, "country": "Deutschland",
                     "latitude": 52.4071, "longitude": 7.9702},
        "location_path": "/bramsche/de/locations/migrationsberatung/", "meeting_url": null,
        "event": {"id": 61, "start": "2027-01-07T18:00:00+01:00", "start_date": "2027-01-07", "start_time": "18:00:00",
                  "end": "2027-01-07T19:30:00+01:00", "end_date": "2027-01-07", "end_time": "19:30:00",
                  "all_day": false, "only_weekdays": false, "recurrence_id": null, "timezone": "Europe/Berlin"},
        "hash": null,
        "recurrence_rule": "DTSTART:20270107T170000\nRRULE:FREQ=WEEKLY;UNTIL=20270225T235959;BYDAY=TH"
    }])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn places_and_events_are_served_back_and_recurrences_expanded() {
    let app = TestApp::new().await;
    let dir = folder("things");
    let (de, en) = pages();
    write(&dir, "regions.json", &region());
    write(&dir, "bramsche/de/pages.json", &de);
    write(&dir, "bramsche/en/pages.json", &en);
    write(&dir, "bramsche/de/locations.json", &place());
    write(&dir, "bramsche/de/events.json", &event());
    let report = import(&app, &dir).await.unwrap();
    assert_eq!((report.places, report.events), (1, 1));

    assert_eq!(
        v3(&app, "/api/v3/bramsche/de/locations/").await,
        (200, place())
    );
    assert_eq!(
        v3(&app, "/api/v3/bramsche/de/location-categories/").await,
        (200, json!([place()[0]["category"].clone()]))
    );
    assert_eq!(
        v3(&app, "/api/v3/bramsche/de/events/?combine_recurring=True").await,
        (200, event())
    );
    // Expanded: one entry per Thursday from 7 January to 25 February 2027.
    let (status, expanded) = v3(&app, "/api/v3/bramsche/de/events/").await;
    assert_eq!(status, 200);
    let list = expanded.as_array().unwrap();
    assert_eq!(list.len(), 8, "{expanded:#}");
    assert_eq!(
        list[0]["path"],
        "/bramsche/de/events/sprachcafe$2027-01-07/"
    );
    assert_eq!(list[7]["event"]["start"], "2027-02-25T18:00:00+01:00");
    assert_eq!(list[7]["event"]["recurrence_id"], 61);
    assert!(list.iter().all(|e| e["recurrence_rule"].is_null()));
    assert_eq!(
        v3(
            &app,
            "/api/v3/bramsche/de/events/?combine_recurring=vielleicht"
        )
        .await
        .0,
        400
    );
    // The calendar feed parses back: the weekly event with its rule, in Berlin time.
    let feed = app.get("/portal/bramsche/de/events.ics", Auth::None).await;
    assert_eq!(feed.status.as_u16(), 200, "{}", feed.body);
    assert!(
        feed.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let vevents = ankommen_domain::portal::ical::parse_vevents(&feed.body).unwrap();
    assert_eq!(vevents.len(), 1, "{}", feed.body);
    let prop = |name: &str| {
        vevents[0]
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{name} missing in {}", feed.body))
            .clone()
    };
    assert_eq!(prop("SUMMARY").value, "Sprachcafé");
    assert_eq!(prop("DTSTART").value, "20270107T180000");
    assert!(
        prop("DTSTART")
            .params
            .contains(&("TZID".into(), "Europe/Berlin".into()))
    );
    assert!(prop("RRULE").value.contains("FREQ=WEEKLY"), "{}", feed.body);
    assert!(prop("LOCATION").value.contains("Hasestraße 11"));
    assert!(feed.body.contains("BEGIN:VTIMEZONE"));
    let one = app
        .get("/portal/bramsche/de/events/61.ics", Auth::None)
        .await;
    assert_eq!(one.status.as_u16(), 200);
    assert_eq!(
        ankommen_domain::portal::ical::parse_vevents(&one.body)
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        app.get("/portal/bramsche/de/events/99.ics", Auth::None)
            .await
            .status
            .as_u16(),
        404
    );
    assert_eq!(
        app.get("/portal/atlantis/de/events.ics", Auth::None)
            .await
            .status
            .as_u16(),
        404
    );
    // The English files are missing: empty lists, not errors.
    assert_eq!(
        v3(&app, "/api/v3/bramsche/en/events/").await,
        (200, json!([]))
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// The demo portal (4 regions × 7 languages, written by the team in Integreat's shape)
/// imports cleanly and every list is served back as written, apart from the host and the
/// cleaning of HTML (links get `rel="noopener noreferrer"`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_portal_round_trips() {
    let app = TestApp::new().await;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../db/demo_portal");
    let report = import(&app, &dir).await.unwrap();
    assert_eq!(report.regions, 4);
    assert!(
        report.pages >= 30 && report.places >= 16 && report.events >= 12,
        "{report:?}"
    );
    let file = |name: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap()
    };
    let clean = |mut v: Value| -> Value {
        for item in v.as_array_mut().unwrap() {
            if let Some(Value::String(c)) = item.get_mut("content") {
                *c = ankommen_web::portal::sanitize::clean(c);
            }
        }
        v
    };
    let regions = file("regions.json");
    let served = app.get("/api/v3/regions/", Auth::None).await;
    assert_eq!(
        serde_json::from_str::<Value>(&served.body).unwrap(),
        sorted_by_name(regions.clone())
    );
    for region in regions.as_array().unwrap() {
        let slug = region["path"].as_str().unwrap();
        for lang in region["languages"].as_array().unwrap() {
            let code = lang["code"].as_str().unwrap();
            for (list, query) in [
                ("pages", ""),
                ("events", "?combine_recurring=True"),
                ("locations", ""),
            ] {
                let expected = clean(file(&format!("{slug}/{code}/{list}.json")));
                let r = app
                    .get(&format!("/api/v3/{slug}/{code}/{list}/{query}"), Auth::None)
                    .await;
                assert_eq!(r.status.as_u16(), 200, "{slug}/{code}/{list}");
                let body = r
                    .body
                    .replace("http://ankommen.test", "https://ankommen.example");
                let got: Value = serde_json::from_str(&body).unwrap();
                assert_eq!(
                    got.as_array().unwrap().len(),
                    expected.as_array().unwrap().len(),
                    "{slug}/{code}/{list}"
                );
                for (g, e) in got
                    .as_array()
                    .unwrap()
                    .iter()
                    .zip(expected.as_array().unwrap())
                {
                    let differing: Vec<String> = e
                        .as_object()
                        .unwrap()
                        .iter()
                        .filter(|(k, v)| g.get(k.as_str()) != Some(v))
                        .map(|(k, v)| {
                            format!(
                                "{k}: served {} expected {v}",
                                g.get(k.as_str()).unwrap_or(&Value::Null)
                            )
                        })
                        .collect();
                    assert_eq!(g, e, "{slug}/{code}/{list}: {}: {differing:?}", e["path"]);
                }
            }
        }
    }
}

/// Regions as `regions/` lists them: by name.
fn sorted_by_name(mut v: Value) -> Value {
    v.as_array_mut()
        .unwrap()
        .sort_by(|a, b| a["name"].as_str().cmp(&b["name"].as_str()));
    v
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feedback_is_taken_checked_and_rate_limited() {
    use axum::http::Method;
    let app = TestApp::new().await;
    let dir = folder("feedback");
    let (de, en) = pages();
    write(&dir, "regions.json", &region());
    write(&dir, "bramsche/de/pages.json", &de);
    write(&dir, "bramsche/en/pages.json", &en);
    import(&app, &dir).await.unwrap();
    let post = |path: &'static str, body: &'static str| {
        let app = &app;
        async move {
            app.raw(
                Method::POST,
                path,
                body,
                "application/x-www-form-urlencoded",
                Auth::None,
            )
            .await
        }
    };
    let r = post(
        "/api/v3/bramsche/de/feedback/page/",
        "rating=up&comment=Sehr+hilfreich%21&slug=anmeldung",
    )
    .await;
    assert_eq!(r.status.as_u16(), 201, "{}", r.body);
    assert_eq!(r.json()["success"], "Feedback successfully submitted");
    // JSON works too; the trailing slash is optional.
    let r = app
        .call(
            Method::POST,
            "/api/v3/bramsche/en/feedback/search",
            Some(json!({"rating": "down", "query": "kita"})),
            Auth::None,
        )
        .await;
    assert_eq!(r.status.as_u16(), 201, "{}", r.body);
    // The apps' FormData: multipart/form-data with text fields.
    let multipart = |body: &str| {
        let app = &app;
        let body = body.replace('\n', "\r\n");
        async move {
            app.raw(
                Method::POST,
                "/api/v3/bramsche/de/feedback/page/",
                &body,
                "multipart/form-data; boundary=XyZ",
                Auth::None,
            )
            .await
        }
    };
    let r = multipart(
        "--XyZ\nContent-Disposition: form-data; name=\"rating\"\n\nup\n\
         --XyZ\nContent-Disposition: form-data; name=\"comment\"\n\nZeile eins\nZeile zwei\n\
         --XyZ--\n",
    )
    .await;
    assert_eq!(r.status.as_u16(), 201, "{}", r.body);
    for bad in [
        // A file part.
        "--XyZ\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\n\nx\n--XyZ--\n",
        // No closing delimiter.
        "--XyZ\nContent-Disposition: form-data; name=\"rating\"\n\nup\n",
        // A part without a name.
        "--XyZ\nContent-Disposition: form-data\n\nup\n--XyZ--\n",
    ] {
        let r = multipart(bad).await;
        assert_eq!(r.status.as_u16(), 400, "{bad}: {}", r.body);
        assert!(r.json()["error"].is_string());
    }
    // Bad input.
    for (path, body, status) in [
        ("/api/v3/bramsche/de/feedback/page/", "rating=maybe", 400),
        ("/api/v3/bramsche/de/feedback/page/", "comment=", 400),
        ("/api/v3/bramsche/de/feedback/teapot/", "rating=up", 404),
        ("/api/v3/bramsche/xx/feedback/page/", "rating=up", 404),
        ("/api/v3/atlantis/de/feedback/page/", "rating=up", 404),
    ] {
        let r = post(path, body).await;
        assert_eq!(r.status.as_u16(), status, "{path} {body}: {}", r.body);
        assert!(r.json()["error"].is_string(), "{}", r.body);
    }
    let long = format!("rating=down&comment={}", "x".repeat(1001));
    let r = app
        .raw(
            Method::POST,
            "/api/v3/bramsche/de/feedback/page/",
            &long,
            "application/x-www-form-urlencoded",
            Auth::None,
        )
        .await;
    assert_eq!(r.status.as_u16(), 400);
    // Spam: the same client is limited within ten minutes.
    let mut statuses = Vec::new();
    for _ in 0..12 {
        statuses.push(
            post("/api/v3/bramsche/de/feedback/categories/", "rating=up")
                .await
                .status
                .as_u16(),
        );
    }
    assert!(statuses.contains(&429), "{statuses:?}");
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        7,
        "10 per client, 3 used above: {statuses:?}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
