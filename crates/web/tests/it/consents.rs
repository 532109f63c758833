//! Consent records: a consent is the basis on which a referral lets its recipient read the
//! scoped classes (never write); withdrawal takes effect at once, expired consents grant nothing,
//! bad input gets field errors, every change is audited.

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{Auth, TestApp};

async fn person(app: &TestApp, token: &str) -> String {
    let body = json!({"family_name": "Haddad", "given_names": "Lina", "birth_date": "2012-03-04",
                      "phone": "0151 1234567"});
    let r = app
        .call(
            Method::POST,
            "/api/v1/persons",
            Some(body),
            Auth::Bearer(token),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    r.json()["person"]["id"].as_str().unwrap().to_owned()
}

async fn consent(app: &TestApp, token: &str, pid: &str, body: Value) -> (StatusCode, Value) {
    let r = app
        .call(
            Method::POST,
            &format!("/api/v1/persons/{pid}/consents"),
            Some(body),
            Auth::Bearer(token),
        )
        .await;
    (
        r.status,
        serde_json::from_str(&r.body).unwrap_or(Value::Null),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn consent_grants_reading_exactly_its_classes_until_withdrawn() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let yw = app.login("youth_welfare").await;
    let yw_org = app.org_id("youth_welfare").await;
    let pid = person(&app, &c).await;
    let url = format!("/api/v1/persons/{pid}");
    assert_eq!(
        app.get(&url, Auth::Bearer(&yw)).await.status,
        StatusCode::NOT_FOUND
    );

    let (status, created) = consent(
        &app,
        &c,
        &pid,
        json!({"scope": ["family", "identity"], "recipient_org_id": yw_org, "purpose": "Hilfeplanung nach § 36 SGB VIII",
               "given_on": "2026-01-15", "document_ref": "Ordner 3, Blatt 12"}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["status"], "active");
    assert_eq!(created["scope"], json!(["identity", "family"]));
    assert!(!created["recipient_org_name"].as_str().unwrap().is_empty());
    // A consent is the basis of sharing, not the sharing: nothing is readable until the case
    // worker refers the person and the recipient accepts.
    assert_eq!(
        app.get(&url, Auth::Bearer(&yw)).await.status,
        StatusCode::NOT_FOUND
    );
    let r = app
        .call(
            Method::POST,
            &format!("{url}/referrals"),
            Some(json!({"to_org_id": yw_org, "scope": ["identity", "family"], "purpose": "Hilfeplanung",
                        "consent_id": created["id"], "send": true})),
            Auth::Bearer(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let referral = r.json();
    let r = app
        .call(
            Method::POST,
            &format!(
                "/api/v1/referrals/{}/accept",
                referral["id"].as_str().unwrap()
            ),
            Some(json!({"version": referral["version"]})),
            Auth::Bearer(&yw),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);

    // Readable now: identity only of the record's classes; the rest withheld.
    let r = app.get(&url, Auth::Bearer(&yw)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let p = r.json();
    let shown: Vec<&String> = p["data"].as_object().unwrap().keys().collect();
    assert_eq!(shown, vec!["identity"]);
    assert_eq!(p["data"]["identity"]["family_name"], "Haddad");
    assert_eq!(p["withheld"], json!(["contact", "residence", "education"]));
    // Not through the directory.
    let r = app.get("/api/v1/persons?q=Haddad", Auth::Bearer(&yw)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Never writing.
    let put = json!({"family_name": "Haddad", "given_names": "Leena", "birth_date": "2012-03-04", "version": p["version"]});
    let r = app
        .call(Method::PUT, &url, Some(put), Auth::Bearer(&yw))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    // Nor recording consents.
    let (status, _) = consent(
        &app,
        &yw,
        &pid,
        json!({"scope": ["health"], "recipient_org_id": yw_org, "purpose": "x", "given_on": "2026-01-15"}),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Withdrawal takes effect at once.
    let cid = created["id"].as_str().unwrap();
    let r = app
        .call(
            Method::POST,
            &format!("/api/v1/persons/{pid}/consents/{cid}/withdraw"),
            Some(json!({"version": created["version"]})),
            Auth::Bearer(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["status"], "withdrawn");
    // The recipient knew the person through the referral: its access ended (403).
    assert_eq!(
        app.get(&url, Auth::Bearer(&yw)).await.status,
        StatusCode::FORBIDDEN
    );
    // A stale second withdrawal is refused.
    let r = app
        .call(
            Method::POST,
            &format!("/api/v1/persons/{pid}/consents/{cid}/withdraw"),
            Some(json!({"version": created["version"]})),
            Auth::Bearer(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);

    // Listed for the case worker, with history and audit entries.
    let list = app
        .get(&format!("{url}/consents"), Auth::Bearer(&c))
        .await
        .json();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["status"], "withdrawn");
    let history = app
        .get(&format!("{url}/history"), Auth::Bearer(&c))
        .await
        .json();
    let consent_changes = history
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["field"] == format!("consent.{cid}"))
        .count();
    assert_eq!(consent_changes, 2);
    let trail = app
        .get(&format!("{url}/audit"), Auth::Bearer(&c))
        .await
        .json();
    let actions: Vec<&str> = trail
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    for a in ["consent.create", "consent.withdraw"] {
        assert!(actions.contains(&a), "{a} missing in {actions:?}");
    }
    assert!(
        trail
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["action"] == "consent.create")
            .all(|e| e["data_classes"].as_str().unwrap().contains("identity"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expired_consent_grants_nothing_and_bad_input_is_refused() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let yw = app.login("youth_welfare").await;
    let yw_org = app.org_id("youth_welfare").await;
    let pid = person(&app, &c).await;
    let (status, body) = consent(
        &app,
        &c,
        &pid,
        json!({"scope": ["identity"], "recipient_org_id": yw_org, "purpose": "Inobhutnahme",
               "given_on": "2020-01-01", "expires_on": "2020-06-30"}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["status"], "expired");
    let url = format!("/api/v1/persons/{pid}");
    assert_eq!(
        app.get(&url, Auth::Bearer(&yw)).await.status,
        StatusCode::NOT_FOUND
    );

    let cases = [
        (
            json!({"scope": [], "recipient_org_id": yw_org, "purpose": "p", "given_on": "2026-01-01"}),
            "scope",
            "scope_empty",
        ),
        (
            json!({"scope": ["family"], "recipient_org_id": yw_org, "purpose": "p", "given_on": "2026-01-01", "expires_on": "2025-12-01"}),
            "expires_on",
            "expires_before_given",
        ),
        (
            json!({"scope": ["family"], "recipient_org_id": yw_org, "purpose": "p", "given_on": "2999-01-01"}),
            "given_on",
            "future_date",
        ),
        (
            json!({"scope": ["family"], "recipient_org_id": yw_org, "purpose": "", "given_on": "31.02.2026"}),
            "given_on",
            "impossible_date",
        ),
        (
            json!({"scope": ["family"], "recipient_org_id": "0190f000-0000-7000-8000-000000000000", "purpose": "p", "given_on": "2026-01-01"}),
            "recipient_org_id",
            "no_such_org",
        ),
    ];
    for (body, field, code) in cases {
        let (status, problem) = consent(&app, &c, &pid, body.clone()).await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body} → {problem}"
        );
        let errors = problem["errors"].as_array().unwrap();
        assert!(
            errors
                .iter()
                .any(|e| e["field"] == field && e["code"] == code),
            "{body}: expected {field}/{code}, got {problem}"
        );
    }
    // Nothing stored but the expired consent.
    let list = app
        .get(&format!("{url}/consents"), Auth::Bearer(&c))
        .await
        .json();
    assert_eq!(list.as_array().unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn person_page_lists_records_and_withdraws_consents() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let yw = app.login("youth_welfare").await;
    let yw_org = app.org_id("youth_welfare").await;
    let pid = person(&app, &c).await;
    let page = app.get(&format!("/persons/{pid}"), Auth::Cookie(&c)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("id=\"consents\""), "{}", page.body);
    assert!(page.body.contains("name=\"scope_family\""));

    // Invalid: the form comes back with field messages.
    let bad = [
        ("recipient_org_id", yw_org.as_str()),
        ("purpose", "Hilfeplan"),
        ("given_on", "2026-01-10"),
        ("expires_on", "2026-01-01"),
    ];
    let r = app
        .form(&format!("/persons/{pid}/consents"), &bad, Auth::Cookie(&c))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.body
            .contains("Bitte mindestens einen Datenbereich wählen.")
    );
    assert!(r.body.contains("Muss nach dem Tag der Erteilung liegen."));

    let good = [
        ("recipient_org_id", yw_org.as_str()),
        ("scope_identity", "on"),
        ("scope_family", "on"),
        ("purpose", "Hilfeplan"),
        ("given_on", "2026-01-10"),
        ("document_ref", "Ordner 7"),
    ];
    let r = app
        .form(&format!("/persons/{pid}/consents"), &good, Auth::Cookie(&c))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = app.get(&format!("/persons/{pid}"), Auth::Cookie(&c)).await;
    assert!(page.body.contains("Familie und Haushalt"));
    assert!(page.body.contains(">gültig<"));
    // The consent alone opens nothing; a referral resting on it does, once accepted.
    assert_eq!(
        app.get(&format!("/api/v1/persons/{pid}"), Auth::Bearer(&yw))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let list = app
        .get(&format!("/api/v1/persons/{pid}/consents"), Auth::Bearer(&c))
        .await
        .json();
    let r = app
        .call(
            Method::POST,
            &format!("/api/v1/persons/{pid}/referrals"),
            Some(
                json!({"to_org_id": yw_org, "scope": ["identity"], "purpose": "Hilfeplan",
                        "consent_id": list[0]["id"], "send": true}),
            ),
            Auth::Bearer(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let referral = r.json();
    let r = app
        .call(
            Method::POST,
            &format!(
                "/api/v1/referrals/{}/accept",
                referral["id"].as_str().unwrap()
            ),
            Some(json!({"version": referral["version"]})),
            Auth::Bearer(&yw),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(
        app.get(&format!("/api/v1/persons/{pid}"), Auth::Bearer(&yw))
            .await
            .status,
        StatusCode::OK
    );
    // The recipient sees the page, but no withdraw or new-consent form.
    let theirs = app.get(&format!("/persons/{pid}"), Auth::Cookie(&yw)).await;
    assert_eq!(theirs.status, StatusCode::OK);
    assert!(!theirs.body.contains("/withdraw"));

    let list = app
        .get(&format!("/api/v1/persons/{pid}/consents"), Auth::Bearer(&c))
        .await
        .json();
    let cid = list[0]["id"].as_str().unwrap();
    let r = app
        .form(
            &format!("/persons/{pid}/consents/{cid}/withdraw"),
            &[("version", "1")],
            Auth::Cookie(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        app.get(&format!("/api/v1/persons/{pid}"), Auth::Bearer(&yw))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}
