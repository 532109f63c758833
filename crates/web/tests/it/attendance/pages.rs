//! Attendance through the pages (no JavaScript) and the e-mail path into an SMTP sink.

use super::*;

/// The same through the pages: the provider pastes a CSV (a wrong one first), the officer sees
/// the notification with the badge in the header and the client report.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attendance_pages_without_javascript() {
    let app = TestApp::new().await;
    let s = setup(&app, "job_centre").await;
    let page = app
        .get(
            &format!("/courses/{}/attendance", s.course),
            Auth::Cookie(&s.provider),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Amiri, Test") && page.body.contains("id=\"upload-csv\""));
    let days = weekdays_before_today(3);
    let bad = format!(
        "case_number;day;status\n{c};{d0};unexcused\n{c};2026-02-31;unexcused\n",
        c = s.case_number,
        d0 = days[0]
    );
    let r = app
        .form(
            &format!("/courses/{}/attendance/csv", s.course),
            &[("csv", &bad)],
            Auth::Cookie(&s.provider),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.body.contains("attendance-errors") && r.body.contains("Zeile 3"),
        "{}",
        r.body
    );
    let good = format!(
        "case_number;day;status\n{c};{d0};unexcused\n{c};{d1};unexcused\n{c};{d2};unexcused\n",
        c = s.case_number,
        d0 = days[0],
        d1 = days[1],
        d2 = days[2]
    );
    let r = app
        .form(
            &format!("/courses/{}/attendance/csv", s.course),
            &[("csv", &good)],
            Auth::Cookie(&s.provider),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(
        r.headers["location"]
            .to_str()
            .unwrap()
            .contains("attendance-saved-alert")
    );
    let grid = app
        .get(
            &format!("/courses/{}/attendance", s.course),
            Auth::Cookie(&s.provider),
        )
        .await;
    assert!(grid.body.contains("att-unexcused"), "{}", grid.body);

    let officer = app.login("placement_officer").await;
    let dash = app.get("/", Auth::Cookie(&officer)).await;
    assert!(
        dash.body.contains("id=\"unread-count\">1<"),
        "{}",
        dash.body
    );
    let list = app.get("/notifications", Auth::Cookie(&officer)).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(
        list.body.contains(&s.case_number) && list.body.contains("3 unentschuldigte Fehltage"),
        "{}",
        list.body
    );
    let report = app.get("/reports/clients", Auth::Cookie(&officer)).await;
    assert_eq!(report.status, StatusCode::OK, "{}", report.body);
    assert!(
        report.body.contains("Amiri, Test") && report.body.contains("row-failed"),
        "{}",
        report.body
    );
    // A counsellor may not open the officers' report.
    let r = app
        .get("/reports/clients", Auth::Cookie(&s.counsellor))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // Results in the browser: a drop-out needs a reason; a DTZ result is listed.
    let path = format!("/courses/{}/results", s.course);
    let r = app
        .form(
            &path,
            &[("placement_id", &s.placement), ("kind", "drop_out")],
            Auth::Cookie(&s.provider),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let r = app
        .form(
            &path,
            &[
                ("placement_id", &s.placement),
                ("kind", "dtz"),
                ("value", "B1"),
            ],
            Auth::Cookie(&s.provider),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let grid = app
        .get(
            &format!("/courses/{}/attendance", s.course),
            Auth::Cookie(&s.provider),
        )
        .await;
    assert!(
        grid.body.contains("Deutsch-Test für Zuwanderer (DTZ): B1"),
        "{}",
        grid.body
    );
}

/// With SMTP configured, the breach reaches the officer's mailbox through the job worker:
/// reminder job → e-mail job → lettre → a local SMTP sink. The e-mail carries no case data.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_breach_is_e_mailed_through_smtp() {
    let sink = crate::support::SmtpSink::start();
    let app = TestApp::with_config(ankommen_web::WebConfig {
        smtp: Some(sink.config()),
        ..Default::default()
    })
    .await;
    let s = setup(&app, "job_centre").await;
    let admin = app.login("admin").await;
    let officer_user = app
        .get("/api/v1/users?role=placement_officer", Auth::Bearer(&admin))
        .await
        .json()[0]
        .clone();
    let mut body = officer_user.clone();
    body["email"] = json!("vermittlung@jobcenter.example");
    let r = app
        .call(
            Method::PUT,
            &format!("/api/v1/users/{}", officer_user["id"].as_str().unwrap()),
            Some(body),
            Auth::Bearer(&admin),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let days = weekdays_before_today(3);
    let text = format!(
        "case_number;day;status\n{c};{d0};unexcused\n{c};{d1};unexcused\n{c};{d2};unexcused\n",
        c = s.case_number,
        d0 = days[0],
        d1 = days[1],
        d2 = days[2]
    );
    let r = csv(&app, &s.provider, &s.course, &text).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    // Run the worker until the queue is empty (reminder → e-mail).
    for _ in 0..10 {
        app.make_all_jobs_due().await;
        if !ankommen_web::jobs::run_one(&app.state, "test-worker")
            .await
            .unwrap()
        {
            break;
        }
    }
    let mails = sink.messages();
    let to_officer: Vec<&String> = mails
        .iter()
        .filter(|m| m.contains("vermittlung@jobcenter.example"))
        .collect();
    assert_eq!(to_officer.len(), 1, "{mails:#?}");
    assert!(
        !to_officer[0].contains("Amiri"),
        "no names in e-mails: {}",
        to_officer[0]
    );
}
