//! The plan in the browser: the page, its forms, the printable plan, the dashboard's due list.

use axum::http::StatusCode;
use serde_json::json;

use super::{created, person, plan_with_step};
use crate::support::{Auth, TestApp};

fn today_plus(days: i64) -> String {
    (time::OffsetDateTime::now_utc().date() + time::Duration::days(days)).to_string()
}

async fn second_counsellor(app: &TestApp) -> String {
    let admin = app.login("admin").await;
    let org = app.org_id("migration_centre").await;
    let body = json!({"username": "zweite", "display_name": "Zweite Beraterin", "role": "counsellor",
                      "org_id": org, "password": "ein langes Passwort"});
    let r = app
        .call(
            axum::http::Method::POST,
            "/api/v1/users",
            Some(body),
            Auth::Bearer(&admin),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    app.login_as("zweite", "ein langes Passwort").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dashboard_lists_overdue_steps_of_the_own_caseload_only() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let (id, _, _) = plan_with_step(&app, &c, &today_plus(-3)).await;
    created(
        &app,
        &c,
        &format!("/api/v1/persons/{id}/plan/follow-ups"),
        json!({"due_on": today_plus(5), "kind": "appointment", "note": "Kursbeginn besprechen"}),
    )
    .await;
    // Far in the future: not on the dashboard.
    created(
        &app,
        &c,
        &format!("/api/v1/persons/{id}/plan/follow-ups"),
        json!({"due_on": today_plus(60), "kind": "phone", "note": "Später anrufen"}),
    )
    .await;
    let page = app.get("/", Auth::Cookie(&c)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Zum Integrationskurs anmelden"),
        "{}",
        page.body
    );
    assert!(page.body.contains("überfällig"), "{}", page.body);
    assert!(page.body.contains("Kursbeginn besprechen"));
    assert!(!page.body.contains("Später anrufen"));
    assert!(page.body.contains(&format!("/persons/{id}/plan")));

    let other = second_counsellor(&app).await;
    let page = app.get("/", Auth::Cookie(&other)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        !page.body.contains("Zum Integrationskurs anmelden"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("Nasser"));

    // The team lead sees the team's.
    let lead = app.login("team_lead").await;
    let page = app.get("/", Auth::Cookie(&lead)).await;
    assert!(
        page.body.contains("Zum Integrationskurs anmelden"),
        "{}",
        page.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plan_page_forms_and_printable_plan() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let id = person(&app, &c, json!({})).await;
    let person_page = app.get(&format!("/persons/{id}"), Auth::Cookie(&c)).await;
    assert!(
        person_page.body.contains(&format!("/persons/{id}/plan")),
        "{}",
        person_page.body
    );

    let r = app
        .form(
            &format!("/persons/{id}/plan/goals"),
            &[
                ("action_field", "housing"),
                ("title", "Eigene Wohnung finden"),
                ("description", ""),
            ],
            Auth::Cookie(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let plan = app
        .get(&format!("/api/v1/persons/{id}/plan"), Auth::Bearer(&c))
        .await
        .json();
    let goal_id = plan["goals"][0]["id"].as_str().unwrap().to_owned();
    let r = app
        .form(
            &format!("/persons/{id}/plan/steps"),
            &[
                ("goal_id", &goal_id),
                ("title", "WBS beantragen"),
                ("owner_kind", "person"),
                ("owner_org_id", ""),
                ("due_on", "2026-01-10"),
            ],
            Auth::Cookie(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // Bad input: the page again with the messages, in German.
    let r = app
        .form(
            &format!("/persons/{id}/plan/follow-ups"),
            &[("due_on", "31.02.2026"), ("kind", "phone"), ("note", "")],
            Auth::Cookie(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("Fällig am"), "{}", r.body);

    let page = app
        .get(&format!("/persons/{id}/plan"), Auth::Cookie(&c))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Wohnen"));
    assert!(page.body.contains("WBS beantragen"));
    assert!(
        page.body.contains("überfällig"),
        "an overdue step is marked"
    );
    let step_id = app
        .get(&format!("/api/v1/persons/{id}/plan"), Auth::Bearer(&c))
        .await
        .json()["steps"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // Dropping without reason is refused with a message; with one it is saved.
    let path = format!("/persons/{id}/plan/steps/{step_id}");
    let r = app
        .form(
            &path,
            &[
                ("version", "1"),
                ("status", "dropped"),
                ("status_reason", ""),
            ],
            Auth::Cookie(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("Begründung"), "{}", r.body);
    let r = app
        .form(
            &path,
            &[("version", "1"), ("status", "done"), ("status_reason", "")],
            Auth::Cookie(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    let print = app
        .get(
            &format!("/persons/{id}/plan/print?lang=en"),
            Auth::Cookie(&c),
        )
        .await;
    assert_eq!(print.status, StatusCode::OK);
    for text in [
        "Integrationsplan",
        "Integration plan",
        "Wohnen",
        "Housing",
        "WBS beantragen",
        "erledigt",
        "done",
        "/static/app.css",
    ] {
        assert!(print.body.contains(text), "{text}: {}", print.body);
    }
    let po = app.login("placement_officer").await;
    let r = app
        .get(&format!("/persons/{id}/plan/print"), Auth::Cookie(&po))
        .await;
    assert!(
        matches!(r.status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
        "{}",
        r.status
    );
    assert!(!r.body.contains("WBS beantragen"));
}
