//! Situation analyses: start, save section by section, copy into the next one, stale
//! section versions, access per data class (health is special), history, form errors.

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{Auth, TestApp};

async fn person(app: &TestApp, token: &str, extra: Value) -> String {
    let mut body =
        json!({"family_name": "Haddad", "given_names": "Rana", "birth_date": "1991-05-20"});
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

async fn start(app: &TestApp, token: &str, id: &str) -> Value {
    let r = app
        .call(
            Method::POST,
            &format!("/api/v1/persons/{id}/assessments"),
            None,
            Auth::Bearer(token),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    r.json()
}

async fn save(
    app: &TestApp,
    token: &str,
    id: &str,
    n: i64,
    section: &str,
    version: i64,
    content: Value,
) -> crate::support::Reply {
    app.call(
        Method::PUT,
        &format!("/api/v1/persons/{id}/assessments/{n}/sections/{section}"),
        Some(json!({"version": version, "content": content})),
        Auth::Bearer(token),
    )
    .await
}

fn section<'a>(a: &'a Value, name: &str) -> &'a Value {
    a["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["section"] == name)
        .unwrap_or_else(|| panic!("no section {name} in {a:#}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn start_save_sections_copy_into_the_next_and_complete() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let id = person(&app, &c, json!({})).await;
    let first = start(&app, &c, &id).await;
    assert_eq!(first["number"], 1);
    assert_eq!(first["status"], "draft");
    assert_eq!(first["sections"].as_array().unwrap().len(), 10, "{first:#}");
    assert_eq!(first["withheld"], json!([]));
    assert_eq!(section(&first, "german")["version"], 0);

    let r = save(
        &app,
        &c,
        &id,
        1,
        "german",
        0,
        json!({"self_assessed": "a2", "placement_level": "A2",
        "placement_date": "2026-10-01", "start_module": 3}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["version"], 1);
    assert_eq!(r.json()["content"]["self_assessed"], "A2");
    let r = save(&app, &c, &id, 1, "family", 0, json!({"partner": "in_household", "household_size": 4,
        "children": [{"birth_year": 2019, "needs_childcare": false}, {"birth_year": 2023, "needs_childcare": true}]})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = save(
        &app,
        &c,
        &id,
        1,
        "health",
        0,
        json!({"limitations": "Kann nicht lange sitzen", "affects_participation": true}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = save(&app, &c, &id, 1, "nonsense", 0, json!({})).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    let got = app
        .get(
            &format!("/api/v1/persons/{id}/assessments/1"),
            Auth::Bearer(&c),
        )
        .await
        .json();
    assert_eq!(
        section(&got, "family")["content"]["children"][1]["needs_childcare"],
        true
    );
    assert_eq!(section(&got, "health")["data_class"], "health");

    // The second analysis starts from the first one's sections.
    let second = start(&app, &c, &id).await;
    assert_eq!(second["number"], 2);
    assert_eq!(section(&second, "german")["content"]["start_module"], 3);
    assert_eq!(section(&second, "german")["version"], 1);
    assert!(section(&second, "goals")["content"].is_null());
    let list = app
        .get(
            &format!("/api/v1/persons/{id}/assessments"),
            Auth::Bearer(&c),
        )
        .await
        .json();
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(list[0]["number"], 2);

    // Completing makes it read-only; completing with a stale version is refused.
    let r = app
        .call(
            Method::POST,
            &format!("/api/v1/persons/{id}/assessments/1/complete"),
            Some(json!({"version": 1})),
            Auth::Bearer(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["status"], "completed");
    let r = save(
        &app,
        &c,
        &id,
        1,
        "german",
        1,
        json!({"self_assessed": "B1"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    let r = app
        .call(
            Method::POST,
            &format!("/api/v1/persons/{id}/assessments/2/complete"),
            Some(json!({"version": 7})),
            Auth::Bearer(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);

    // Writes and reads are audited with the section's data class.
    let trail = app
        .get(&format!("/api/v1/persons/{id}/audit"), Auth::Bearer(&c))
        .await
        .json();
    let trail = trail.as_array().unwrap();
    assert!(
        trail
            .iter()
            .any(|e| e["action"] == "assessment.section.save"
                && e["data_classes"].as_str().unwrap().contains("health")),
        "{trail:#?}"
    );
    assert!(trail.iter().any(|e| e["action"] == "assessment.read"));
    assert!(trail.iter().any(|e| e["action"] == "assessment.create"));
    assert!(trail.iter().any(|e| e["action"] == "assessment.complete"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stale_section_version_is_409_naming_who_and_history_shows_the_change() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let lead = app.login("team_lead").await;
    let id = person(&app, &c, json!({})).await;
    start(&app, &c, &id).await;
    let r = save(
        &app,
        &c,
        &id,
        1,
        "schooling",
        0,
        json!({"years": 9, "country": "sy"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = save(
        &app,
        &lead,
        &id,
        1,
        "schooling",
        1,
        json!({"years": 10, "country": "SY"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    // The counsellor still holds version 1.
    let r = save(
        &app,
        &c,
        &id,
        1,
        "schooling",
        1,
        json!({"years": 11, "country": "SY"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    assert!(
        r.json()["detail"]
            .as_str()
            .unwrap()
            .contains("Teamleitung Migrationszentrum"),
        "{}",
        r.body
    );
    // A second first save of a section is stale too.
    let r = save(&app, &c, &id, 1, "schooling", 0, json!({"years": 11})).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    // Other sections are independent.
    let r = save(
        &app,
        &c,
        &id,
        1,
        "mobility",
        0,
        json!({"driving_licence": "no", "public_transport_only": true}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);

    let history = app
        .get(&format!("/api/v1/persons/{id}/history"), Auth::Bearer(&c))
        .await
        .json();
    let changes: Vec<&Value> = history
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["field"] == "assessment.1.schooling")
        .collect();
    assert_eq!(changes.len(), 2, "{history:#}");
    assert!(
        changes[0]["new_value"]
            .as_str()
            .unwrap()
            .contains("\"years\":10"),
        "{history:#}"
    );
    assert!(
        changes[0]["old_value"]
            .as_str()
            .unwrap()
            .contains("\"years\":9"),
        "{history:#}"
    );
    assert_eq!(changes[0]["data_class"], "education");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_job_centre_sees_education_sections_but_never_health() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let jc = app.org_id("job_centre").await;
    let id = person(
        &app,
        &c,
        json!({"benefits_law": "sgb2", "responsible_org_id": jc}),
    )
    .await;
    start(&app, &c, &id).await;
    for (s, content) in [
        (
            "health",
            json!({"limitations": "Rückenleiden", "affects_participation": "yes"}),
        ),
        (
            "german",
            json!({"placement_level": "A1", "start_module": 1}),
        ),
        ("family", json!({"partner": "abroad"})),
    ] {
        let r = save(&app, &c, &id, 1, s, 0, content).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    }
    let po = app.login("placement_officer").await;
    let r = app
        .get(
            &format!("/api/v1/persons/{id}/assessments/1"),
            Auth::Bearer(&po),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let a = r.json();
    assert!(!r.body.contains("Rückenleiden"));
    assert_eq!(
        a["withheld"],
        json!(["family", "social", "health", "goals", "assessment"])
    );
    assert_eq!(section(&a, "german")["content"]["start_module"], 1);
    let r = app
        .get(
            &format!("/api/v1/persons/{id}/assessments/1/sections/health"),
            Auth::Bearer(&po),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert!(!r.body.contains("Rückenleiden"));
    // Nor may it write, nor start an analysis.
    let r = save(&app, &po, &id, 1, "german", 1, json!({"start_module": 2})).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let r = app
        .call(
            Method::POST,
            &format!("/api/v1/persons/{id}/assessments"),
            None,
            Auth::Bearer(&po),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    // Its read was audited with the classes it saw: education only.
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
            .any(|e| e["action"] == "assessment.read" && e["data_classes"] == "education"),
        "{trail:#}"
    );
    // The team lead sees health.
    let r = app
        .get(
            &format!("/api/v1/persons/{id}/assessments/1/sections/health"),
            Auth::Bearer(&lead),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["content"]["limitations"], "Rückenleiden");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_section_input_gets_field_errors_and_stores_nothing() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let id = person(&app, &c, json!({})).await;
    start(&app, &c, &id).await;
    let r = save(
        &app,
        &c,
        &id,
        1,
        "german",
        0,
        json!({"placement_level": "B3", "start_module": 7,
        "certificate_date": "31.02.2025"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let fields: Vec<String> = r.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        fields,
        vec!["placement_level", "start_module", "certificate_date"]
    );
    let r = save(
        &app,
        &c,
        &id,
        1,
        "family",
        0,
        json!({"children": [{"birth_year": 2099}]}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(r.json()["errors"][0]["code"], "future_year");
    let r = save(&app, &c, &id, 1, "schooling", 0, json!({"years": "viele"})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let r = save(
        &app,
        &c,
        &id,
        1,
        "assessment",
        0,
        json!({"text": "x".repeat(2001)}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let got = app
        .get(
            &format!("/api/v1/persons/{id}/assessments/1"),
            Auth::Bearer(&c),
        )
        .await
        .json();
    assert!(
        got["sections"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["version"] == 0),
        "{got:#}"
    );
    // Unknown analysis numbers are not found.
    for n in ["2", "0", "x"] {
        let r = app
            .get(
                &format!("/api/v1/persons/{id}/assessments/{n}"),
                Auth::Bearer(&c),
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{n}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sectioned_page_saves_one_section_and_shows_errors_next_to_the_fields() {
    use axum::http::header;
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let id = person(&app, &c, json!({})).await;
    let page = app.get(&format!("/persons/{id}"), Auth::Cookie(&c)).await;
    assert!(
        page.body.contains(&format!("/persons/{id}/assessments")),
        "{}",
        page.body
    );
    let r = app
        .form(&format!("/persons/{id}/assessments"), &[], Auth::Cookie(&c))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let location = r.headers[header::LOCATION].to_str().unwrap().to_owned();
    assert!(location.starts_with(&format!("/persons/{id}/assessments/1")));
    let page = app.get(&location, Auth::Cookie(&c)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.body
            .matches("<form method=\"post\" action=\"/persons/")
            .count(),
        11,
        "ten sections and completing"
    );
    assert!(page.body.contains("Gesundheitliche Einschränkungen"));

    // Errors are shown next to the fields, in German, with what was typed.
    let action = format!("/persons/{id}/assessments/1/sections/german");
    let r = app
        .form(
            &action,
            &[
                ("version", "0"),
                ("placement_level", "B3"),
                ("placement_date", "31.02.2026"),
                ("start_module", "9"),
            ],
            Auth::Cookie(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("Bitte ein GER-Niveau wählen"), "{}", r.body);
    assert!(
        r.body.contains("Dieses Datum gibt es nicht")
            || r.body.contains("german-placement_date-error"),
        "{}",
        r.body
    );
    assert!(
        r.body.contains("id=\"german-start_module-error\""),
        "{}",
        r.body
    );
    assert!(r.body.contains("value=\"31.02.2026\""));
    // In English on request.
    let r = app
        .form(
            &format!("{action}?lang=en"),
            &[("version", "0"), ("start_module", "9")],
            Auth::Cookie(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("This value is not plausible."),
        "{}",
        r.body
    );

    // A valid form with list rows and checkboxes.
    let r = app
        .form(
            &format!("/persons/{id}/assessments/1/sections/family"),
            &[
                ("version", "0"),
                ("partner", "abroad"),
                ("household_size", "3"),
                ("children.0.birth_year", "2020"),
                ("children.0.needs_childcare", "yes"),
                ("children.1.birth_year", ""),
                ("children.1.needs_childcare", ""),
            ],
            Auth::Cookie(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = app
        .form(
            &format!("/persons/{id}/assessments/1/sections/availability"),
            &[
                ("version", "0"),
                ("mornings", "yes"),
                ("days[]", "mon"),
                ("days[]", "wed"),
            ],
            Auth::Cookie(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let got = app
        .get(
            &format!("/api/v1/persons/{id}/assessments/1"),
            Auth::Bearer(&c),
        )
        .await
        .json();
    assert_eq!(
        section(&got, "family")["content"]["children"],
        json!([{"birth_year": 2020, "needs_childcare": true}])
    );
    assert_eq!(
        section(&got, "availability")["content"]["days"],
        json!(["mon", "wed"])
    );
    // Posting the same form twice: the second carries a stale version.
    let r = app
        .form(
            &format!("/persons/{id}/assessments/1/sections/availability"),
            &[("version", "0"), ("evenings", "yes")],
            Auth::Cookie(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("Beratung Migrationszentrum"), "{}", r.body);
    let page = app.get(&location, Auth::Cookie(&c)).await;
    assert!(page.body.contains("value=\"2020\""));
    // Completing locks the page.
    let r = app
        .form(
            &format!("/persons/{id}/assessments/1/complete"),
            &[("version", "1")],
            Auth::Cookie(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = app.get(&location, Auth::Cookie(&c)).await;
    assert!(page.body.contains("ist abgeschlossen"));
    assert!(!page.body.contains("Abschnitt speichern"));
    let list = app
        .get(&format!("/persons/{id}/assessments"), Auth::Cookie(&c))
        .await;
    assert!(list.body.contains("Abgeschlossen"), "{}", list.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_analysis_feeds_the_eligibility_findings() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let id = person(
        &app,
        &c,
        json!({"residence": {"status": "aufenthaltserlaubnis", "paragraph": "25(2)", "first_issued_on": "2026-05-01"}}),
    )
    .await;
    let before = eligibility(&app, &c, &id).await;
    let module = |findings: &[Value]| {
        findings
            .iter()
            .find(|f| f["topic"] == "start_module")
            .map(|f| f["detail"].clone())
    };
    assert_eq!(module(&before), Some(json!("placement_test_needed")));
    start(&app, &c, &id).await;
    let r = save(
        &app,
        &c,
        &id,
        1,
        "german",
        0,
        json!({"placement_level": "A1", "placement_date": "2026-10-02", "start_module": 3}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let after = eligibility(&app, &c, &id).await;
    assert_eq!(module(&after), Some(json!("3")), "{after:#?}");
    // A B1 certificate means the course goal is reached.
    let r = save(
        &app,
        &c,
        &id,
        1,
        "german",
        1,
        json!({"certificate_level": "B1", "certificate_date": "2026-09-30"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let after = eligibility(&app, &c, &id).await;
    assert_eq!(after[0]["outcome"], "already_reached", "{after:#?}");
}

async fn eligibility(app: &TestApp, token: &str, id: &str) -> Vec<Value> {
    let r = app
        .get(
            &format!("/api/v1/persons/{id}/eligibility"),
            Auth::Bearer(token),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    r.json()["findings"].as_array().unwrap().clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn german_dates_are_stored_iso_and_the_person_page_lists_and_summarises_analyses() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let id = person(&app, &c, json!({})).await;
    let page = app.get(&format!("/persons/{id}"), Auth::Cookie(&c)).await;
    assert!(
        page.body.contains("Noch keine Situationsanalyse."),
        "{}",
        page.body
    );
    start(&app, &c, &id).await;
    let r = save(
        &app,
        &c,
        &id,
        1,
        "german",
        0,
        json!({"placement_level": "A1", "placement_date": "02.11.2026", "certificate_date": "10.2025"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = save(
        &app,
        &c,
        &id,
        1,
        "family",
        0,
        json!({"household_size": 3, "children": [{"birth_year": 2022, "needs_childcare": true}]}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let got = app
        .get(
            &format!("/api/v1/persons/{id}/assessments/1"),
            Auth::Bearer(&c),
        )
        .await
        .json();
    // Dates typed German-style are stored like every other date: ISO.
    let german = &section(&got, "german")["content"];
    assert_eq!(german["placement_date"], "2026-11-02", "{german:#}");
    assert_eq!(german["certificate_date"], "2025-10", "{german:#}");

    // The person page lists the analysis and the timeline summarises the sections.
    let page = app.get(&format!("/persons/{id}"), Auth::Cookie(&c)).await;
    let body = &page.body;
    let card = &body[body.find(r#"id="assessments""#).unwrap()..];
    let card = &card[..card.find("</section>").unwrap()];
    assert!(
        card.contains(&format!(r#"href="/persons/{id}/assessments/1""#)),
        "{card}"
    );
    assert!(card.contains("Entwurf"), "{card}");
    let timeline = &body[body.find(r#"id="timeline""#).unwrap()..];
    assert!(
        timeline.contains("Einstufungstest: Niveau: A1; Einstufungstest: Datum: 02.11.2026"),
        "{timeline}"
    );
    assert!(
        timeline.contains("Personen im Haushalt: 3; Kinder: 1"),
        "{timeline}"
    );
    assert!(
        !timeline.contains("&quot;") && !timeline.contains('{'),
        "JSON in the timeline: {timeline}"
    );

    // Completed: read-only, without the empty row for another child or goal.
    let r = app
        .call(
            Method::POST,
            &format!("/api/v1/persons/{id}/assessments/1/complete"),
            Some(json!({"version": got["version"]})),
            Auth::Bearer(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let page = app
        .get(&format!("/persons/{id}/assessments/1"), Auth::Cookie(&c))
        .await;
    assert!(page.body.contains("id=\"family-children-0-birth_year\""));
    assert!(
        !page.body.contains("id=\"family-children-1-birth_year\""),
        "no empty row when read-only"
    );
    assert!(!page.body.contains("id=\"goals-goals-0-field\""));
    // A draft keeps the empty row to add another.
    start(&app, &c, &id).await;
    let page = app
        .get(&format!("/persons/{id}/assessments/2"), Auth::Cookie(&c))
        .await;
    assert!(page.body.contains("id=\"family-children-1-birth_year\""));
    assert!(page.body.contains("id=\"goals-goals-0-field\""));
    let page = app.get(&format!("/persons/{id}"), Auth::Cookie(&c)).await;
    assert!(page.body.contains("Abgeschlossen"), "{}", page.body);
    assert!(
        page.body
            .contains(&format!(r#"href="/persons/{id}/assessments/2""#))
    );
}
