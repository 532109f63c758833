//! Person records over the API: create, tolerant search, access by relationship, history,
//! optimistic concurrency, eligibility.

use axum::http::{Method, StatusCode};
use serde_json::json;

use crate::support::{Auth, TestApp};

async fn create(app: &TestApp, token: &str, body: serde_json::Value) -> serde_json::Value {
    let r = app
        .call(
            Method::POST,
            "/api/v1/persons",
            Some(body),
            Auth::Bearer(token),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    r.json()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn minimal_create_and_read_back() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let created = create(
        &app,
        &c,
        json!({"family_name": "Hassan", "given_names": "Amina", "birth_date": "1990-04-02"}),
    )
    .await;
    let p = &created["person"];
    assert!(p["case_number"].as_str().unwrap().ends_with("-00001"));
    assert_eq!(p["data"]["identity"]["birth_date"], "1990-04-02");
    assert_eq!(p["withheld"], json!([]));
    let id = p["id"].as_str().unwrap();
    let r = app
        .get(&format!("/api/v1/persons/{id}"), Auth::Bearer(&c))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["data"]["identity"]["family_name"], "Hassan");
    // The read is audited with its data classes.
    let trail = app
        .get(&format!("/api/v1/persons/{id}/audit"), Auth::Bearer(&c))
        .await
        .json();
    assert!(
        trail
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["action"] == "person.read"
                && e["data_classes"].as_str().unwrap().contains("identity"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_gets_field_errors_and_stores_nothing() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let body = json!({"family_name": "X".repeat(300), "given_names": "Omar", "birth_date": "31.02.1990", "german_level": "B3",
                      "residence": {"status": "aufenthaltserlaubnis", "paragraph": "25(2)", "valid_until": "2027-13-01"}});
    let r = app
        .call(
            Method::POST,
            "/api/v1/persons",
            Some(body),
            Auth::Bearer(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<String> = r.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect();
    for f in [
        "family_name",
        "birth_date",
        "german_level",
        "residence.valid_until",
    ] {
        assert!(fields.contains(&f.to_owned()), "{f} in {fields:?}");
    }
    let r = app
        .call(
            Method::POST,
            "/api/v1/persons",
            Some(json!({"family_name": "A", "given_names": "B", "birth_date": "2090-01-01"})),
            Auth::Bearer(&c),
        )
        .await;
    assert_eq!(r.json()["errors"][0]["code"], "future_date");
    assert_eq!(
        app.get("/api/v1/persons", Auth::Bearer(&c))
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_is_tolerant_and_warns_about_duplicates() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    create(
        &app,
        &c,
        json!({"family_name": "Al-Hassan", "given_names": "Mohammed", "birth_date": "1988-04-02"}),
    )
    .await;
    create(
        &app,
        &c,
        json!({"family_name": "Yusuf", "given_names": "Amal", "birth_date": "1995"}),
    )
    .await;
    create(
        &app,
        &c,
        json!({"family_name": "Müller", "given_names": "Jörg", "birth_date": "1970-01-15"}),
    )
    .await;
    for q in [
        "Muhammad Alhassan",
        "El Hassan Mohamad",
        "mohamed al hasan 02.04.1988",
        "Hassan 1988-02-04",
    ] {
        let hits = app
            .get(
                &format!("/api/v1/persons?q={}", q.replace(' ', "+")),
                Auth::Bearer(&c),
            )
            .await
            .json();
        assert_eq!(hits[0]["family_name"], "Al-Hassan", "query {q}: {hits:#}");
    }
    let hits = app
        .get("/api/v1/persons?q=Youssef+Amal", Auth::Bearer(&c))
        .await
        .json();
    assert_eq!(hits[0]["family_name"], "Yusuf", "{hits:#}");
    let hits = app
        .get("/api/v1/persons?q=Mueller+Joerg", Auth::Bearer(&c))
        .await
        .json();
    assert_eq!(hits[0]["family_name"], "Müller", "{hits:#}");
    let hits = app
        .get("/api/v1/persons?q=Mahmoud+Rahimi", Auth::Bearer(&c))
        .await
        .json();
    assert_eq!(hits.as_array().unwrap().len(), 0, "{hits:#}");
    // Creating the same person in another spelling warns.
    let created = create(
        &app,
        &c,
        json!({"family_name": "Alhassan", "given_names": "Muhammad", "birth_date": "1988-02-04"}),
    )
    .await;
    assert_eq!(
        created["possible_duplicates"][0]["family_name"], "Al-Hassan",
        "{created:#}"
    );
    // Only the migration centre searches the directory.
    let po = app.login("placement_officer").await;
    assert_eq!(
        app.get("/api/v1/persons?q=Hassan", Auth::Bearer(&po))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn access_follows_the_relationship_and_break_the_glass_is_audited() {
    let app = TestApp::new().await;
    let admin = app.login("admin").await;
    let org = app.org_id("migration_centre").await;
    let body = json!({"username": "zweite", "display_name": "Zweite Beraterin", "role": "counsellor", "org_id": org, "password": "ein langes Passwort"});
    assert_eq!(
        app.call(
            Method::POST,
            "/api/v1/users",
            Some(body),
            Auth::Bearer(&admin)
        )
        .await
        .status,
        StatusCode::CREATED
    );
    let c = app.login("counsellor").await;
    let other = app.login_as("zweite", "ein langes Passwort").await;
    let jc = app.org_id("job_centre").await;
    let created = create(
        &app,
        &c,
        json!({"family_name": "Kovalenko", "given_names": "Olena", "birth_date": "1988",
        "phone": "+49 5461 123", "benefits_law": "sgb2", "responsible_org_id": jc,
        "residence": {"status": "aufenthaltserlaubnis", "paragraph": "24"}, "german_level": "A2"}),
    )
    .await;
    let id = created["person"]["id"].as_str().unwrap().to_owned();
    // Another counsellor: not in her caseload → not found, unless she states a reason.
    assert_eq!(
        app.get(&format!("/api/v1/persons/{id}"), Auth::Bearer(&other))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let r = app
        .get(
            &format!("/api/v1/persons/{id}?reason=Vertretung+waehrend+Urlaub"),
            Auth::Bearer(&other),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let lead = app.login("team_lead").await;
    let trail = app
        .get(&format!("/api/v1/persons/{id}/audit"), Auth::Bearer(&lead))
        .await
        .json();
    assert!(
        trail
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["purpose"] == "Vertretung waehrend Urlaub"),
        "{trail:#}"
    );
    assert!(
        trail
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["outcome"] == "denied")
    );
    // The job centre's placement officer (responsible agency) sees identity, contact and
    // education — not the residence data.
    let po = app.login("placement_officer").await;
    let r = app
        .get(&format!("/api/v1/persons/{id}"), Auth::Bearer(&po))
        .await
        .json();
    assert_eq!(r["withheld"], json!(["residence"]));
    assert_eq!(r["data"]["education"]["german_level"], "A2");
    assert!(r["data"].get("residence").is_none());
    // The youth welfare office has no relation and no consent: not found.
    let yw = app.login("youth_welfare").await;
    assert_eq!(
        app.get(&format!("/api/v1/persons/{id}"), Auth::Bearer(&yw))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stale_edit_is_409_and_history_is_kept() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let lead = app.login("team_lead").await;
    let created = create(
        &app,
        &c,
        json!({"family_name": "Tesfay", "given_names": "Selam", "birth_date": "2001-07-01"}),
    )
    .await;
    let id = created["person"]["id"].as_str().unwrap().to_owned();
    let body = |phone: &str, version: i64| json!({"family_name": "Tesfay", "given_names": "Selam", "birth_date": "2001-07-01", "phone": phone, "version": version});
    let r = app
        .call(
            Method::PUT,
            &format!("/api/v1/persons/{id}"),
            Some(body("+49 541 1", 1)),
            Auth::Bearer(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["version"], 2);
    let r = app
        .call(
            Method::PUT,
            &format!("/api/v1/persons/{id}"),
            Some(body("+49 541 2", 1)),
            Auth::Bearer(&lead),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(
        r.json()["detail"]
            .as_str()
            .unwrap()
            .contains("Beratung Migrationszentrum"),
        "{}",
        r.body
    );
    let history = app
        .get(&format!("/api/v1/persons/{id}/history"), Auth::Bearer(&c))
        .await;
    let history = {
        assert_eq!(history.status, StatusCode::OK, "{}", history.body);
        history.json()
    };
    assert_eq!(history.as_array().unwrap().len(), 1, "{history:#}");
    assert_eq!(history[0]["field"], "phone");
    assert_eq!(history[0]["new_value"], "+49 541 1");
    assert!(history[0]["changed_by"].is_string());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eligibility_findings_carry_their_legal_basis() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let created = create(&app, &c, json!({"family_name": "Rahimi", "given_names": "Farid", "birth_date": "1992-03-10",
        "residence": {"status": "aufenthaltserlaubnis", "paragraph": "25(2)", "first_issued_on": "2026-05-01"}, "german_level": "none"})).await;
    let id = created["person"]["id"].as_str().unwrap();
    let r = app
        .get(
            &format!("/api/v1/persons/{id}/eligibility"),
            Auth::Bearer(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let findings = r.json()["findings"].as_array().unwrap().clone();
    let course = findings
        .iter()
        .find(|f| f["topic"] == "integration_course")
        .unwrap();
    assert_eq!(course["outcome"], "entitled", "{course:#}");
    assert!(
        course["legal_basis"].as_str().unwrap().contains("§ 44"),
        "{course:#}"
    );
    assert!(
        findings
            .iter()
            .all(|f| !f["legal_basis"].as_str().unwrap().is_empty())
    );
    // An unknown paragraph is kept and leads to "check manually".
    let created = create(&app, &c, json!({"family_name": "Noor", "given_names": "Ali", "residence": {"status": "aufenthaltserlaubnis", "paragraph": "99x"}})).await;
    let id = created["person"]["id"].as_str().unwrap();
    let r = app
        .get(
            &format!("/api/v1/persons/{id}/eligibility"),
            Auth::Bearer(&c),
        )
        .await
        .json();
    let course = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["topic"] == "integration_course")
        .unwrap()
        .clone();
    assert_eq!(course["outcome"], "unknown_check_manually", "{course:#}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn history_includes_the_situation_analysis_for_those_who_may_see_it() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let jc = app.org_id("job_centre").await;
    let created = create(&app, &c, json!({"family_name": "Haile", "given_names": "Saba", "benefits_law": "sgb2", "responsible_org_id": jc})).await;
    let id = created["person"]["id"].as_str().unwrap().to_owned();
    let r = app
        .call(
            Method::POST,
            &format!("/api/v1/persons/{id}/assessments"),
            None,
            Auth::Bearer(&c),
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    let n = r.json()["number"].as_i64().unwrap();
    let r = app
        .call(
            Method::PUT,
            &format!("/api/v1/persons/{id}/assessments/{n}/sections/family"),
            Some(json!({"version": 0, "content": {"household_size": 3}})),
            Auth::Bearer(&c),
        )
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    let history = app
        .get(&format!("/api/v1/persons/{id}/history"), Auth::Bearer(&c))
        .await
        .json();
    assert!(
        history
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["field"] == format!("assessment.{n}.family")),
        "{history:#}"
    );
    let page = app.get(&format!("/persons/{id}"), Auth::Cookie(&c)).await;
    assert!(
        page.body
            .contains("Situationsanalyse 1: Familie und Haushalt"),
        "{}",
        page.body
    );
    // The job centre sees the person but not the family section's change.
    let po = app.login("placement_officer").await;
    let history = app
        .get(&format!("/api/v1/persons/{id}/history"), Auth::Bearer(&po))
        .await
        .json();
    assert!(
        history
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["data_class"] != "family"),
        "{history:#}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_person_page_shows_findings_and_timeline_in_words_not_codes() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let jc = app.org_id("job_centre").await;
    let vhs = app.org_id("course_provider").await;
    let admin = app.login("admin").await;
    let orgs = app
        .get("/api/v1/organisations", Auth::Bearer(&admin))
        .await
        .json();
    let vhs_name = orgs
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == vhs.as_str())
        .and_then(|o| o["name"].as_str())
        .unwrap_or_else(|| panic!("no organisation {vhs}: {orgs:#}"))
        .to_owned();
    let base = json!({"family_name": "Karimi", "given_names": "Dara", "birth_date": "1990-01-02",
        "german_level": "A2", "residence": {"status": "duldung", "duldung_kind": "general"}});
    let mut body = base.clone();
    body["literate_latin"] = json!(false);
    let created = create(&app, &c, body).await;
    let id = created["person"]["id"].as_str().unwrap().to_owned();
    let mut body = base.clone();
    body["literate_latin"] = json!(true);
    body["benefits_law"] = json!("sgb2");
    body["responsible_org_id"] = json!(jc);
    body["version"] = json!(1);
    let r = app
        .call(
            Method::PUT,
            &format!("/api/v1/persons/{id}"),
            Some(body),
            Auth::Bearer(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    // A plan: a goal, a step for a partner organisation, a follow-up.
    let post = |path: String, body: serde_json::Value| {
        let app = &app;
        let c = &c;
        async move {
            let r = app
                .call(Method::POST, &path, Some(body), Auth::Bearer(c))
                .await;
            assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
            r.json()
        }
    };
    let goal = post(
        format!("/api/v1/persons/{id}/plan/goals"),
        json!({"action_field": "language", "title": "Deutsch B1 erreichen"}),
    )
    .await;
    post(
        format!("/api/v1/persons/{id}/plan/steps"),
        json!({"goal_id": goal["id"], "title": "Beim Kursträger anmelden",
               "owner_kind": "partner_organisation", "owner_org_id": vhs, "due_on": "2027-01-15"}),
    )
    .await;
    post(
        format!("/api/v1/persons/{id}/plan/follow-ups"),
        json!({"due_on": "2027-02-01", "kind": "appointment", "note": "Kursbeginn besprechen"}),
    )
    .await;

    let page = app.get(&format!("/persons/{id}"), Auth::Cookie(&c)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let body = &page.body;
    let section = |id: &str| {
        let start = body
            .find(&format!(r#"id="{id}""#))
            .unwrap_or_else(|| panic!("no #{id}"));
        let end = body[start..].find("</section>").unwrap() + start;
        &body[start..end]
    };
    // Eligibility: the detail in words (a general Duldung, the benefits law), never a code.
    let findings = section("eligibility");
    assert!(
        findings.contains("(Duldung nach § 60a Abs. 2 Satz 1)"),
        "{findings}"
    );
    assert!(findings.contains("(SGB II – Jobcenter)"), "{findings}");
    assert!(
        findings.contains("Zuständig nach dem erfassten Rechtskreis (SGB II)."),
        "{findings}"
    );
    assert!(!findings.contains("(general)"), "{findings}");
    assert!(
        !findings.contains("_"),
        "a code in the findings: {findings}"
    );
    // The timeline: yes/no, names instead of ids, labels instead of codes.
    let timeline = section("timeline");
    assert!(timeline.contains("<td>nein</td><td>ja</td>"), "{timeline}");
    assert!(
        timeline.contains("MaßArbeit – Jobcenter Landkreis Osnabrück"),
        "{timeline}"
    );
    assert!(timeline.contains(&vhs_name), "{vhs_name}: {timeline}");
    assert!(
        !timeline.contains(&jc) && !timeline.contains(&vhs),
        "{timeline}"
    );
    assert!(
        timeline.contains("Schritt „Beim Kursträger anmelden“: Partnerorganisation"),
        "{timeline}"
    );
    for word in ["Termin vor Ort", "Sprache", "offen", "15.01.2027"] {
        assert!(timeline.contains(word), "{word}: {timeline}");
    }
    for code in [
        ">false<",
        ">true<",
        ">open<",
        ">appointment<",
        ">partner_organisation<",
        ">language<",
        "owner_org_id",
    ] {
        assert!(!timeline.contains(code), "{code}: {timeline}");
    }
    // The plan card: what is open next, with due dates.
    let plan = section("plan");
    assert!(
        plan.contains("15.01.2027") && plan.contains("Beim Kursträger anmelden"),
        "{plan}"
    );
    assert!(
        plan.contains("Termin vor Ort – Kursbeginn besprechen"),
        "{plan}"
    );
    // In English on request.
    let page = app
        .get(&format!("/persons/{id}?lang=en"), Auth::Cookie(&c))
        .await;
    assert!(page.body.contains("(SGB II – job centre)"), "{}", page.body);
    assert!(
        page.body.contains("<td>no</td><td>yes</td>"),
        "{}",
        page.body
    );
}
