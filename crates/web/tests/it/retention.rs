//! Reminders for unanswered referrals, the team leads' break-the-glass review, the data
//! export (GDPR Art. 15), erasure on request (Art. 17), the nightly retention run and the
//! data-protection settings, over HTTP on SQLite and PostgreSQL.

use axum::http::{Method, StatusCode};
use diesel::prelude::*;
use serde_json::{Value, json};

use crate::network::{act, consent, login, new_person, post, readable, refer, sql};
use crate::support::{Auth, TestApp};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reminders_break_glass_review_retention_export_and_erasure() {
    let app = TestApp::new().await;
    let (c, _) = login(&app, "counsellor").await;
    let (lead, _) = login(&app, "team_lead").await;
    let (vol, vol_org) = login(&app, "volunteer_coordinator").await;
    let (admin, _) = login(&app, "admin").await;
    let p = new_person(&app, &c, json!({})).await;
    let k = consent(&app, &c, &p, &vol_org, &["contact"], None).await;
    let today = ankommen_db::now().date();
    let (s, r) = refer(
        &app,
        &c,
        &p,
        json!({"to_org_id": vol_org, "scope": ["contact"], "purpose": "Begleitung", "consent_id": k["id"],
               "send": true, "respond_by": today.to_string()}),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{r}");

    // Unanswered the next day: both sides are reminded once.
    let db = app.db.db.clone();
    let tomorrow = today + time::Duration::days(1);
    let run = move || {
        let db = db.clone();
        std::thread::spawn(move || {
            let mut conn = db.conn().unwrap();
            let t = ankommen_db::tenants::default_tenant(&mut conn)
                .unwrap()
                .unwrap();
            ankommen_web::jobs::network_tasks(&mut conn, &t.id, tomorrow).unwrap()
        })
        .join()
        .unwrap()
    };
    assert_eq!(run().0, 1);
    assert_eq!(run().0, 0, "reminded once");
    for token in [&c, &vol] {
        let n: Value = app
            .get("/api/v1/notifications", Auth::Bearer(token))
            .await
            .json();
        assert!(n.to_string().contains("referral_overdue"), "{n}");
    }

    // Break the glass → review list → revoke ends the access.
    let q = new_person(&app, &lead, json!({"family_name": "Novak"})).await;
    let (s, _) = readable(
        &app,
        &c,
        &format!("/api/v1/persons/{q}?reason=Telefonat%20mit%20der%20Schule%20heute"),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(
        app.get("/api/v1/break-glass", Auth::Bearer(&c))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let list: Value = app
        .get("/api/v1/break-glass", Auth::Bearer(&lead))
        .await
        .json();
    let grant = list
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["person_id"] == q.as_str())
        .unwrap()
        .clone();
    assert_eq!(grant["active"], true);
    assert!(grant["reason"].as_str().unwrap().contains("Schule"));
    let (s, _) = post(
        &app,
        &lead,
        &format!(
            "/api/v1/break-glass/{}/review",
            grant["id"].as_str().unwrap()
        ),
        json!({"revoke": true, "note": "nicht nötig"}),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(
        readable(&app, &c, &format!("/api/v1/persons/{q}")).await.0,
        StatusCode::NOT_FOUND
    );
    let list: Value = app
        .get("/api/v1/break-glass", Auth::Bearer(&lead))
        .await
        .json();
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .all(|g| g["id"] != grant["id"]),
        "reviewed ones leave the list"
    );

    // Export (Art. 15): the record, the consent, the referral and who accessed it.
    let e = app
        .get(&format!("/api/v1/persons/{p}/export"), Auth::Bearer(&c))
        .await;
    assert_eq!(e.status, StatusCode::OK, "{}", e.body);
    let doc = e.json();
    assert_eq!(doc["person"]["values"]["family_name"], "Karimi", "{doc:#}");
    assert_eq!(doc["consents"].as_array().unwrap().len(), 1);
    assert_eq!(
        doc["referrals"][0]["to_organisation"],
        "Willkommensinitiative Bramsche"
    );
    assert!(doc["accesses"].as_array().unwrap().len() > 3);
    assert_eq!(
        app.get(&format!("/api/v1/persons/{p}/export"), Auth::Bearer(&vol))
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    // Erasure: blocked while the case is open and a referral is open; then done.
    let check: Value = app
        .get(&format!("/api/v1/persons/{p}/erasure"), Auth::Bearer(&lead))
        .await
        .json();
    assert_eq!(
        check["blockers"],
        json!(["case_open", "open_referrals"]),
        "{check}"
    );
    let (s, v) = post(
        &app,
        &lead,
        &format!("/api/v1/persons/{p}/erasure"),
        json!({"request_ref": "Antrag vom 20.11."}),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(
        app.get(&format!("/api/v1/persons/{p}/erasure"), Auth::Bearer(&c))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let cur: Value = app
        .get(
            &format!("/api/v1/referrals/{}", r["id"].as_str().unwrap()),
            Auth::Bearer(&c),
        )
        .await
        .json();
    act(&app, &c, &cur, "withdraw", Some("Person zieht weg")).await;
    let person: Value = app
        .get(&format!("/api/v1/persons/{p}"), Auth::Bearer(&c))
        .await
        .json();
    let close = json!({"family_name": "Karimi", "given_names": "Dariush", "birth_date": "1990-05-06",
                       "case_status": "closed", "case_status_reason": "Umzug", "version": person["version"]});
    let r2 = app
        .call(
            Method::PUT,
            &format!("/api/v1/persons/{p}"),
            Some(close),
            Auth::Bearer(&c),
        )
        .await;
    assert_eq!(r2.status, StatusCode::OK, "{}", r2.body);
    let (s, v) = post(
        &app,
        &lead,
        &format!("/api/v1/persons/{p}/erasure"),
        json!({"request_ref": "Antrag vom 20.11."}),
    )
    .await;
    assert_eq!(s, StatusCode::NO_CONTENT, "{v}");
    let after: Value = app
        .get(&format!("/api/v1/persons/{p}"), Auth::Bearer(&lead))
        .await
        .json();
    assert_eq!(after["data"]["identity"]["family_name"], "—");
    assert_eq!(after["data"]["identity"]["birth_date"], "1990");
    assert!(after["data"]["contact"]["phone"].is_null());
    let found: Value = app
        .get("/api/v1/persons?q=Karimi", Auth::Bearer(&lead))
        .await
        .json();
    assert!(!found.to_string().contains(&p), "{found}");
    let doc: Value = app
        .get(&format!("/api/v1/persons/{p}/export"), Auth::Bearer(&lead))
        .await
        .json();
    assert_eq!(doc["consents"], json!([]));
    assert_eq!(doc["referrals"], json!([]));
    assert_eq!(doc["history"], json!([]));
    // The audit trail keeps the erasure, without the erased content; the chain still holds.
    let trail = app
        .get(
            &format!("/api/v1/audit?entity_id={p}"),
            Auth::Bearer(&admin),
        )
        .await;
    assert!(trail.body.contains("person.erase"), "{}", trail.body);
    assert!(!trail.body.contains("Karimi"));
    let db = app.db.db.clone();
    let ok =
        std::thread::spawn(move || ankommen_db::audit::verify(&mut db.conn().unwrap()).unwrap())
            .join()
            .unwrap();
    assert!(ok.iter().all(|v| v.broken.is_none()), "{ok:?}");

    // Retention: a case closed six years ago is anonymised by the nightly run.
    let old = new_person(&app, &c, json!({"family_name": "Alt"})).await;
    let old2 = old.clone();
    sql(&app, move |conn| {
        use ankommen_db::schema::persons as pp;
        diesel::update(pp::table.filter(pp::id.eq(old2)))
            .set((
                pp::case_status.eq("closed"),
                pp::closed_on.eq(Some("2020-01-15")),
            ))
            .execute(conn)
            .unwrap();
    });
    let (_, report) = run();
    assert_eq!(report.anonymised_cases, 1, "{report:?}");
    let after: Value = app
        .get(&format!("/api/v1/persons/{old}"), Auth::Bearer(&lead))
        .await
        .json();
    assert_eq!(after["data"]["identity"]["family_name"], "—");
    // Settings: bad values are refused, good ones kept.
    let bad = app
        .call(
            Method::PUT,
            "/api/v1/settings/data-protection",
            Some(json!({"retention": {"closed_case": 0, "teacups": 3}, "break_glass_hours": 500})),
            Auth::Bearer(&admin),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<String> = bad.json()["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        fields,
        ["retention", "retention", "break_glass_hours"],
        "every bad value named"
    );
    let ok = app
        .call(
            Method::PUT,
            "/api/v1/settings/data-protection",
            Some(json!({"retention": {"referral": 24}, "break_glass_hours": 8})),
            Auth::Bearer(&admin),
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let v = ok.json();
    assert_eq!(v["network"]["break_glass_hours"], 8);
    assert!(
        v["retention"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["record_type"] == "referral"
                && r["months"] == 24
                && r["is_default"] == false)
    );
    assert_eq!(
        app.call(
            Method::PUT,
            "/api/v1/settings/data-protection",
            Some(json!({"break_glass_hours": 8})),
            Auth::Bearer(&lead)
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
}
