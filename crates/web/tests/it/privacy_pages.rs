//! The data-protection pages (issue 7) over HTTP, as a browser uses them: the
//! break-the-glass form and the team leads' review list, the printable data export and its
//! JSON download, erasure on request refused while blockers remain, and the retention
//! settings with errors next to the fields.

use axum::http::{Method, StatusCode, header};
use serde_json::{Value, json};

use crate::support::{Auth, TestApp};

async fn new_person(app: &TestApp, token: &str, family_name: &str) -> (String, String) {
    let body = json!({"family_name": family_name, "given_names": "Dariush", "birth_date": "1990-05-06",
                      "phone": "0151 2223334"});
    let r = app
        .call(
            Method::POST,
            "/api/v1/persons",
            Some(body),
            Auth::Bearer(token),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let v = r.json();
    (
        v["person"]["id"].as_str().unwrap().to_owned(),
        v["person"]["case_number"].as_str().unwrap().to_owned(),
    )
}

fn location(r: &crate::support::Reply) -> String {
    r.headers[header::LOCATION].to_str().unwrap().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn break_the_glass_form_then_review_and_revoke_in_the_browser() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let lead = app.login("team_lead").await;
    let (q, case_number) = new_person(&app, &lead, "Novak").await;
    let url = format!("/persons/{q}");

    // Not in the counsellor's caseload: the form asking for a reason, not the record.
    let r = app.get(&url, Auth::Cookie(&c)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert!(r.body.contains("name=\"reason\""), "{}", r.body);
    assert!(r.body.contains("Akte mit Begründung öffnen"), "{}", r.body);
    assert!(r.body.contains("24 Stunden"), "{}", r.body);
    assert!(!r.body.contains("Novak"), "{}", r.body);
    assert!(!r.body.contains("dp-"), "untranslated: {}", r.body);

    // Too short a reason: the form again, with the message next to the field.
    let r = app
        .get(&format!("{url}?reason=kurz"), Auth::Cookie(&c))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("id=\"reason-error\""), "{}", r.body);
    assert!(r.body.contains("mindestens 10 Zeichen"), "{}", r.body);
    assert!(!r.body.contains("Novak"));

    // A proper reason opens the record.
    let r = app
        .get(
            &format!("{url}?reason=Telefonat+mit+der+Schule+heute"),
            Auth::Cookie(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Novak"));
    // … for a while, without asking again.
    assert_eq!(app.get(&url, Auth::Cookie(&c)).await.status, StatusCode::OK);

    // Team leads only.
    assert_eq!(
        app.get("/break-glass", Auth::Cookie(&c)).await.status,
        StatusCode::FORBIDDEN
    );
    let list = app.get("/break-glass", Auth::Cookie(&lead)).await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    assert!(list.body.contains("Telefonat mit der Schule heute"));
    assert!(list.body.contains(&case_number));
    assert!(!list.body.contains("dp-"), "untranslated: {}", list.body);
    assert!(list.body.contains(&format!("href=\"/persons/{q}\"")));
    let grants: Value = app
        .get("/api/v1/break-glass", Auth::Bearer(&lead))
        .await
        .json();
    let id = grants
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["person_id"] == q.as_str())
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let action = format!("/break-glass/{id}/review");
    assert!(list.body.contains(&format!("action=\"{action}\"")));

    // Reviewing with "end now" ends the access.
    let r = app
        .form(
            &action,
            &[("note", "nicht erforderlich"), ("revoke", "1")],
            Auth::Cookie(&lead),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(location(&r), "/break-glass?msg=reviewed");
    let r = app.get(&location(&r), Auth::Cookie(&lead)).await;
    assert!(r.body.contains("role=\"status\""), "{}", r.body);
    assert!(!r.body.contains(&format!("action=\"{action}\"")));
    let all = app.get("/break-glass?all=1", Auth::Cookie(&lead)).await;
    assert!(all.body.contains("nicht erforderlich"), "{}", all.body);
    // Reviewed once only.
    let again = app
        .form(&action, &[("note", "")], Auth::Cookie(&lead))
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);

    let r = app.get(&url, Auth::Cookie(&c)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert!(r.body.contains("name=\"reason\""));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn export_page_json_download_and_erasure_refused_while_the_case_is_open() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let lead = app.login("team_lead").await;
    let (p, case_number) = new_person(&app, &c, "Karimi").await;

    // The person page links the export; only team leads see the erasure form.
    let page = app.get(&format!("/persons/{p}"), Auth::Cookie(&c)).await;
    assert!(page.body.contains(&format!("href=\"/persons/{p}/export\"")));
    assert!(!page.body.contains("erasure-form"));
    let page = app.get(&format!("/persons/{p}"), Auth::Cookie(&lead)).await;
    assert!(page.body.contains("id=\"erasure-form\""), "{}", page.body);

    let r = app
        .get(&format!("/persons/{p}/export"), Auth::Cookie(&c))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Karimi, Dariush"));
    assert!(r.body.contains("0151 2223334"));
    assert!(r.body.contains(&format!("/persons/{p}/export.json")));
    assert!(r.body.contains("id=\"export-accesses\""));
    assert!(r.body.contains("Akte gelesen"), "{}", r.body);
    assert!(!r.body.contains("dp-"), "untranslated: {}", r.body);

    let r = app
        .get(&format!("/persons/{p}/export.json"), Auth::Cookie(&c))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let disposition = r.headers[header::CONTENT_DISPOSITION].to_str().unwrap();
    assert!(disposition.starts_with("attachment"), "{disposition}");
    assert!(
        disposition.contains(&format!("ankommen-auskunft-{case_number}.json")),
        "{disposition}"
    );
    assert_eq!(r.json()["person"]["values"]["family_name"], "Karimi");

    // Someone outside the case sees nothing.
    let vol = app.login("volunteer_coordinator").await;
    assert_ne!(
        app.get(&format!("/persons/{p}/export"), Auth::Cookie(&vol))
            .await
            .status,
        StatusCode::OK
    );

    // Erasure is refused while the case is open, naming why.
    let r = app
        .form(
            &format!("/persons/{p}/erasure"),
            &[("request_ref", "Antrag vom 20.11.")],
            Auth::Cookie(&lead),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("id=\"blockers\""), "{}", r.body);
    assert!(r.body.contains("Der Fall ist noch offen"), "{}", r.body);
    assert!(!r.body.contains("dp-"), "untranslated: {}", r.body);
    // Counsellors may not erase.
    let r = app
        .form(
            &format!("/persons/{p}/erasure"),
            &[("request_ref", "Antrag vom 20.11.")],
            Auth::Cookie(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let still: Value = app
        .get(&format!("/api/v1/persons/{p}"), Auth::Bearer(&c))
        .await
        .json();
    assert_eq!(still["data"]["identity"]["family_name"], "Karimi");
}

fn settings_form<'a>(closed_case: &'a str, hours: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("retention_closed_case", closed_case),
        ("retention_referral", "24"),
        ("retention_consent", "36"),
        ("retention_break_glass", "24"),
        ("retention_notification", "12"),
        ("referral_reminder_days", "10"),
        ("break_glass_hours", hours),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn data_protection_settings_are_saved_by_administrators_only() {
    let app = TestApp::new().await;
    let admin = app.login("admin").await;
    let lead = app.login("team_lead").await;
    let c = app.login("counsellor").await;

    let page = app
        .get("/admin/data-protection", Auth::Cookie(&admin))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("name=\"retention_closed_case\""));
    assert!(page.body.contains("value=\"60\""));
    assert!(!page.body.contains("dp-"), "untranslated: {}", page.body);

    let r = app
        .form(
            "/admin/data-protection",
            &settings_form("72", "8"),
            Auth::Cookie(&admin),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(location(&r), "/admin/data-protection?msg=saved");
    let v: Value = app
        .get("/api/v1/settings/data-protection", Auth::Bearer(&admin))
        .await
        .json();
    assert_eq!(v["network"]["break_glass_hours"], 8);
    assert_eq!(v["network"]["referral_reminder_days"], 10);
    let rule = |t: &str| {
        v["retention"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["record_type"] == t)
            .unwrap()
            .clone()
    };
    assert_eq!(rule("closed_case")["months"], 72);
    assert_eq!(rule("referral")["months"], 24);
    assert_eq!(
        rule("consent")["is_default"],
        true,
        "unchanged stays default"
    );

    // 0 months: refused, the message next to the field, what was typed kept.
    let r = app
        .form(
            "/admin/data-protection",
            &settings_form("0", "500"),
            Auth::Cookie(&admin),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.body.contains("id=\"retention_closed_case-error\""),
        "{}",
        r.body
    );
    assert!(r.body.contains("1 bis 240 Monaten"), "{}", r.body);
    assert!(r.body.contains("id=\"break_glass_hours-error\""));
    assert!(r.body.contains("value=\"500\""));
    let v: Value = app
        .get("/api/v1/settings/data-protection", Auth::Bearer(&admin))
        .await
        .json();
    assert_eq!(v["network"]["break_glass_hours"], 8, "nothing saved");

    // Team leads read, counsellors not at all; neither saves.
    let r = app.get("/admin/data-protection", Auth::Cookie(&lead)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("readonly"));
    assert_eq!(
        app.form(
            "/admin/data-protection",
            &settings_form("72", "8"),
            Auth::Cookie(&lead)
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get("/admin/data-protection", Auth::Cookie(&c))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}
