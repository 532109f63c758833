//! Courses, the waiting list and allocation runs over the API: providers keep their own
//! courses, a counsellor puts a person on the waiting list, a team lead runs, re-runs and
//! confirms an allocation; seats are never overbooked, also when two runs race.

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

use crate::support::{Auth, TestApp};

async fn post(app: &TestApp, token: &str, path: &str, body: Value) -> crate::support::Reply {
    app.call(Method::POST, path, Some(body), Auth::Bearer(token))
        .await
}

async fn town(app: &TestApp, token: &str, name: &str) -> String {
    let list = app
        .get("/api/v1/municipalities", Auth::Bearer(token))
        .await
        .json();
    list.as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == name)
        .unwrap_or_else(|| panic!("no {name}"))["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn course_body(town: &str, capacity: i64, starts_on: &str) -> Value {
    json!({
        "course_type": "ik_general", "title": "Integrationskurs Vormittag",
        "municipality_id": town, "street": "Hauptstraße 1", "postcode": "49565",
        "days": ["mon", "tue", "wed", "thu", "fri"], "time_slot": "morning",
        "starts_at": "08:30", "ends_at": "12:45",
        "starts_on": starts_on, "ends_on": "2027-09-30", "capacity": capacity
    })
}

async fn person_in(app: &TestApp, token: &str, town: &str, family: &str) -> String {
    let r = post(
        app,
        token,
        "/api/v1/persons",
        json!({"family_name": family, "given_names": "Test", "birth_date": "1990-01-01", "municipality_id": town}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    r.json()["person"]["id"].as_str().unwrap().to_owned()
}

async fn need(app: &TestApp, token: &str, person: &str, body: Value) -> Value {
    let r = post(
        app,
        token,
        &format!("/api/v1/persons/{person}/course-needs"),
        body,
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    r.json()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn providers_keep_their_own_courses_and_bad_input_is_refused() {
    let app = TestApp::new().await;
    let provider = app.login("provider").await;
    let counsellor = app.login("counsellor").await;
    let lead = app.login("team_lead").await;
    let bramsche = town(&app, &provider, "Bramsche").await;
    let r = post(
        &app,
        &provider,
        "/api/v1/courses",
        course_body(&bramsche, 20, "2027-01-11"),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let course = r.json();
    assert_eq!(course["hours"], 700);
    assert_eq!(course["seats_allocated"], 0);
    assert_eq!(
        course["coordinates_given"], false,
        "site falls back to the town centre"
    );

    // Bad input: every field named, nothing stored.
    let mut bad = course_body(&bramsche, -3, "2027-03-01");
    bad["ends_on"] = json!("2027-02-01");
    bad["course_type"] = json!("ik_martian");
    let r = post(&app, &provider, "/api/v1/courses", bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let fields: Vec<String> = r.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{}:{}",
                e["field"].as_str().unwrap(),
                e["code"].as_str().unwrap()
            )
        })
        .collect();
    for f in ["course_type:unknown_value", "capacity:out_of_bounds"] {
        assert!(fields.contains(&f.to_owned()), "{f} in {fields:?}");
    }
    let mut bad = course_body(&bramsche, 10, "2027-03-01");
    bad["ends_on"] = json!("2027-02-01");
    let r = post(&app, &provider, "/api/v1/courses", bad).await;
    assert_eq!(
        r.json()["errors"][0]["code"],
        "ends_before_start",
        "{}",
        r.body
    );

    // A provider cannot offer courses for another provider; a counsellor only reads.
    let mut other = course_body(&bramsche, 10, "2027-03-01");
    let sprachschule = {
        let orgs = app
            .get("/api/v1/organisations", Auth::Bearer(&lead))
            .await
            .json();
        orgs.as_array()
            .unwrap()
            .iter()
            .find(|o| o["name"] == "Sprachschule Artland")
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    other["provider_org_id"] = json!(sprachschule);
    let r = post(&app, &provider, "/api/v1/courses", other.clone()).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let r = post(&app, &counsellor, "/api/v1/courses", other.clone()).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let r = post(&app, &lead, "/api/v1/courses", other).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);

    // The provider's catalogue holds only its own course; the counsellor sees both.
    let mine = app
        .get("/api/v1/courses", Auth::Bearer(&provider))
        .await
        .json();
    assert_eq!(mine.as_array().unwrap().len(), 1);
    let all = app
        .get(
            &format!("/api/v1/courses?near={bramsche}&free=true"),
            Auth::Bearer(&counsellor),
        )
        .await
        .json();
    assert_eq!(all.as_array().unwrap().len(), 2, "{all:#}");
    assert_eq!(
        all[0]["distance_km"], 0.0,
        "the Bramsche course first: {all:#}"
    );
    let r = app
        .get(
            "/api/v1/courses?course_type=ik_klingon",
            Auth::Bearer(&counsellor),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);

    // A stale edit is a conflict; lowering the capacity under booked seats is refused later.
    let id = course["id"].as_str().unwrap();
    let mut edit = course_body(&bramsche, 18, "2027-01-11");
    edit["version"] = json!(1);
    let r = app
        .call(
            Method::PUT,
            &format!("/api/v1/courses/{id}"),
            Some(edit.clone()),
            Auth::Bearer(&provider),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["capacity"], 18);
    let r = app
        .call(
            Method::PUT,
            &format!("/api/v1/courses/{id}"),
            Some(edit),
            Auth::Bearer(&provider),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn waiting_list_run_pin_exclude_confirm_and_the_provider_sees_participants() {
    let app = TestApp::new().await;
    let provider = app.login("provider").await;
    let c = app.login("counsellor").await;
    let lead = app.login("team_lead").await;
    let bramsche = town(&app, &c, "Bramsche").await;
    let melle = town(&app, &c, "Melle").await;
    let near = post(
        &app,
        &provider,
        "/api/v1/courses",
        course_body(&bramsche, 1, "2027-01-11"),
    )
    .await
    .json();
    let far = post(&app, &lead, "/api/v1/courses", {
        let mut b = course_body(&melle, 5, "2027-01-18");
        b["provider_org_id"] = near["provider_org_id"].clone();
        b
    })
    .await
    .json();

    let a = person_in(&app, &c, &bramsche, "Amiri").await;
    let b = person_in(&app, &c, &bramsche, "Barakzai").await;
    let window =
        json!({"earliest_start": "2026-12-01", "latest_start": "2027-03-01", "max_travel_km": 20});
    let mut obliged = window.clone();
    obliged["obliged_by"] = json!("job_centre");
    obliged["obliged_on"] = json!("2026-11-01");
    obliged["course_type"] = json!("ik_general");
    let mut plain = window.clone();
    plain["course_type"] = json!("ik_general");
    let need_a = need(&app, &c, &a, plain.clone()).await;
    let need_b = need(&app, &c, &b, obliged).await;
    // One waiting need per person.
    let r = post(
        &app,
        &c,
        &format!("/api/v1/persons/{a}/course-needs"),
        plain,
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    // Bad need input: clear messages.
    let r = post(
        &app,
        &c,
        &format!("/api/v1/persons/{b}/course-needs"),
        json!({"course_type": "bsk_b1_b2", "level": "B3"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["errors"][0]["code"], "invalid_level");

    // Counsellors cannot start runs.
    let body = json!({"window_from": "2027-01-01", "window_to": "2027-01-31"});
    let r = post(&app, &c, "/api/v1/allocation-runs", body.clone()).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = post(&app, &lead, "/api/v1/allocation-runs", body).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let run = r.json();
    let people = run["proposal"]["people"].as_array().unwrap();
    let of = |need: &Value| {
        people
            .iter()
            .find(|p| p["need_id"] == need["id"])
            .unwrap()
            .clone()
    };
    // The one near seat goes to the obliged person; Melle is too far (max 20 km).
    assert_eq!(of(&need_b)["course_id"], near["id"], "{run:#}");
    assert!(of(&need_a)["course_id"].is_null(), "{run:#}");
    let reasons = of(&need_a)["reasons"].clone();
    assert_eq!(reasons[0]["kind"], "all_fitting_full", "{reasons:#}");

    // Pin A to the near course and exclude B from it: B has nowhere else to go.
    let r = post(
        &app,
        &lead,
        &format!("/api/v1/allocation-runs/{}/rerun", run["id"].as_str().unwrap()),
        json!({"version": 1, "pinned": [[need_a["id"], near["id"]]], "excluded": [[need_b["id"], near["id"]]]}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let rerun = r.json();
    assert_eq!(rerun["version"], 2);
    let pa = rerun["proposal"]["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["need_id"] == need_a["id"])
        .unwrap()
        .clone();
    assert_eq!(pa["course_id"], near["id"]);
    assert_eq!(pa["pinned"], true);
    assert_eq!(pa["reasons"][0]["kind"], "pinned");

    // Confirm: books the seat, the need is placed, the plan has the course step.
    let r = post(
        &app,
        &lead,
        &format!(
            "/api/v1/allocation-runs/{}/confirm",
            run["id"].as_str().unwrap()
        ),
        json!({"version": 2}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["status"], "confirmed");
    let course = app
        .get(
            &format!("/api/v1/courses/{}", near["id"].as_str().unwrap()),
            Auth::Bearer(&provider),
        )
        .await
        .json();
    assert_eq!(course["seats_allocated"], 1);
    let needs = app
        .get(
            &format!("/api/v1/persons/{a}/course-needs"),
            Auth::Bearer(&c),
        )
        .await
        .json();
    assert_eq!(needs[0]["status"], "placed");
    assert_eq!(needs[0]["course_id"], near["id"]);
    let plan = app
        .get(&format!("/api/v1/persons/{a}/plan"), Auth::Bearer(&c))
        .await
        .json();
    // The person's audit trail names the need's creation and placement.
    let trail = app
        .get(&format!("/api/v1/persons/{a}/audit"), Auth::Bearer(&lead))
        .await
        .json()
        .to_string();
    assert!(
        trail.contains("course_need.create") && trail.contains("course_need.place"),
        "{trail}"
    );
    assert!(plan.to_string().contains("Kursbeginn"), "{plan:#}");
    // The provider sees its participant; a confirmed run cannot be confirmed again.
    let list = app
        .get(
            &format!(
                "/api/v1/courses/{}/participants",
                near["id"].as_str().unwrap()
            ),
            Auth::Bearer(&provider),
        )
        .await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    assert_eq!(list.json()[0]["family_name"], "Amiri");
    let r = post(
        &app,
        &lead,
        &format!(
            "/api/v1/allocation-runs/{}/confirm",
            run["id"].as_str().unwrap()
        ),
        json!({"version": 3}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    // Capacity below the booked seat is refused.
    let mut edit = course_body(&bramsche, 1, "2027-01-11");
    edit["capacity"] = json!(1);
    edit["seats_taken_outside"] = json!(1);
    edit["version"] = course["version"].clone();
    let r = app
        .call(
            Method::PUT,
            &format!("/api/v1/courses/{}", near["id"].as_str().unwrap()),
            Some(edit),
            Auth::Bearer(&provider),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(r.json()["errors"][0]["code"], "below_booked");
    let _ = far;
}

/// Two team leads confirm overlapping runs at the same time: one books, the other is told
/// what no longer fits, and the course is never overbooked (runs on SQLite and PostgreSQL).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_confirmations_never_overbook() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let lead = app.login("team_lead").await;
    let lead2 = app.login("team_lead").await;
    let bramsche = town(&app, &c, "Bramsche").await;
    let course = post(&app, &lead, "/api/v1/courses", {
        let mut b = course_body(&bramsche, 2, "2027-01-11");
        b["provider_org_id"] = json!(app.org_id("course_provider").await);
        b
    })
    .await;
    assert_eq!(course.status, StatusCode::CREATED, "{}", course.body);
    let course = course.json();
    for name in ["Celik", "Demir", "Erdem"] {
        let p = person_in(&app, &c, &bramsche, name).await;
        need(
            &app,
            &c,
            &p,
            json!({"course_type": "ik_general", "earliest_start": "2026-12-01"}),
        )
        .await;
    }
    let window = json!({"window_from": "2027-01-01", "window_to": "2027-01-31"});
    let run1 = post(&app, &lead, "/api/v1/allocation-runs", window.clone())
        .await
        .json();
    let run2 = post(&app, &lead2, "/api/v1/allocation-runs", window)
        .await
        .json();
    assert_eq!(run1["proposal"]["placed"], 2);
    assert_eq!(run2["proposal"]["placed"], 2);
    let confirm = |token: String, id: String| {
        let app = &app;
        async move {
            post(
                app,
                &token,
                &format!("/api/v1/allocation-runs/{id}/confirm"),
                json!({"version": 1}),
            )
            .await
        }
    };
    let (r1, r2) = tokio::join!(
        confirm(lead.clone(), run1["id"].as_str().unwrap().to_owned()),
        confirm(lead2.clone(), run2["id"].as_str().unwrap().to_owned())
    );
    let mut statuses = [r1.status, r2.status];
    statuses.sort();
    assert_eq!(
        statuses,
        [StatusCode::OK, StatusCode::CONFLICT],
        "{} / {}",
        r1.body,
        r2.body
    );
    let loser = if r1.status == StatusCode::CONFLICT {
        &r1
    } else {
        &r2
    };
    let clashes = loser.json()["clashes"].clone();
    assert!(
        clashes
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["kind"] == "course_full" && c["free"] == 0),
        "{clashes:#}"
    );
    let after = app
        .get(
            &format!("/api/v1/courses/{}", course["id"].as_str().unwrap()),
            Auth::Bearer(&lead),
        )
        .await
        .json();
    assert_eq!(after["seats_allocated"], 2, "{after:#}");
    let waiting = app
        .get("/api/v1/waiting-list", Auth::Bearer(&c))
        .await
        .json();
    assert_eq!(
        waiting.as_array().unwrap().len(),
        1,
        "one person still waits"
    );
}

/// The same story through the HTML forms (no JavaScript needed).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_course_pages_work_without_javascript() {
    let app = TestApp::new().await;
    let provider = app.login("provider").await;
    let c = app.login("counsellor").await;
    let lead = app.login("team_lead").await;
    let bramsche = town(&app, &c, "Bramsche").await;
    // A provider's form with a mistake comes back with the message next to the field.
    let fields = |capacity: &'static str, ends: &'static str| {
        vec![
            ("course_type", "ik_general"),
            ("municipality_id", bramsche.as_str()),
            ("title", "Vormittagskurs Bramsche"),
            ("day_mon", "on"),
            ("day_wed", "on"),
            ("time_slot", "morning"),
            ("starts_on", "2027-01-11"),
            ("ends_on", ends),
            ("capacity", capacity),
        ]
    };
    let r = app
        .form(
            "/courses",
            &fields("30", "2026-12-01"),
            Auth::Cookie(&provider),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("capacity-error") && r.body.contains("ends_on-error"),
        "{}",
        r.body
    );
    let r = app
        .form(
            "/courses",
            &fields("12", "2027-08-01"),
            Auth::Cookie(&provider),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let course_page = r.headers["location"].to_str().unwrap().to_owned();
    let page = app.get(&course_page, Auth::Cookie(&provider)).await;
    assert!(page.body.contains("Vormittagskurs Bramsche"));
    let catalogue = app
        .get(
            &format!("/courses?near={bramsche}&free=on"),
            Auth::Cookie(&c),
        )
        .await;
    assert!(
        catalogue.body.contains("Vormittagskurs Bramsche") && catalogue.body.contains("0.0 km"),
        "{}",
        catalogue.body
    );

    // The counsellor's one click: the form is filled in from eligibility.
    let person = person_in(&app, &c, &bramsche, "Faizi").await;
    let page = app
        .get(&format!("/persons/{person}/course"), Auth::Cookie(&c))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains(r#"<option value="ik_general" selected"#),
        "{}",
        page.body
    );
    let r = app
        .form(
            &format!("/persons/{person}/course-needs"),
            &[
                ("course_type", "ik_general"),
                ("start_module", "1"),
                ("earliest_start", "2026-12-01"),
                ("latest_start", "2027-03-01"),
                ("max_travel_km", "25"),
                ("slot_morning", "on"),
            ],
            Auth::Cookie(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    // The team lead runs, sees the person in the course with a reason, confirms.
    let r = app
        .form(
            "/allocation",
            &[("window_from", "2027-01-01"), ("window_to", "2026-01-01")],
            Auth::Cookie(&lead),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("window_to-error"));
    let r = app
        .form(
            "/allocation",
            &[("window_from", "2027-01-01"), ("window_to", "2027-01-31")],
            Auth::Cookie(&lead),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let run_page = r.headers["location"].to_str().unwrap().to_owned();
    let page = app.get(&run_page, Auth::Cookie(&lead)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Faizi, Test"), "{}", page.body);
    // Fluent isolates placeables with U+2068/U+2069 (correct bidi); compare without them.
    let text: String = page
        .body
        .chars()
        .filter(|c| !matches!(c, '\u{2068}' | '\u{2069}'))
        .collect();
    assert!(
        text.contains("Platz in Vormittagskurs Bramsche, Bramsche, ab 11.01.2027: 0 km Weg"),
        "{text}"
    );
    let r = app
        .form(
            &format!("{run_page}/confirm"),
            &[("version", "1")],
            Auth::Cookie(&lead),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = app.get(&course_page, Auth::Cookie(&provider)).await;
    assert!(
        page.body.contains("Faizi"),
        "the provider sees the participant: {}",
        page.body
    );

    // One click from the person page puts a second person on the waiting list.
    let other = person_in(&app, &c, &bramsche, "Ghani").await;
    let page = app
        .get(&format!("/persons/{other}"), Auth::Cookie(&c))
        .await;
    assert!(page.body.contains(r#"id="add-need""#), "{}", page.body);
    let r = app
        .form(
            &format!("/persons/{other}/course-needs/suggested"),
            &[],
            Auth::Cookie(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = app
        .get(&format!("/persons/{other}"), Auth::Cookie(&c))
        .await;
    assert!(
        !page.body.contains(r#"id="add-need""#) && page.body.contains("wartet"),
        "{}",
        page.body
    );
    let needs = app
        .get(
            &format!("/api/v1/persons/{other}/course-needs"),
            Auth::Bearer(&c),
        )
        .await
        .json();
    assert_eq!(needs[0]["course_type"], "ik_general", "{needs:#}");
    // A second click is a conflict, not a second need.
    let r = app
        .form(
            &format!("/persons/{other}/course-needs/suggested"),
            &[],
            Auth::Cookie(&c),
        )
        .await;
    assert_ne!(r.status, StatusCode::SEE_OTHER);

    // The printable invitation, German and English side by side.
    let course_page = app
        .get(&format!("/persons/{person}/course"), Auth::Cookie(&c))
        .await;
    let start = course_page
        .body
        .find("/placements/")
        .expect("an invitation link");
    let link: String = course_page.body[start..]
        .chars()
        .take_while(|&ch| ch != '"')
        .collect();
    let inv = app.get(&format!("{link}?lang=en"), Auth::Cookie(&c)).await;
    assert_eq!(inv.status, StatusCode::OK, "{}", inv.body);
    for text in [
        "Einladung zum Deutschkurs",
        "Invitation to your German course",
        "Montag, 11.01.2027",
        "Monday, 11.01.2027",
        "Faizi, Test",
    ] {
        assert!(inv.body.contains(text), "{text} in {}", inv.body);
    }
}
