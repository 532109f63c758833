//! The HTML UI: language, errors, forms, CSRF, security headers.

use axum::http::{StatusCode, header};

use crate::support::{Auth, PASSWORD, TestApp};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_page_is_german_by_default_and_english_on_request() {
    let app = TestApp::new().await;
    let r = app.get("/login", Auth::None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains(r#"<html lang="de" dir="ltr">"#));
    assert!(r.body.contains("Anmelden"));
    let csp = r.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(
        csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"),
        "{csp}"
    );
    assert_eq!(r.headers[header::X_FRAME_OPTIONS], "DENY");
    assert_eq!(r.headers[header::CACHE_CONTROL], "no-store");
    let r = app.get("/login?lang=en", Auth::None).await;
    assert!(r.body.contains(r#"<html lang="en" dir="ltr">"#) && r.body.contains("Log in"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn html_login_logout_and_wrong_password_message() {
    let app = TestApp::new().await;
    let r = app
        .form(
            "/login",
            &[("username", "admin"), ("password", "falsch")],
            Auth::None,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(r.body.contains("Benutzername oder Passwort ist falsch."));
    let r = app
        .form(
            "/login",
            &[
                ("username", "admin"),
                ("password", PASSWORD),
                ("next", "/admin/users"),
            ],
            Auth::None,
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.headers[header::LOCATION], "/admin/users");
    let cookie = r.headers[header::SET_COOKIE].to_str().unwrap();
    let token = cookie
        .split(';')
        .next()
        .unwrap()
        .split_once('=')
        .unwrap()
        .1
        .to_owned();
    let page = app.get("/admin/users", Auth::Cookie(&token)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("volunteer_coordinator"));
    // An open redirect is not possible.
    let r = app
        .form(
            "/login",
            &[
                ("username", "editor"),
                ("password", PASSWORD),
                ("next", "//evil.example/"),
            ],
            Auth::None,
        )
        .await;
    assert_eq!(r.headers[header::LOCATION], "/");
    let r = app.form("/logout", &[], Auth::Cookie(&token)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = app.get("/admin/users", Auth::Cookie(&token)).await;
    assert_eq!(
        r.status,
        StatusCode::SEE_OTHER,
        "logged out: back to the login page"
    );
    assert!(
        r.headers[header::LOCATION]
            .to_str()
            .unwrap()
            .starts_with("/login?next=")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cross_site_form_posts_are_refused() {
    let app = TestApp::new().await;
    let token = app.login("admin").await;
    let org = app.org_id("migration_centre").await;
    let fields = [
        ("username", "mallory"),
        ("display_name", "M"),
        ("role", "admin"),
        ("org_id", org.as_str()),
        ("password", "ein langes Passwort"),
    ];
    let r = app
        .form("/admin/users", &fields, Auth::CrossSiteCookie(&token))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app
        .form("/admin/users", &fields, Auth::Cookie(&token))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn form_errors_are_shown_next_to_the_fields_in_the_users_language() {
    let app = TestApp::new().await;
    let token = app.login("admin").await;
    let org = app.org_id("migration_centre").await;
    let fields = [
        ("username", "a b"),
        ("display_name", "Bernd"),
        ("role", "counsellor"),
        ("org_id", org.as_str()),
        ("password", "kurz"),
    ];
    let r = app
        .form("/admin/users", &fields, Auth::Cookie(&token))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains(r#"id="username-error""#));
    assert!(r.body.contains("Nur Buchstaben a–z"));
    assert!(r.body.contains(r#"value="Bernd""#), "typed values are kept");
    // A provider's organisation does not fit the role of a placement officer.
    let provider_org = app.org_id("course_provider").await;
    let fields = [
        ("username", "bernd"),
        ("display_name", "Bernd"),
        ("role", "placement_officer"),
        ("org_id", provider_org.as_str()),
        ("password", "ein langes Passwort"),
    ];
    let r = app
        .form("/admin/users?lang=en", &fields, Auth::Cookie(&token))
        .await;
    assert!(
        r.body
            .contains("This role does not fit the kind of organisation."),
        "{}",
        r.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn error_pages_are_in_the_users_language() {
    let app = TestApp::new().await;
    let r = app.get("/gibt-es-nicht", Auth::None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("Nicht gefunden"));
    let r = app.get("/gibt-es-nicht?lang=en", Auth::None).await;
    assert!(r.body.contains("Not found"));
    let counsellor = app.login("counsellor").await;
    let r = app.get("/admin/users", Auth::Cookie(&counsellor)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.body.contains("Kein Zugriff"));
    // The counsellor sees no admin navigation.
    let r = app.get("/", Auth::Cookie(&counsellor)).await;
    assert!(!r.body.contains(r#"href="/admin/users""#));
    assert!(
        r.body.contains("Situationsanalysen"),
        "role-specific dashboard"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_language_setting_is_kept_per_user() {
    let app = TestApp::new().await;
    let token = app.login("analyst").await;
    let r = app
        .form(
            "/language",
            &[("lang", "en"), ("back", "/profile")],
            Auth::Cookie(&token),
        )
        .await;
    assert_eq!(r.headers[header::LOCATION], "/profile");
    let r = app.get("/", Auth::Cookie(&token)).await;
    assert!(r.body.contains(r#"lang="en""#) && r.body.contains("Dashboard"));
    assert_eq!(
        app.get("/api/v1/session", Auth::Bearer(&token))
            .await
            .json()["locale"],
        "en"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_before_create_and_the_person_page() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let fields = [
        ("family_name", "Al-Hassan"),
        ("given_names", "Mohammed"),
        ("birth_date", "02.04.1988"),
        ("residence_status", "aufenthaltserlaubnis"),
        ("residence_paragraph", "25(2)"),
        ("residence_first_issued_on", "2026-05-01"),
        ("german_level", "none"),
    ];
    let r = app.form("/persons", &fields, Auth::Cookie(&c)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let location = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    let page = app.get(&location, Auth::Cookie(&c)).await;
    assert!(page.body.contains("Al-Hassan, Mohammed"));
    assert!(
        page.body.contains("Integrationskurs") && page.body.contains("§ 44"),
        "eligibility with legal basis"
    );
    // The same person in another spelling: the form shows the likely duplicate first.
    let again = [
        ("family_name", "Alhassan"),
        ("given_names", "Muhammad"),
        ("birth_date", "1988-04-02"),
    ];
    let r = app.form("/persons", &again, Auth::Cookie(&c)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body.contains("Gibt es diese Person schon?") && r.body.contains("Al-Hassan"),
        "{}",
        r.body
    );
    let confirmed = [
        ("family_name", "Alhassan"),
        ("given_names", "Muhammad"),
        ("birth_date", "1988-04-02"),
        ("confirm_new", "on"),
    ];
    assert_eq!(
        app.form("/persons", &confirmed, Auth::Cookie(&c))
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    // Impossible dates are explained next to the field, in German.
    let bad = [
        ("family_name", "Test"),
        ("given_names", "Eins"),
        ("birth_date", "31.02.1990"),
    ];
    let r = app.form("/persons", &bad, Auth::Cookie(&c)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains(r#"id="birth_date-error""#)
            && r.body.contains("Dieses Datum gibt es nicht."),
        "{}",
        r.body
    );
    // Search finds both spellings.
    let r = app
        .get("/persons?q=Muhammad+El+Hassan", Auth::Cookie(&c))
        .await;
    assert_eq!(r.body.matches("/persons/0").count(), 2, "{}", r.body);
}
