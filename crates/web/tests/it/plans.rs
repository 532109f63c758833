//! The integration plan: goals, steps and follow-ups over the API, stale versions, the
//! reason rule, access (notes: responsible counsellor and team leads), the dashboard's due
//! list per caseload, the plan page and the printable plan.

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{Auth, Reply, TestApp};

pub(super) async fn person(app: &TestApp, token: &str, extra: Value) -> String {
    let mut body =
        json!({"family_name": "Nasser", "given_names": "Layla", "birth_date": "1994-03-11"});
    if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
        b.extend(e.clone());
    }
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

async fn send(app: &TestApp, token: &str, method: Method, path: &str, body: Value) -> Reply {
    app.call(method, path, Some(body), Auth::Bearer(token))
        .await
}

pub(super) async fn created(app: &TestApp, token: &str, path: &str, body: Value) -> Value {
    let r = send(app, token, Method::POST, path, body).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    r.json()
}

/// A person with one goal, one step due `due_on`; returns (person id, goal, step).
pub(super) async fn plan_with_step(
    app: &TestApp,
    token: &str,
    due_on: &str,
) -> (String, Value, Value) {
    let id = person(app, token, json!({})).await;
    let goal = created(
        app,
        token,
        &format!("/api/v1/persons/{id}/plan/goals"),
        json!({"action_field": "language", "title": "Deutsch B1 erreichen"}),
    )
    .await;
    let step = created(
        app,
        token,
        &format!("/api/v1/persons/{id}/plan/steps"),
        json!({"goal_id": goal["id"], "title": "Zum Integrationskurs anmelden",
               "owner_kind": "person", "due_on": due_on}),
    )
    .await;
    (id, goal, step)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_goal_step_follow_up_and_read_the_plan() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let (id, goal, step) = plan_with_step(&app, &c, "2026-12-15").await;
    assert_eq!(goal["status"], "open");
    assert_eq!(goal["version"], 1);
    assert_eq!(step["status"], "open");
    assert_eq!(step["due_on"], "2026-12-15");
    let jc = app.org_id("job_centre").await;
    let partner = created(
        &app,
        &c,
        &format!("/api/v1/persons/{id}/plan/steps"),
        json!({"goal_id": goal["id"], "title": "Beratung Jobcenter", "owner_kind": "partner_organisation",
               "owner_org_id": jc, "due_on": "03.12.2026"}),
    )
    .await;
    assert_eq!(partner["owner_org_id"], jc.as_str());
    assert_eq!(partner["due_on"], "2026-12-03");
    let fu = created(
        &app,
        &c,
        &format!("/api/v1/persons/{id}/plan/follow-ups"),
        json!({"due_on": "2026-12-20", "kind": "phone", "note": "Kursstart erfragen"}),
    )
    .await;
    assert_eq!(fu["kind"], "phone");
    assert!(fu["counsellor_id"].is_string());
    // Mark the step done, then the follow-up.
    let r = send(
        &app,
        &c,
        Method::PUT,
        &format!(
            "/api/v1/persons/{id}/plan/steps/{}",
            step["id"].as_str().unwrap()
        ),
        json!({"version": 1, "status": "done"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["version"], 2);
    assert!(r.json()["done_on"].is_string());
    assert_eq!(r.json()["title"], "Zum Integrationskurs anmelden");
    // Final unless reopened explicitly.
    let r = send(
        &app,
        &c,
        Method::PUT,
        &format!(
            "/api/v1/persons/{id}/plan/steps/{}",
            step["id"].as_str().unwrap()
        ),
        json!({"version": 2, "status": "open"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let r = send(
        &app,
        &c,
        Method::PUT,
        &format!(
            "/api/v1/persons/{id}/plan/follow-ups/{}",
            fu["id"].as_str().unwrap()
        ),
        json!({"version": 1, "done": true}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.json()["done_at"].is_string());

    let r = app
        .get(&format!("/api/v1/persons/{id}/plan"), Auth::Bearer(&c))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let plan = r.json();
    assert_eq!(plan["goals"].as_array().unwrap().len(), 1);
    assert_eq!(plan["steps"].as_array().unwrap().len(), 2);
    assert_eq!(plan["follow_ups"].as_array().unwrap().len(), 1);
    // History and audit: field-level changes as notes.
    let lead = app.login("team_lead").await;
    let history = app
        .get(
            &format!("/api/v1/persons/{id}/history"),
            Auth::Bearer(&lead),
        )
        .await;
    assert!(
        history.body.contains(&format!(
            "plan.step.{}.status",
            step["id"].as_str().unwrap()
        )),
        "{}",
        history.body
    );
    let trail = app
        .get(&format!("/api/v1/persons/{id}/audit"), Auth::Bearer(&lead))
        .await
        .json();
    let trail = trail.as_array().unwrap();
    for action in [
        "plan.goal.create",
        "plan.step.update",
        "plan.follow_up.update",
        "plan.read",
    ] {
        assert!(
            trail
                .iter()
                .any(|e| e["action"] == action && e["data_classes"] == "notes"),
            "{action}: {trail:#?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stale_version_is_409_naming_who_and_dropping_needs_a_reason() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let lead = app.login("team_lead").await;
    let (id, goal, step) = plan_with_step(&app, &c, "2026-12-15").await;
    let goal_path = format!(
        "/api/v1/persons/{id}/plan/goals/{}",
        goal["id"].as_str().unwrap()
    );
    let r = send(
        &app,
        &c,
        Method::PUT,
        &goal_path,
        json!({"version": 1, "title": "Deutsch B2"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = send(
        &app,
        &lead,
        Method::PUT,
        &goal_path,
        json!({"version": 1, "title": "Deutsch C1"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    assert!(
        r.json()["detail"]
            .as_str()
            .unwrap()
            .contains("Beratung Migrationszentrum"),
        "{}",
        r.body
    );
    // A PUT without version is refused, not applied.
    let r = send(
        &app,
        &c,
        Method::PUT,
        &goal_path,
        json!({"title": "ohne Version"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);

    let step_path = format!(
        "/api/v1/persons/{id}/plan/steps/{}",
        step["id"].as_str().unwrap()
    );
    let r = send(
        &app,
        &c,
        Method::PUT,
        &step_path,
        json!({"version": 1, "status": "dropped"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("status_reason"), "{}", r.body);
    let r = send(
        &app,
        &c,
        Method::PUT,
        &step_path,
        json!({"version": 1, "status": "dropped", "status_reason": "Kurs ausgebucht"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["status_reason"], "Kurs ausgebucht");
    // Bad input: all field errors at once, nothing stored.
    let r = send(
        &app,
        &c,
        Method::POST,
        &format!("/api/v1/persons/{id}/plan/steps"),
        json!({"goal_id": goal["id"], "title": "x".repeat(201), "owner_kind": "boss", "due_on": "31.02.2026"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    for field in ["title", "owner_kind", "due_on"] {
        assert!(r.body.contains(field), "{field}: {}", r.body);
    }
    let plan = app
        .get(&format!("/api/v1/persons/{id}/plan"), Auth::Bearer(&c))
        .await
        .json();
    assert_eq!(plan["steps"].as_array().unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn placement_officer_cannot_read_or_write_the_plan() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let jc = app.org_id("job_centre").await;
    let id = person(
        &app,
        &c,
        json!({"benefits_law": "sgb2", "responsible_org_id": jc}),
    )
    .await;
    created(
        &app,
        &c,
        &format!("/api/v1/persons/{id}/plan/goals"),
        json!({"action_field": "work", "title": "Arbeit als Pflegehelferin"}),
    )
    .await;
    let po = app.login("placement_officer").await;
    let r = app
        .get(&format!("/api/v1/persons/{id}/plan"), Auth::Bearer(&po))
        .await;
    assert!(
        matches!(r.status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
        "{} {}",
        r.status,
        r.body
    );
    assert!(!r.body.contains("Pflegehelferin"));
    let r = send(
        &app,
        &po,
        Method::POST,
        &format!("/api/v1/persons/{id}/plan/goals"),
        json!({"action_field": "work", "title": "x"}),
    )
    .await;
    assert!(
        matches!(r.status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
        "{}",
        r.status
    );
}

mod ui;
