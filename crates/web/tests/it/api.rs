//! The JSON API, route by route.

use axum::http::{Method, StatusCode, header};
use serde_json::{Value, json};

use crate::support::{Auth, PASSWORD, TestApp};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_and_openapi() {
    let app = TestApp::new().await;
    let r = app.get("/healthz", Auth::None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json(), json!({"status": "ok"}));
    let r = app.get("/api/openapi.json", Auth::None).await;
    assert_eq!(r.status, StatusCode::OK);
    let doc = r.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    insta::assert_json_snapshot!("openapi", doc);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_returns_a_token_that_lists_the_demo_users() {
    let app = TestApp::new().await;
    let r = app
        .call(
            Method::POST,
            "/api/v1/session",
            Some(json!({"username": "admin", "password": PASSWORD})),
            Auth::None,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let set_cookie = r
        .headers
        .get(header::SET_COOKIE)
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Strict"),
        "{set_cookie}"
    );
    let token = r.json()["token"].as_str().unwrap().to_owned();
    assert_eq!(r.json()["user"]["role"], "admin");
    let r = app.get("/api/v1/users", Auth::Bearer(&token)).await;
    assert_eq!(r.status, StatusCode::OK);
    let names: Vec<String> = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap().to_owned())
        .collect();
    for role in ankommen_domain::Role::ALL {
        assert!(
            names.contains(&role.as_str().to_owned()),
            "{role} missing in {names:?}"
        );
    }
    assert!(r.json()[0].get("password_hash").is_none());
    // The same without a token: 401 problem+json.
    let r = app.get("/api/v1/users", Auth::None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/problem+json");
    assert_eq!(r.json()["status"], 401);
    assert!(r.json()["detail"].as_str().unwrap().contains("Bearer"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_credentials_and_the_rate_limit() {
    let app = TestApp::new().await;
    let bad = json!({"username": "counsellor", "password": "wrong password"});
    for _ in 0..5 {
        let r = app
            .call(
                Method::POST,
                "/api/v1/session",
                Some(bad.clone()),
                Auth::None,
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert_eq!(r.json()["detail"], "wrong user name or password");
    }
    // The sixth attempt is refused even with the right password.
    let good = json!({"username": "counsellor", "password": PASSWORD});
    let r = app
        .call(Method::POST, "/api/v1/session", Some(good), Auth::None)
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.headers.contains_key(header::RETRY_AFTER));
    assert!(
        r.json()["detail"]
            .as_str()
            .unwrap()
            .contains("too many failed logins")
    );
    // Other users are not affected; unknown users get the same answer as wrong passwords.
    assert!(app.login("team_lead").await.len() == 64);
    let r = app
        .call(
            Method::POST,
            "/api/v1/session",
            Some(json!({"username": "nobody", "password": "x"})),
            Auth::None,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.json()["detail"], "wrong user name or password");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_bodies_get_specific_problems() {
    let app = TestApp::new().await;
    let token = app.login("admin").await;
    let r = app
        .raw(
            Method::POST,
            "/api/v1/users",
            "{not json",
            "application/json",
            Auth::Bearer(&token),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/problem+json");
    let r = app
        .raw(
            Method::POST,
            "/api/v1/users",
            "{}",
            "text/plain",
            Auth::Bearer(&token),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(
        r.json()["detail"]
            .as_str()
            .unwrap()
            .contains("application/json")
    );
    let r = app
        .call(
            Method::POST,
            "/api/v1/users",
            Some(json!({"username": "x"})),
            Auth::Bearer(&token),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.json()["detail"]
            .as_str()
            .unwrap()
            .contains("missing field"),
        "{}",
        r.json()
    );
    let org = app.org_id("migration_centre").await;
    let body = json!({"username": "neu", "display_name": "x".repeat(201), "role": "superuser", "org_id": org, "password": "lang genug 123"});
    let r = app
        .call(
            Method::POST,
            "/api/v1/users",
            Some(body),
            Auth::Bearer(&token),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<String> = r.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(fields, ["display_name", "role"]);
    assert!(
        r.json()["errors"][1]["message"]
            .as_str()
            .unwrap()
            .contains("unknown role 'superuser'")
    );
    // Nothing was written.
    let r = app.get("/api/v1/users?q=neu", Auth::Bearer(&token)).await;
    assert_eq!(r.json().as_array().unwrap().len(), 0);
    // Unknown ids are 404 problems; unknown API paths too.
    assert_eq!(
        app.get("/api/v1/users/not-a-uuid", Auth::Bearer(&token))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let r = app.get("/api/v1/nothing-here", Auth::Bearer(&token)).await;
    assert_eq!(
        (r.status, r.headers[header::CONTENT_TYPE].to_str().unwrap()),
        (StatusCode::NOT_FOUND, "application/problem+json")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_creates_and_edits_users_with_optimistic_concurrency() {
    let app = TestApp::new().await;
    let token = app.login("admin").await;
    let org = app.org_id("migration_centre").await;
    let body = json!({"username": "Anna.Schmidt", "display_name": "Anna Schmidt", "role": "counsellor", "org_id": org, "password": "ein langes Passwort"});
    let r = app
        .call(
            Method::POST,
            "/api/v1/users",
            Some(body.clone()),
            Auth::Bearer(&token),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let user = r.json();
    assert_eq!(user["username"], "anna.schmidt");
    let r = app
        .call(
            Method::POST,
            "/api/v1/users",
            Some(body),
            Auth::Bearer(&token),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["errors"][0]["code"], "username_taken");
    // The new user can log in.
    let anna = app.login_as("anna.schmidt", "ein langes Passwort").await;
    assert_eq!(
        app.get("/api/v1/session", Auth::Bearer(&anna)).await.json()["display_name"],
        "Anna Schmidt"
    );
    // Two admins edit at once: the second, stale write is refused naming the first.
    let id = user["id"].as_str().unwrap();
    let update = |name: &str, version: i64| json!({"username": "anna.schmidt", "display_name": name, "role": "counsellor", "org_id": org, "version": version});
    let r = app
        .call(
            Method::PUT,
            &format!("/api/v1/users/{id}"),
            Some(update("Anna S.", 1)),
            Auth::Bearer(&token),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["version"], 2);
    let r = app
        .call(
            Method::PUT,
            &format!("/api/v1/users/{id}"),
            Some(update("Anna Sch.", 1)),
            Auth::Bearer(&token),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(
        r.json()["detail"]
            .as_str()
            .unwrap()
            .contains("Administration Migrationszentrum"),
        "{}",
        r.body
    );
    // Disabling ends her sessions at once.
    let mut disable = update("Anna S.", 2);
    disable["disabled"] = json!(true);
    assert_eq!(
        app.call(
            Method::PUT,
            &format!("/api/v1/users/{id}"),
            Some(disable),
            Auth::Bearer(&token)
        )
        .await
        .status,
        StatusCode::OK
    );
    assert_eq!(
        app.get("/api/v1/session", Auth::Bearer(&anna)).await.status,
        StatusCode::UNAUTHORIZED
    );
    let r = app
        .call(
            Method::POST,
            "/api/v1/session",
            Some(json!({"username": "anna.schmidt", "password": "ein langes Passwort"})),
            Auth::None,
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn policy_denials_are_403_and_audited() {
    let app = TestApp::new().await;
    let counsellor = app.login("counsellor").await;
    let r = app.get("/api/v1/users", Auth::Bearer(&counsellor)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.json()["status"], 403);
    let r = app
        .call(
            Method::POST,
            "/api/v1/api-tokens",
            Some(json!({"user_id": "x", "name": "y"})),
            Auth::Bearer(&counsellor),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Team leads may read accounts, not change them.
    let lead = app.login("team_lead").await;
    assert_eq!(
        app.get("/api/v1/users", Auth::Bearer(&lead)).await.status,
        StatusCode::OK
    );
    assert_eq!(
        app.call(
            Method::POST,
            "/api/v1/organisations",
            Some(json!({"name": "x", "kind": "municipality"})),
            Auth::Bearer(&lead)
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    let admin = app.login("admin").await;
    let log = app
        .get("/api/v1/audit?limit=50", Auth::Bearer(&admin))
        .await
        .json();
    let denials = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "access.denied" && e["outcome"] == "denied")
        .count();
    assert_eq!(denials, 3, "{log:#}");
    assert_eq!(
        app.get("/api/v1/audit", Auth::Bearer(&counsellor))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logout_ends_the_session_and_sessions_survive_a_restart() {
    let app = TestApp::new().await;
    let token = app.login("editor").await;
    // A second server instance on the same database knows the session.
    let second = app.second_instance();
    assert_eq!(
        second
            .get("/api/v1/session", Auth::Bearer(&token))
            .await
            .status,
        StatusCode::OK
    );
    let r = app
        .call(
            Method::DELETE,
            "/api/v1/session",
            None,
            Auth::Bearer(&token),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(
        second
            .get("/api/v1/session", Auth::Bearer(&token))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let r = app
        .get("/api/v1/session", Auth::Bearer("not-a-token"))
        .await;
    assert_eq!(
        r.json()["detail"],
        "the token is invalid, expired or revoked"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_tokens_are_issued_shown_once_and_revoked() {
    let app = TestApp::new().await;
    let admin = app.login("admin").await;
    let users = app
        .get("/api/v1/users?role=analyst", Auth::Bearer(&admin))
        .await
        .json();
    let analyst_id = users[0]["id"].as_str().unwrap().to_owned();
    let r = app
        .call(
            Method::POST,
            "/api/v1/api-tokens",
            Some(json!({"user_id": analyst_id, "name": "Auswertung", "expires_in_days": 30})),
            Auth::Bearer(&admin),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let secret = r.json()["token"].as_str().unwrap().to_owned();
    let id = r.json()["id"].as_str().unwrap().to_owned();
    assert_eq!(
        app.get("/api/v1/session", Auth::Bearer(&secret))
            .await
            .json()["username"],
        "analyst"
    );
    let listed = app.get("/api/v1/api-tokens", Auth::Bearer(&admin)).await;
    assert!(!listed.body.contains(&secret), "the secret is never listed");
    let r = app
        .call(
            Method::DELETE,
            &format!("/api/v1/api-tokens/{id}"),
            None,
            Auth::Bearer(&admin),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.json()["revoked_at"].is_string());
    assert_eq!(
        app.get("/api/v1/session", Auth::Bearer(&secret))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let r = app
        .call(
            Method::POST,
            "/api/v1/api-tokens",
            Some(json!({"user_id": analyst_id, "name": "x", "expires_in_days": 0})),
            Auth::Bearer(&admin),
        )
        .await;
    assert_eq!(r.json()["errors"][0]["field"], "expires_in_days");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn own_password_change() {
    let app = TestApp::new().await;
    let token = app.login("provider").await;
    let r = app
        .call(
            Method::PUT,
            "/api/v1/me/password",
            Some(json!({"current_password": "falsch", "new_password": "ein neues Passwort"})),
            Auth::Bearer(&token),
        )
        .await;
    assert_eq!(r.json()["errors"][0]["code"], "wrong_password");
    let r = app
        .call(
            Method::PUT,
            "/api/v1/me/password",
            Some(json!({"current_password": PASSWORD, "new_password": "kurz"})),
            Auth::Bearer(&token),
        )
        .await;
    assert_eq!(r.json()["errors"][0]["code"], "password_too_short");
    let r = app
        .call(
            Method::PUT,
            "/api/v1/me/password",
            Some(json!({"current_password": PASSWORD, "new_password": "ein neues Passwort"})),
            Auth::Bearer(&token),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    app.login_as("provider", "ein neues Passwort").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_jobs_are_visible_and_can_be_retried() {
    let app = TestApp::new().await;
    let admin = app.login("admin").await;
    app.enqueue_email().await;
    // No SMTP configured: the job fails, is retried with backoff, then fails for good.
    assert!(
        ankommen_web::jobs::run_one(&app.state, "test-worker")
            .await
            .unwrap()
    );
    app.make_jobs_due().await;
    assert!(
        ankommen_web::jobs::run_one(&app.state, "test-worker")
            .await
            .unwrap()
    );
    let failed = app
        .get("/api/v1/jobs?status=failed", Auth::Bearer(&admin))
        .await
        .json();
    assert_eq!(failed.as_array().unwrap().len(), 1, "{failed:#}");
    assert!(
        failed[0]["last_error"]
            .as_str()
            .unwrap()
            .contains("SMTP is not configured")
    );
    let id = failed[0]["id"].as_str().unwrap();
    assert_eq!(
        app.call(
            Method::POST,
            &format!("/api/v1/jobs/{id}/retry"),
            None,
            Auth::Bearer(&admin)
        )
        .await
        .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.get("/api/v1/jobs?status=queued", Auth::Bearer(&admin))
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        app.get("/api/v1/jobs?status=bogus", Auth::Bearer(&admin))
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn organisations_crud() {
    let app = TestApp::new().await;
    let admin = app.login("admin").await;
    let r = app.call(Method::POST, "/api/v1/organisations", Some(json!({"name": "Sprachtreff Belm", "kind": "course_provider", "email": "info@sprachtreff.example"})), Auth::Bearer(&admin)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let org: Value = r.json();
    let r = app
        .call(
            Method::POST,
            "/api/v1/organisations",
            Some(json!({"name": "Sprachtreff Belm", "kind": "course_provider"})),
            Auth::Bearer(&admin),
        )
        .await;
    assert_eq!(r.json()["errors"][0]["code"], "name_taken");
    let id = org["id"].as_str().unwrap();
    let r = app.call(Method::PUT, &format!("/api/v1/organisations/{id}"), Some(json!({"name": "Sprachtreff Belm", "kind": "course_provider", "parent_id": id, "version": 1})), Auth::Bearer(&admin)).await;
    assert_eq!(r.json()["errors"][0]["code"], "own_parent");
    let r = app.call(Method::PUT, &format!("/api/v1/organisations/{id}"), Some(json!({"name": "Sprachtreff Belm e.V.", "kind": "course_provider", "disabled": true, "version": 1})), Auth::Bearer(&admin)).await;
    assert_eq!(
        (r.status, r.json()["disabled"].clone()),
        (StatusCode::OK, json!(true))
    );
    assert_eq!(
        app.get("/api/v1/municipalities", Auth::Bearer(&admin))
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        34
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reminders_become_emails_to_the_user_or_fail_visibly() {
    let app = TestApp::new().await;
    let admin = app.login("admin").await;
    let users = app
        .get("/api/v1/users?role=counsellor", Auth::Bearer(&admin))
        .await
        .json();
    let counsellor = users[0].clone();
    let id = counsellor["id"].as_str().unwrap().to_owned();
    app.enqueue(
        "reminder",
        json!({"user_id": id, "subject": "Wiedervorlage", "text": "Termin morgen"}),
    )
    .await;
    assert!(ankommen_web::jobs::run_one(&app.state, "w").await.unwrap());
    // The counsellor has no e-mail address yet: the reminder fails with a reason.
    let queued = app
        .get("/api/v1/jobs?status=queued", Auth::Bearer(&admin))
        .await
        .json();
    assert!(
        queued[0]["last_error"]
            .as_str()
            .unwrap()
            .contains("no e-mail address"),
        "{queued:#}"
    );
    let mut body = counsellor.clone();
    body["email"] = json!("beratung@example.org");
    assert_eq!(
        app.call(
            Method::PUT,
            &format!("/api/v1/users/{id}"),
            Some(body),
            Auth::Bearer(&admin)
        )
        .await
        .status,
        StatusCode::OK
    );
    app.make_all_jobs_due().await;
    assert!(ankommen_web::jobs::run_one(&app.state, "w").await.unwrap());
    let jobs = app.get("/api/v1/jobs", Auth::Bearer(&admin)).await.json();
    let kinds: Vec<(&str, &str)> = jobs
        .as_array()
        .unwrap()
        .iter()
        .map(|j| (j["kind"].as_str().unwrap(), j["status"].as_str().unwrap()))
        .collect();
    assert!(
        kinds.contains(&("reminder", "done")) && kinds.contains(&("email", "queued")),
        "{kinds:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_bodies_are_413() {
    let app = TestApp::new().await;
    let admin = app.login("admin").await;
    let big = json!({"name": "x".repeat(300 * 1024), "kind": "municipality"});
    let r = app
        .call(
            Method::POST,
            "/api/v1/organisations",
            Some(big),
            Auth::Bearer(&admin),
        )
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.json()["status"], 413);
}
