//! Attendance over the API: a provider uploads a course's attendance by CSV (the whole file
//! is checked first; nothing is stored if any row is wrong), three unexcused absences within
//! 14 days notify the placement officer and the counsellor exactly once, results notify too,
//! other providers are refused, and the officer's client report shows the attendance rate.

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use time::{Date, Duration, Weekday};

use crate::support::{Auth, Reply, TestApp};

async fn post(app: &TestApp, token: &str, path: &str, body: Value) -> Reply {
    app.call(Method::POST, path, Some(body), Auth::Bearer(token))
        .await
}

async fn csv(app: &TestApp, token: &str, course: &str, text: &str) -> Reply {
    app.raw(
        Method::POST,
        &format!("/api/v1/courses/{course}/attendance.csv"),
        text,
        "text/csv; charset=utf-8",
        Auth::Bearer(token),
    )
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

fn today() -> Date {
    ankommen_db::now().date()
}

/// The `n` most recent weekdays before today, oldest first.
fn weekdays_before_today(n: usize) -> Vec<Date> {
    let mut out = Vec::new();
    let mut d = today();
    while out.len() < n {
        d -= Duration::days(1);
        if !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) {
            out.push(d);
        }
    }
    out.reverse();
    out
}

fn german(d: Date) -> String {
    format!("{:02}.{:02}.{}", d.day(), u8::from(d.month()), d.year())
}

/// A course that started five weeks ago, with one person placed in it by an allocation run
/// and the job centre as the person's responsible agency.
struct Setup {
    course: String,
    placement: String,
    person: String,
    case_number: String,
    provider: String,
    counsellor: String,
    lead: String,
}

