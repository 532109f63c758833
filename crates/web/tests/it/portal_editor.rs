//! The portal editor on the demo portal: the demo editor (bound to the county and Bramsche)
//! edits texts; the API v3 serves the edit at once (its cache follows the region's version);
//! a major edit of the German text outdates the translations, a minor one does not,
//! publishing a translation makes it up to date; revisions restore; stale forms are 409;
//! scripts are stripped; regions not bound are 404, other roles 403; feedback is marked read.

use std::path::Path;

use axum::http::Method;
use serde_json::Value;

use crate::support::{Auth, TestApp};

async fn demo_portal() -> TestApp {
    let app = TestApp::new().await;
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
    app
}

/// The external id of the first page of a region and the current version of its text in
/// `lang` (0: none).
async fn first_page(app: &TestApp, region: &str, lang: &str) -> (i64, i32) {
    let db = app.db.db.clone();
    let (region, lang) = (region.to_owned(), lang.to_owned());
    tokio::task::spawn_blocking(move || {
        use ankommen_db::portal::edit;
        let mut c = db.conn().unwrap();
        let t = ankommen_db::tenants::default_tenant(&mut c)
            .unwrap()
            .unwrap();
        let r = ankommen_db::portal::region(&mut c, &t.id, &region).unwrap();
        let tree = edit::page_tree(&mut c, &r.id).unwrap();
        let ext = tree.pages[0].page.external_id;
        let (_, text) = edit::text_of(&mut c, &r.id, edit::Owner::Page(ext), &lang).unwrap();
        (ext, text.map_or(0, |t| t.version))
    })
    .await
    .unwrap()
}

/// `data-status` of the translation-status badge on the side-by-side page.
fn status_in(html: &str) -> String {
    let marker = "id=\"translation-status\" data-status=\"";
    let at = html.find(marker).expect("status badge") + marker.len();
    html[at..].split('"').next().unwrap().to_owned()
}

