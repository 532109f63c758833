//! Course results and the tenant's attendance rule.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn results_notify_and_a_drop_out_ends_the_placement() {
    let app = TestApp::new().await;
    let s = setup(&app, "immigration_office").await;
    let officer = app.login("placement_officer").await;
    let abh = app.login("immigration_office").await;
    // A placement test is recorded without telling anyone.
    let r = post(
        &app,
        &s.provider,
        &format!("/api/v1/placements/{}/results", s.placement),
        json!({"kind": "placement_test", "value": "3", "on_date": (today() - Duration::days(40)).to_string()}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(r.json()["notified"], 0);
    // The DTZ result tells the counsellor, the job centre and the immigration office that
    // obliged the person.
    let r = post(
        &app,
        &s.provider,
        &format!("/api/v1/placements/{}/results", s.placement),
        json!({"kind": "dtz", "value": "below A2"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(r.json()["value"], "below_a2");
    assert_eq!(r.json()["notified"], 3);
    for token in [&s.counsellor, &officer, &abh] {
        let n = notifications(&app, token).await;
        assert_eq!(n["items"][0]["kind"], "course_result", "{n:#}");
    }
    // Bad input: every field named.
    let r = post(
        &app,
        &s.provider,
        &format!("/api/v1/placements/{}/results", s.placement),
        json!({"kind": "drop_out", "on_date": (today() + Duration::days(2)).to_string()}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(r.json()["errors"].as_array().unwrap().len(), 2);
    // A drop-out ends the placement; attendance after it is refused.
    let out_on = weekdays_before_today(3)[0];
    let r = post(
        &app,
        &s.provider,
        &format!("/api/v1/placements/{}/results", s.placement),
        json!({"kind": "drop_out", "on_date": out_on.to_string(), "reason": "Umzug nach Hamburg"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let r = post(
        &app,
        &s.provider,
        &format!("/api/v1/placements/{}/results", s.placement),
        json!({"kind": "drop_out", "on_date": out_on.to_string(), "reason": "doppelt"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    let after = weekdays_before_today(1)[0];
    let r = csv(
        &app,
        &s.provider,
        &s.course,
        &format!(
            "case_number;day;status\n{};{after};present\n",
            s.case_number
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(r.json()["errors"][0]["code"], "after_drop_out");
    // The immigration office sees its obliged client with the course record (IntV § 8 Abs. 3:
    // the office that obliged a person learns whether they attend) — nothing more.
    let report = app
        .get("/api/v1/reports/clients", Auth::Bearer(&abh))
        .await
        .json();
    let client = report["clients"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["person_id"] == s.person.as_str())
        .unwrap_or_else(|| panic!("not in the ABH report: {report:#}"))
        .clone();
    assert_eq!(client["obliged_by"], "immigration_office");
    assert_eq!(client["withheld"], json!([]));
    assert_eq!(client["placement_status"], "dropped_out", "{client:#}");
    assert!(client["attendance"].is_object(), "{client:#}");
    // The job centre sees the drop-out and the results.
    let report = app
        .get("/api/v1/reports/clients", Auth::Bearer(&officer))
        .await
        .json();
    let client = report["clients"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["person_id"] == s.person.as_str())
        .unwrap()
        .clone();
    assert_eq!(client["placement_status"], "dropped_out");
    assert_eq!(client["placement_status_on"], out_on.to_string());
    assert_eq!(client["results"].as_array().unwrap().len(), 3, "{client:#}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn administrators_configure_the_rule() {
    let app = TestApp::new().await;
    let admin = app.login("admin").await;
    let lead = app.login("team_lead").await;
    let r = app
        .get("/api/v1/settings/attendance-rule", Auth::Bearer(&admin))
        .await
        .json();
    assert_eq!(
        r,
        json!({"unexcused_limit": 3, "unexcused_window_days": 14, "min_rate_percent": 80, "rate_window_days": 28, "version": 0})
    );
    let put = |token: String, body: Value| {
        let app = &app;
        async move {
            app.call(
                Method::PUT,
                "/api/v1/settings/attendance-rule",
                Some(body),
                Auth::Bearer(&token),
            )
            .await
        }
    };
    let strict = json!({"unexcused_limit": 2, "unexcused_window_days": 7, "min_rate_percent": 90, "rate_window_days": 28, "version": 0});
    assert_eq!(
        put(lead.clone(), strict.clone()).await.status,
        StatusCode::FORBIDDEN
    );
    let r = put(admin.clone(), strict.clone()).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["version"], 1);
    assert_eq!(
        put(admin.clone(), strict).await.status,
        StatusCode::CONFLICT
    );
    let r = put(
        admin.clone(),
        json!({"unexcused_limit": 0, "unexcused_window_days": 7, "min_rate_percent": 120, "rate_window_days": 28, "version": 1}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(r.json()["errors"].as_array().unwrap().len(), 2);
}