async fn setup(app: &TestApp, obliged_by: &str) -> Setup {
    let provider = app.login("provider").await;
    let counsellor = app.login("counsellor").await;
    let lead = app.login("team_lead").await;
    let bramsche = town(app, &counsellor, "Bramsche").await;
    let starts = today() - Duration::days(35);
    let r = post(
        app,
        &provider,
        "/api/v1/courses",
        json!({
            "course_type": "ik_general", "title": "Integrationskurs Vormittag",
            "municipality_id": bramsche, "street": "Hauptstraße 1", "postcode": "49565",
            "days": ["mon", "tue", "wed", "thu", "fri"], "time_slot": "morning",
            "starts_at": "08:30", "ends_at": "12:45",
            "starts_on": starts.to_string(),
            "ends_on": (today() + Duration::days(150)).to_string(), "capacity": 20
        }),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let course = r.json()["id"].as_str().unwrap().to_owned();

    let person_body = json!({"family_name": "Amiri", "given_names": "Test",
        "birth_date": "1990-01-01", "municipality_id": bramsche});
    let r = post(app, &counsellor, "/api/v1/persons", person_body.clone()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let person = r.json()["person"]["id"].as_str().unwrap().to_owned();
    // The job centre is the person's responsible agency.
    let jc = app.org_id("job_centre").await;
    let version = app
        .get(
            &format!("/api/v1/persons/{person}"),
            Auth::Bearer(&counsellor),
        )
        .await
        .json()["version"]
        .clone();
    let mut body = person_body;
    body["benefits_law"] = json!("sgb2");
    body["responsible_org_id"] = json!(jc);
    body["version"] = version;
    let r = app
        .call(
            Method::PUT,
            &format!("/api/v1/persons/{person}"),
            Some(body),
            Auth::Bearer(&counsellor),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);

    let mut need = json!({
        "course_type": "ik_general",
        "earliest_start": (starts - Duration::days(20)).to_string(),
        "latest_start": (starts + Duration::days(20)).to_string(),
        "max_travel_km": 20,
        "waiting_since": (starts - Duration::days(30)).to_string(),
    });
    if !obliged_by.is_empty() {
        need["obliged_by"] = json!(obliged_by);
        need["obliged_on"] = json!((starts - Duration::days(25)).to_string());
    }
    let r = post(
        app,
        &counsellor,
        &format!("/api/v1/persons/{person}/course-needs"),
        need,
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);

    let r = post(
        app,
        &lead,
        "/api/v1/allocation-runs",
        json!({"window_from": (starts - Duration::days(1)).to_string(),
               "window_to": (starts + Duration::days(1)).to_string()}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let run = r.json();
    let r = post(
        app,
        &lead,
        &format!(
            "/api/v1/allocation-runs/{}/confirm",
            run["id"].as_str().unwrap()
        ),
        json!({"version": run["version"]}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);

    let list = app
        .get(
            &format!("/api/v1/courses/{course}/participants"),
            Auth::Bearer(&provider),
        )
        .await
        .json();
    let me = list
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["person_id"] == person.as_str())
        .unwrap_or_else(|| panic!("not placed: {list:#}"))
        .clone();
    Setup {
        course,
        placement: me["placement_id"].as_str().unwrap().to_owned(),
        case_number: me["case_number"].as_str().unwrap().to_owned(),
        person,
        provider,
        counsellor,
        lead,
    }
}

/// The actions of every audit entry about `person`.
async fn person_audit_actions(app: &TestApp, person: &str) -> Vec<String> {
    use ankommen_db::schema::audit_log as a;
    use diesel::prelude::*;
    let db = app.db.db.clone();
    let person = person.to_owned();
    tokio::task::spawn_blocking(move || {
        let mut c = db.conn().unwrap();
        a::table
            .filter(a::person_id.eq(person))
            .order(a::seq)
            .select(a::action)
            .load::<String>(&mut *c)
            .unwrap()
    })
    .await
    .unwrap()
}

async fn notifications(app: &TestApp, token: &str) -> Value {
    let r = app.get("/api/v1/notifications", Auth::Bearer(token)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    r.json()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_unexcused_absences_by_csv_notify_the_officer_and_the_counsellor_once() {
    let app = TestApp::new().await;
    let s = setup(&app, "job_centre").await;
    // The placement officer has an e-mail address: the notification also queues an e-mail.
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
    let officer = app.login("placement_officer").await;

    let days = weekdays_before_today(5);
    let text = format!(
        "case_number;day;status;late_minutes;left_early_minutes;note\n\
         {c};{d0};present;20;;Bus verspätet\n\
         {c};{d1};anwesend;;;\n\
         {c};{d2};unexcused;;;\n\
         {c};{d3};unentschuldigt;;;\"kein Anruf; nicht erreichbar\"\n\
         {c};{d4};unexcused;;;\n",
        c = s.case_number,
        d0 = days[0],
        d1 = german(days[1]),
        d2 = days[2],
        d3 = days[3],
        d4 = days[4],
    );
    let r = csv(&app, &s.provider, &s.course, &text).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let written = r.json();
    assert_eq!(written["created"], 5, "{written:#}");
    assert_eq!(written["notifications"], 2, "{written:#}");
    assert_eq!(written["breaches"][0]["notified"], true);
    assert_eq!(
        written["breaches"][0]["thresholds"][0],
        "unexcused_absences"
    );

    for token in [&officer, &s.counsellor] {
        let n = notifications(&app, token).await;
        assert_eq!(n["unread"], 1, "{n:#}");
        let items = n["items"].as_array().unwrap();
        assert_eq!(items.len(), 1, "{n:#}");
        assert_eq!(items[0]["kind"], "attendance_breach");
        assert_eq!(items[0]["person_id"], s.person.as_str());
        assert!(
            items[0]["title"].as_str().unwrap().contains(&s.case_number),
            "{n:#}"
        );
        assert!(
            items[0]["body"].as_str().unwrap().contains("3 unexcused"),
            "{n:#}"
        );
    }
    // The provider and the team lead are not told.
    assert_eq!(notifications(&app, &s.provider).await["unread"], 0);
    assert_eq!(notifications(&app, &s.lead).await["unread"], 0);
    // One e-mail reminder, to the officer (the counsellor has no address); no case data in it.
    let jobs = app.get("/api/v1/jobs", Auth::Bearer(&admin)).await.json();
    let reminders: Vec<&Value> = jobs
        .as_array()
        .unwrap()
        .iter()
        .filter(|j| j["kind"] == "reminder")
        .collect();
    assert_eq!(reminders.len(), 1, "{jobs:#}");
    assert!(
        !reminders[0].to_string().contains(&s.case_number),
        "{jobs:#}"
    );

    // The same file again, plus a correction: still the same breach, nobody is told twice.
    let again = text.replace(
        &format!("{};{};present;20;;Bus verspätet", s.case_number, days[0]),
        &format!("{};{};excused;;;Arzt", s.case_number, days[0]),
    );
    let r = csv(&app, &s.provider, &s.course, &again).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let written = r.json();
    assert_eq!(
        (
            &written["created"],
            &written["updated"],
            &written["unchanged"]
        ),
        (&json!(0), &json!(1), &json!(4)),
        "{written:#}"
    );
    assert_eq!(written["notifications"], 0, "{written:#}");
    assert_eq!(written["breaches"][0]["notified"], false);
    for token in [&officer, &s.counsellor] {
        assert_eq!(notifications(&app, token).await["unread"], 1);
    }

    // Marking read: the officer's own only.
    let n = notifications(&app, &officer).await;
    let nid = n["items"][0]["id"].as_str().unwrap().to_owned();
    let r = post(
        &app,
        &s.counsellor,
        &format!("/api/v1/notifications/{nid}/read"),
        json!({}),
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
    let r = post(
        &app,
        &officer,
        &format!("/api/v1/notifications/{nid}/read"),
        json!({}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.json()["read_at"].is_string());
    assert_eq!(notifications(&app, &officer).await["unread"], 0);

    // The grid: the participant with five days, the rate, one version per changed day.
    let grid = app
        .get(
            &format!("/api/v1/courses/{}/attendance", s.course),
            Auth::Bearer(&s.provider),
        )
        .await;
    assert_eq!(grid.status, StatusCode::OK, "{}", grid.body);
    let grid = grid.json();
    let row = &grid["participants"][0];
    assert_eq!(row["placement_id"], s.placement.as_str());
    assert_eq!(row["days"][days[0].to_string()]["status"], "excused");
    assert_eq!(row["days"][days[0].to_string()]["version"], 2);
    assert_eq!(
        row["days"][days[3].to_string()]["note"],
        "kein Anruf; nicht erreichbar"
    );
    assert_eq!(row["rate"]["recorded"], 5);
    assert_eq!(row["rate"]["present"], 1);
    assert_eq!(row["rate"]["percent"], 20);
    assert!(
        grid["days"].as_array().unwrap().len() >= 20,
        "every scheduled day since the start: {grid:#}"
    );

    // One day as JSON: a stale version is refused, a current one changes the day.
    let day = days[4].to_string();
    let r = app
        .call(
            Method::PUT,
            &format!("/api/v1/courses/{}/attendance/{day}", s.course),
            Some(json!([{"placement_id": s.placement, "status": "excused", "note": "Attest nachgereicht", "version": 7}])),
            Auth::Bearer(&s.provider),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    let r = app
        .call(
            Method::PUT,
            &format!("/api/v1/courses/{}/attendance/{day}", s.course),
            Some(json!([{"placement_id": s.placement, "status": "excused", "note": "Attest nachgereicht", "version": 1}])),
            Auth::Bearer(&s.provider),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["updated"], 1);

    // The officer's report: course, placement status, attendance rate.
    let report = app
        .get("/api/v1/reports/clients", Auth::Bearer(&officer))
        .await;
    assert_eq!(report.status, StatusCode::OK, "{}", report.body);
    let report = report.json();
    let client = report["clients"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["person_id"] == s.person.as_str())
        .unwrap_or_else(|| panic!("not in the report: {report:#}"))
        .clone();
    assert_eq!(client["placement_status"], "booked");
    assert_eq!(client["course"]["id"], s.course.as_str());
    assert_eq!(client["attendance"]["recorded"], 5);
    assert_eq!(client["attendance"]["present"], 1);
    assert_eq!(client["attendance"]["percent"], 20);
    assert_eq!(client["attendance_recent"]["percent"], 20);
    assert_eq!(client["withheld"], json!([]));
    assert_eq!(report["rule"]["unexcused_limit"], 3);
    // The immigration office did not oblige this person and is not responsible.
    let abh = app.login("immigration_office").await;
    let r = app
        .get("/api/v1/reports/clients", Auth::Bearer(&abh))
        .await
        .json();
    assert!(
        !r.to_string().contains(&s.person),
        "the ABH does not see the job centre's client: {r:#}"
    );
    // Counsellors and providers have no client report.
    let r = app
        .get("/api/v1/reports/clients", Auth::Bearer(&s.counsellor))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // Everything is in the audit log under the person (`/persons/{id}/audit` lists only
    // entries whose entity is the person, so read the log itself).
    let actions = person_audit_actions(&app, &s.person).await;
    for a in [
        "attendance.record",
        "notification.create",
        "notification.read",
        "notification.mark_read",
        "attendance.read",
        "report.clients.read",
    ] {
        assert!(actions.iter().any(|x| x == a), "{a} in {actions:?}");
    }
    assert_eq!(
        actions
            .iter()
            .filter(|a| *a == "notification.create")
            .count(),
        2,
        "{actions:?}"
    );
    let history = app
        .get(
            &format!("/api/v1/persons/{}/history", s.person),
            Auth::Bearer(&s.counsellor),
        )
        .await
        .json();
    let fields: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["field"].as_str())
        .filter(|f| f.starts_with("attendance."))
        .collect();
    assert_eq!(
        fields.len(),
        3,
        "one history entry per write, not per day: {history:#}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_file_is_rejected_with_every_line_and_nothing_is_stored() {
    let app = TestApp::new().await;
    let s = setup(&app, "").await;
    let days = weekdays_before_today(3);
    let text = format!(
        "case_number,day,status,late_minutes,left_early_minutes,note\n\
         {c},{d0},present,,,\n\
         {c},31.02.2026,present,,,\n\
         2026-99999,{d1},unexcused,,,\n\
         {c},{d2},unexcused,,,\n\
         {c},{d2g},excused,,,\n",
        c = s.case_number,
        d0 = days[0],
        d1 = days[1],
        d2 = days[2],
        d2g = german(days[2]),
    );
    let r = csv(&app, &s.provider, &s.course, &text).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(
        r.headers["content-type"], "application/problem+json",
        "{:?}",
        r.headers
    );
    let problem = r.json();
    let errors: Vec<(String, String)> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        vec![
            ("line 3".to_owned(), "impossible_date".to_owned()),
            ("line 4".to_owned(), "not_a_participant".to_owned()),
            ("line 6".to_owned(), "duplicate_row".to_owned()),
        ],
        "{problem:#}"
    );
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("nothing was stored"),
        "{problem:#}"
    );
    // Nothing stored, not even the good rows.
    let grid = app
        .get(
            &format!("/api/v1/courses/{}/attendance", s.course),
            Auth::Bearer(&s.provider),
        )
        .await
        .json();
    assert_eq!(grid["participants"][0]["days"], json!({}), "{grid:#}");
    assert_eq!(grid["participants"][0]["rate"]["recorded"], 0);

    // JSON for one day: every entry's problem named.
    let r = app
        .call(
            Method::PUT,
            &format!("/api/v1/courses/{}/attendance/{}", s.course, days[0]),
            Some(json!([
                {"placement_id": s.placement, "status": "krank"},
                {"placement_id": s.placement, "status": "unexcused", "late_minutes": 10}
            ])),
            Auth::Bearer(&s.provider),
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
        vec![
            "entries[0].status",
            "entries[1].placement_id",
            "entries[1].late_minutes"
        ]
    );
    // A day in the future.
    let r = app
        .call(
            Method::PUT,
            &format!(
                "/api/v1/courses/{}/attendance/{}",
                s.course,
                today() + Duration::days(3)
            ),
            Some(json!([{"placement_id": s.placement, "status": "present"}])),
            Auth::Bearer(&s.provider),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(r.json()["errors"][0]["code"], "future_date");
    // A file that is not CSV text.
    let r = app
        .raw(
            Method::POST,
            &format!("/api/v1/courses/{}/attendance.csv", s.course),
            "{}",
            "application/json",
            Auth::Bearer(&s.provider),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_courses_provider_and_team_leads_record() {
    let app = TestApp::new().await;
    let s = setup(&app, "").await;
    let admin = app.login("admin").await;
    // A second provider organisation with its own provider user.
    let other_org = app
        .get("/api/v1/organisations", Auth::Bearer(&admin))
        .await
        .json()
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["kind"] == "course_provider" && o["name"] == "Sprachschule Artland")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = post(
        &app,
        &admin,
        "/api/v1/users",
        json!({"username": "artland", "display_name": "Sprachschule Artland", "role": "provider",
               "org_id": other_org, "locale": "de", "password": "anderer-traeger-2026"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let other = app.login_as("artland", "anderer-traeger-2026").await;
    let day = weekdays_before_today(1)[0];
    let line = format!(
        "case_number;day;status\n{};{day};unexcused\n",
        s.case_number
    );
    let r = csv(&app, &other, &s.course, &line).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let r = app
        .call(
            Method::PUT,
            &format!("/api/v1/courses/{}/attendance/{day}", s.course),
            Some(json!([{"placement_id": s.placement, "status": "unexcused"}])),
            Auth::Bearer(&other),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let r = post(
        &app,
        &other,
        &format!("/api/v1/placements/{}/results", s.placement),
        json!({"kind": "dtz", "value": "B1"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let r = app
        .get(
            &format!("/api/v1/courses/{}/attendance", s.course),
            Auth::Bearer(&other),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    // The counsellor reads but does not record.
    let r = csv(&app, &s.counsellor, &s.course, &line).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    // The team lead records.
    let r = csv(&app, &s.lead, &s.course, &line).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["created"], 1);
    // The denials are audited.
    let audit = app
        .get("/api/v1/audit?limit=100", Auth::Bearer(&admin))
        .await
        .json();
    let denied = audit
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "access.denied" && e["outcome"] == "denied")
        .count();
    assert!(denied >= 5, "{audit:#}");
}

mod pages;
mod results;