async fn served_pages(app: &TestApp, region: &str, lang: &str) -> Vec<Value> {
    let r = app
        .get(&format!("/api/v3/{region}/{lang}/pages/"), Auth::None)
        .await;
    assert_eq!(r.status.as_u16(), 200, "{}", r.body);
    r.json().as_array().unwrap().clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn editing_outdates_translations_and_the_api_serves_the_edit() {
    let app = demo_portal().await;
    let editor = app.login("editor").await;
    let home = app.get("/editor", Auth::Cookie(&editor)).await;
    assert_eq!(home.status.as_u16(), 200, "{}", home.body);
    assert!(home.body.contains("region-bramsche"), "{}", home.body);
    assert!(home.body.contains("region-landkreis-osnabrueck"));
    assert!(!home.body.contains("region-melle"));
    let tree = app.get("/editor/bramsche", Auth::Cookie(&editor)).await;
    assert_eq!(tree.status.as_u16(), 200);
    assert!(tree.body.contains("data-status=\"up_to_date\""));

    let (page, version) = first_page(&app, "bramsche", "de").await;
    // Warm the API cache, then edit: the next answer must show the edit.
    let before = served_pages(&app, "bramsche", "de").await;
    assert!(!before.is_empty());
    let base = format!("/editor/bramsche/pages/{page}");
    let v = version.to_string();
    let r = app
        .form(
            &format!("{base}/de"),
            &[
                ("title", "Willkommen in Bramsche (neu)"),
                ("excerpt", ""),
                (
                    "content",
                    "<p>Neuer Text.</p><script>alert('x')</script><p onclick=\"x()\">Hallo</p>",
                ),
                ("version", &v),
                ("status", "published"),
            ],
            Auth::Cookie(&editor),
        )
        .await;
    assert_eq!(r.status.as_u16(), 303, "{}", r.body);
    let after = served_pages(&app, "bramsche", "de").await;
    let edited = after
        .iter()
        .find(|p| p["title"] == "Willkommen in Bramsche (neu)")
        .expect("the API serves the edited title");
    let content = edited["content"].as_str().unwrap();
    assert!(content.contains("Neuer Text."), "{content}");
    assert!(
        !content.contains("script") && !content.contains("onclick"),
        "{content}"
    );
    assert_ne!(edited["modified_gmt"], before[0]["modified_gmt"]);

    // The English translation is outdated now.
    let en = app.get(&format!("{base}/en"), Auth::Cookie(&editor)).await;
    assert_eq!(en.status.as_u16(), 200);
    assert_eq!(status_in(&en.body), "outdated");
    assert!(en.body.contains("Neuer Text."), "the source is shown");

    // A minor edit of German leaves a freshly published translation up to date.
    let (_, en_version) = first_page(&app, "bramsche", "en").await;
    let r = app
        .form(
            &format!("{base}/en"),
            &[
                ("title", "Welcome to Bramsche"),
                ("content", "<p>New text.</p>"),
                ("version", &en_version.to_string()),
                ("status", "published"),
            ],
            Auth::Cookie(&editor),
        )
        .await;
    assert_eq!(r.status.as_u16(), 303, "{}", r.body);
    let en = app.get(&format!("{base}/en"), Auth::Cookie(&editor)).await;
    assert_eq!(status_in(&en.body), "up_to_date");
    let (_, de_version) = first_page(&app, "bramsche", "de").await;
    let r = app
        .form(
            &format!("{base}/de"),
            &[
                ("title", "Willkommen in Bramsche (neu)"),
                ("content", "<p>Neuer Text, ohne Tippfehler.</p>"),
                ("version", &de_version.to_string()),
                ("minor", "on"),
                ("status", "published"),
            ],
            Auth::Cookie(&editor),
        )
        .await;
    assert_eq!(r.status.as_u16(), 303, "{}", r.body);
    let en = app.get(&format!("{base}/en"), Auth::Cookie(&editor)).await;
    assert_eq!(status_in(&en.body), "up_to_date");
    // Arabic was outdated by the first (major) edit and stays so.
    let ar = app.get(&format!("{base}/ar"), Auth::Cookie(&editor)).await;
    assert_eq!(status_in(&ar.body), "outdated");
    assert!(ar.body.contains("dir=\"rtl\""));

    // A stale form: 409, nothing changed.
    let r = app
        .form(
            &format!("{base}/de"),
            &[
                ("title", "Veraltet"),
                ("content", "<p>Alt.</p>"),
                ("version", &version.to_string()),
                ("status", "published"),
            ],
            Auth::Cookie(&editor),
        )
        .await;
    assert_eq!(r.status.as_u16(), 409, "{}", r.body);
    assert!(r.body.contains("Veraltet"), "the typed text is kept");
    let now = served_pages(&app, "bramsche", "de").await;
    assert!(now.iter().all(|p| p["title"] != "Veraltet"));
    assert!(
        now.iter()
            .any(|p| p["title"] == "Willkommen in Bramsche (neu)")
    );

    // Revisions: the imported text is revision 1; restoring it brings the old content back.
    let revs = app
        .get(&format!("{base}/de/revisions"), Auth::Cookie(&editor))
        .await;
    assert_eq!(revs.status.as_u16(), 200);
    assert!(revs.body.contains("revision-1"), "{}", revs.body);
    let (_, current) = first_page(&app, "bramsche", "de").await;
    let r = app
        .form(
            &format!("{base}/de/revisions/1/restore"),
            &[("version", &current.to_string())],
            Auth::Cookie(&editor),
        )
        .await;
    assert_eq!(r.status.as_u16(), 303, "{}", r.body);
    let restored = served_pages(&app, "bramsche", "de").await;
    assert!(
        restored
            .iter()
            .any(|p| p["title"] == "Willkommen in Bramsche"),
        "{restored:?}"
    );
    let revs = app
        .get(&format!("{base}/de/revisions"), Auth::Cookie(&editor))
        .await;
    assert!(revs.body.contains(&format!("revision-{}", current + 1)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn access_is_by_role_and_binding() {
    let app = demo_portal().await;
    let editor = app.login("editor").await;
    // Melle is not the demo editor's: 404 for reading and writing.
    let r = app.get("/editor/melle", Auth::Cookie(&editor)).await;
    assert_eq!(r.status.as_u16(), 404);
    let (page, version) = first_page(&app, "melle", "de").await;
    let r = app
        .form(
            &format!("/editor/melle/pages/{page}/de"),
            &[
                ("title", "X"),
                ("version", &version.to_string()),
                ("status", "published"),
            ],
            Auth::Cookie(&editor),
        )
        .await;
    assert_eq!(r.status.as_u16(), 404);
    // A counsellor: 403.
    let counsellor = app.login("counsellor").await;
    let r = app.get("/editor", Auth::Cookie(&counsellor)).await;
    assert_eq!(r.status.as_u16(), 403);
    let r = app.get("/editor/bramsche", Auth::Cookie(&counsellor)).await;
    assert_eq!(r.status.as_u16(), 403);
    // The administrator sees every region and binds the editor to Melle.
    let admin = app.login("admin").await;
    let r = app.get("/editor", Auth::Cookie(&admin)).await;
    assert!(r.body.contains("region-melle"));
    let r = app.get("/editor/melle/editors", Auth::Cookie(&admin)).await;
    assert_eq!(r.status.as_u16(), 200);
    let marker = "<option value=\"";
    let at = r.body.find(marker).expect("an editor to bind") + marker.len();
    let user_id = r.body[at..].split('"').next().unwrap().to_owned();
    let r = app
        .form(
            "/editor/melle/editors",
            &[("user_id", &user_id)],
            Auth::Cookie(&admin),
        )
        .await;
    assert_eq!(r.status.as_u16(), 303, "{}", r.body);
    let r = app.get("/editor/melle", Auth::Cookie(&editor)).await;
    assert_eq!(r.status.as_u16(), 200);
    // Editors do not bind.
    let r = app
        .get("/editor/melle/editors", Auth::Cookie(&editor))
        .await;
    assert_eq!(r.status.as_u16(), 403);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_are_created_moved_archived_and_feedback_is_marked() {
    let app = demo_portal().await;
    let editor = app.login("editor").await;
    let r = app
        .form(
            "/editor/bramsche/pages",
            &[
                ("parent", ""),
                ("position", "1"),
                ("title", "Neue Seite"),
                ("content", "<p>Entwurf</p>"),
            ],
            Auth::Cookie(&editor),
        )
        .await;
    assert_eq!(r.status.as_u16(), 303, "{}", r.body);
    let (first, _) = first_page(&app, "bramsche", "de").await;
    let tree = app.get("/editor/bramsche", Auth::Cookie(&editor)).await;
    let at = tree.body.find("Neue Seite").unwrap();
    assert!(
        at < tree.body.find("Willkommen in Bramsche").unwrap(),
        "created first"
    );
    // A draft is not public.
    let served = served_pages(&app, "bramsche", "de").await;
    assert!(served.iter().all(|p| p["title"] != "Neue Seite"));
    let r = app
        .form(
            &format!("/editor/bramsche/pages/{first}/move"),
            &[("dir", "down")],
            Auth::Cookie(&editor),
        )
        .await;
    assert_eq!(r.status.as_u16(), 303);
    // Publishing a draft directly is refused (review first), with a message.
    let r = app
        .form(
            &format!("/editor/bramsche/pages/{first}/de"),
            &[
                ("title", "Neue Seite"),
                ("version", "1"),
                ("status", "published"),
            ],
            Auth::Cookie(&editor),
        )
        .await;
    assert_eq!(r.status.as_u16(), 422, "{}", r.body);
    // Archive the first imported page: the API no longer lists it.
    let (now_first, _) = first_page(&app, "bramsche", "de").await;
    assert_ne!(now_first, first);
    let r = app
        .form(
            &format!("/editor/bramsche/pages/{now_first}/archive"),
            &[("archived", "true")],
            Auth::Cookie(&editor),
        )
        .await;
    assert_eq!(r.status.as_u16(), 303);
    let served = served_pages(&app, "bramsche", "de").await;
    assert!(
        served
            .iter()
            .all(|p| p["title"] != "Willkommen in Bramsche")
    );

    // Imprint: a text per language, edited like a page.
    let form = app
        .get("/editor/bramsche/imprint/de", Auth::Cookie(&editor))
        .await;
    assert_eq!(form.status.as_u16(), 200);
    let marker = "name=\"version\" value=\"";
    let at = form.body.find(marker).unwrap() + marker.len();
    let imprint_version = form.body[at..].split('"').next().unwrap().to_owned();
    let r = app
        .form(
            "/editor/bramsche/imprint/de",
            &[
                ("title", "Impressum"),
                ("content", "<p>Stadt Bramsche</p>"),
                ("version", &imprint_version),
                ("status", "published"),
            ],
            Auth::Cookie(&editor),
        )
        .await;
    assert_eq!(r.status.as_u16(), 303, "{}", r.body);
    let r = app
        .get("/editor/bramsche/imprint/de", Auth::Cookie(&editor))
        .await;
    assert!(r.body.contains("Stadt Bramsche"));

    // Feedback of a reader shows up unread and is marked read.
    let r = app
        .raw(
            Method::POST,
            "/api/v3/bramsche/de/feedback/page/",
            "rating=down&comment=Bitte+mehr+zu+Kitas&slug=kita-und-schule",
            "application/x-www-form-urlencoded",
            Auth::None,
        )
        .await;
    assert_eq!(r.status.as_u16(), 201, "{}", r.body);
    let list = app
        .get("/editor/bramsche/feedback", Auth::Cookie(&editor))
        .await;
    assert!(list.body.contains("Bitte mehr zu Kitas"));
    assert!(
        list.body.contains("id=\"unread-feedback\">1 "),
        "{}",
        list.body
    );
    let marker = "id=\"feedback-";
    let at = list.body.find(marker).unwrap() + marker.len();
    let id = list.body[at..].split('"').next().unwrap().to_owned();
    let r = app
        .form(
            &format!("/editor/bramsche/feedback/{id}"),
            &[("read", "true")],
            Auth::Cookie(&editor),
        )
        .await;
    assert_eq!(r.status.as_u16(), 303);
    let list = app
        .get("/editor/bramsche/feedback", Auth::Cookie(&editor))
        .await;
    assert!(
        list.body.contains("id=\"unread-feedback\">0 "),
        "{}",
        list.body
    );
}
