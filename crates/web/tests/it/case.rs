//! The case lifecycle on the person page: reassign, close with a reason, reopen; the
//! timeline shows each step with who made it.

use axum::http::{Method, StatusCode};
use serde_json::json;

use crate::support::{Auth, TestApp};

async fn user_id(app: &TestApp, token: &str, username: &str) -> String {
    let users = app.get("/api/v1/users", Auth::Bearer(token)).await.json();
    users
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["username"] == username)
        .unwrap_or_else(|| panic!("no user {username}: {users:#}"))["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn person(app: &TestApp, token: &str, id: &str) -> serde_json::Value {
    let r = app
        .get(&format!("/api/v1/persons/{id}"), Auth::Bearer(token))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    r.json()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reassign_close_and_reopen_from_the_person_page() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let lead = app.login("team_lead").await;
    let admin = app.login("admin").await;
    let lead_id = user_id(&app, &admin, "team_lead").await;
    let provider_id = user_id(&app, &admin, "provider").await;
    let r = app
        .call(
            Method::POST,
            "/api/v1/persons",
            Some(json!({"family_name": "Karimi", "given_names": "Leyla", "birth_date": "1988-02-11"})),
            Auth::Bearer(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id = r.json()["person"]["id"].as_str().unwrap().to_owned();
    let page = app.get(&format!("/persons/{id}"), Auth::Cookie(&c)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(r#"action="/persons/"#) && page.body.contains("/case\""));

    // Closing needs a reason: the form comes back with the message, nothing is stored.
    let r = app
        .form(
            &format!("/persons/{id}/case"),
            &[
                ("case_status", "closed"),
                ("case_status_reason", ""),
                ("version", "1"),
            ],
            Auth::Cookie(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("case-reason-error"), "{}", r.body);
    assert_eq!(person(&app, &c, &id).await["version"], 1);

    // Only an active counsellor or team lead can be responsible.
    let r = app
        .form(
            &format!("/persons/{id}/case"),
            &[
                ("counsellor_id", &provider_id),
                ("case_status", "open"),
                ("version", "1"),
            ],
            Auth::Cookie(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("case-counsellor-error"), "{}", r.body);
    let r = app
        .call(
            Method::PUT,
            &format!("/api/v1/persons/{id}"),
            Some(
                json!({"family_name": "Karimi", "given_names": "Leyla", "birth_date": "1988-02-11",
                "counsellor_id": provider_id, "version": 1}),
            ),
            Auth::Bearer(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(
        r.json()["errors"][0]["code"],
        "not_a_counsellor",
        "{}",
        r.body
    );

    // Reassign to the team lead.
    let r = app
        .form(
            &format!("/persons/{id}/case"),
            &[
                ("counsellor_id", &lead_id),
                ("case_status", "open"),
                ("version", "1"),
            ],
            Auth::Cookie(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let p = person(&app, &lead, &id).await;
    assert_eq!(
        p["data"]["identity"]["counsellor_id"],
        lead_id.as_str(),
        "{p:#}"
    );

    // The team lead closes the case with a reason, then reopens it.
    let r = app
        .form(
            &format!("/persons/{id}/case"),
            &[
                ("counsellor_id", &lead_id),
                ("case_status", "closed"),
                ("case_status_reason", "Umzug nach Bremen"),
                ("version", "2"),
            ],
            Auth::Cookie(&lead),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let p = person(&app, &lead, &id).await;
    assert_eq!(p["data"]["identity"]["case_status"], "closed");
    assert_eq!(
        p["data"]["identity"]["case_status_reason"],
        "Umzug nach Bremen"
    );
    // A second post of the same (now stale) form changes nothing and says why.
    let r = app
        .form(
            &format!("/persons/{id}/case"),
            &[
                ("counsellor_id", &lead_id),
                ("case_status", "dormant"),
                ("version", "2"),
            ],
            Auth::Cookie(&lead),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(
        person(&app, &lead, &id).await["data"]["identity"]["case_status"],
        "closed"
    );
    let r = app
        .form(
            &format!("/persons/{id}/case"),
            &[
                ("counsellor_id", &lead_id),
                ("case_status", "open"),
                ("case_status_reason", "Rückkehr in den Landkreis"),
                ("version", "3"),
            ],
            Auth::Cookie(&lead),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        person(&app, &lead, &id).await["data"]["identity"]["case_status"],
        "open"
    );

    // The timeline on the page names each change and who made it.
    let page = app
        .get(&format!("/persons/{id}"), Auth::Cookie(&lead))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let timeline = &page.body[page.body.find(r#"id="timeline""#).expect("a timeline")..];
    assert!(timeline.contains("Umzug nach Bremen"), "{timeline}");
    assert!(timeline.contains("Rückkehr in den Landkreis"));
    assert!(
        timeline.contains("Teamleitung Migrationszentrum"),
        "{timeline}"
    );
    let history = app
        .get(
            &format!("/api/v1/persons/{id}/history"),
            Auth::Bearer(&lead),
        )
        .await
        .json();
    let statuses: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["field"] == "case_status")
        .map(|h| h["new_value"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["open", "closed"], "{history:#}");
}
