//! The network (issue 7) over HTTP: the policy matrix — for each role and relationship, which
//! data classes of a person are readable — plus referral workflow, bad input, reminders,
//! break-the-glass review, retention, export and erasure. Runs on SQLite and, in CI, on
//! PostgreSQL (`ANKOMMEN_TEST_POSTGRES_URL`).

use axum::http::{Method, StatusCode};
use diesel::prelude::*;
use serde_json::{Value, json};

use crate::support::{Auth, PASSWORD, TestApp};

/// Logs in; returns the token and the user's organisation id.
pub(crate) async fn login(app: &TestApp, user: &str) -> (String, String) {
    let r = app
        .call(
            Method::POST,
            "/api/v1/session",
            Some(json!({"username": user, "password": PASSWORD})),
            Auth::None,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v = r.json();
    (
        v["token"].as_str().unwrap().to_owned(),
        v["user"]["org_id"].as_str().unwrap().to_owned(),
    )
}

pub(crate) async fn post(
    app: &TestApp,
    token: &str,
    path: &str,
    body: Value,
) -> (StatusCode, Value) {
    let r = app
        .call(Method::POST, path, Some(body), Auth::Bearer(token))
        .await;
    (
        r.status,
        serde_json::from_str(&r.body).unwrap_or(Value::Null),
    )
}

pub(crate) async fn new_person(app: &TestApp, token: &str, extra: Value) -> String {
    let mut body = json!({"family_name": "Karimi", "given_names": "Dariush", "birth_date": "1990-05-06",
                          "phone": "0151 2223334", "street": "Lindenstraße 4", "postcode": "49565",
                          "residence_status": "aufenthaltserlaubnis", "residence_paragraph": "§ 25 Abs. 2",
                          "german_level": "A2"});
    for (k, v) in extra.as_object().unwrap() {
        body[k] = v.clone();
    }
    let (s, v) = post(app, token, "/api/v1/persons", body).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    v["person"]["id"].as_str().unwrap().to_owned()
}

/// The record classes a caller sees of a person: `None` for 404, `Some([])`… never (a
/// caller who sees nothing gets 404 or 403); the status comes along.
pub(crate) async fn readable(app: &TestApp, token: &str, path: &str) -> (StatusCode, Vec<String>) {
    let r = app.get(path, Auth::Bearer(token)).await;
    if r.status != StatusCode::OK {
        if r.status == StatusCode::FORBIDDEN || r.status == StatusCode::NOT_FOUND {
            assert!(
                r.headers
                    .get("content-type")
                    .is_some_and(|c| c.to_str().unwrap().contains("problem+json")),
                "{}",
                r.body
            );
        }
        return (r.status, vec![]);
    }
    let v = r.json();
    let data = if v.get("person").is_some() {
        &v["person"]["data"]
    } else {
        &v["data"]
    };
    let mut classes: Vec<String> = data.as_object().unwrap().keys().cloned().collect();
    classes.sort();
    (r.status, classes)
}

fn classes(list: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = list.iter().map(|s| (*s).to_owned()).collect();
    v.sort();
    v
}

pub(crate) async fn consent(
    app: &TestApp,
    token: &str,
    pid: &str,
    org: &str,
    scope: &[&str],
    expires_on: Option<&str>,
) -> Value {
    let (s, v) = post(
        app,
        token,
        &format!("/api/v1/persons/{pid}/consents"),
        json!({"scope": scope, "recipient_org_id": org, "purpose": "Begleitung durch Ehrenamtliche",
               "given_on": "2026-01-10", "expires_on": expires_on}),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    v
}

pub(crate) async fn refer(
    app: &TestApp,
    token: &str,
    pid: &str,
    body: Value,
) -> (StatusCode, Value) {
    post(
        app,
        token,
        &format!("/api/v1/persons/{pid}/referrals"),
        body,
    )
    .await
}

pub(crate) async fn act(
    app: &TestApp,
    token: &str,
    referral: &Value,
    action: &str,
    text: Option<&str>,
) -> (StatusCode, Value) {
    let id = referral["id"].as_str().unwrap();
    post(
        app,
        token,
        &format!("/api/v1/referrals/{id}/{action}"),
        json!({"version": referral["version"], "text": text}),
    )
    .await
}

pub(crate) fn sql(app: &TestApp, f: impl FnOnce(&mut ankommen_db::Db) + Send + 'static) {
    let db = app.db.db.clone();
    std::thread::spawn(move || f(&mut db.conn().unwrap()))
        .join()
        .unwrap();
}

fn denied_reads(app: &TestApp, pid: &str) -> i64 {
    use ankommen_db::schema::audit_log as al;
    let db = app.db.db.clone();
    let pid = pid.to_owned();
    std::thread::spawn(move || {
        al::table
            .filter(al::person_id.eq(pid))
            .filter(al::action.eq("person.read"))
            .filter(al::outcome.eq("denied"))
            .count()
            .get_result::<i64>(&mut db.conn().unwrap())
            .unwrap()
    })
    .join()
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn policy_matrix_over_http() {
    let app = TestApp::new().await;
    let (c, _centre) = login(&app, "counsellor").await;
    let (lead, _) = login(&app, "team_lead").await;
    let (vol, vol_org) = login(&app, "volunteer_coordinator").await;
    let (guide, guide_org) = login(&app, "municipal_guide").await;
    let (yw, yw_org) = login(&app, "youth_welfare").await;
    let (officer, jc_org) = login(&app, "placement_officer").await;
    let (admin, _) = login(&app, "admin").await;

    let all = classes(&["identity", "contact", "residence", "education"]);
    // P: the counsellor's own case, a job-centre client.
    let p = new_person(
        &app,
        &c,
        json!({"benefits_law": "sgb2", "responsible_org_id": jc_org}),
    )
    .await;
    // Q: the team lead's case (outside the counsellor's caseload).
    let q = new_person(
        &app,
        &lead,
        json!({"family_name": "Petrenko", "given_names": "Olena"}),
    )
    .await;
    let url = |id: &str| format!("/api/v1/persons/{id}");

    // Volunteers: consent for identity, contact, education; referral scoped to contact + education.
    let k = consent(&app, &c, &p, &vol_org, &["contact", "education"], None).await;
    let (s, r_vol) = refer(
        &app,
        &c,
        &p,
        json!({"to_org_id": vol_org, "scope": ["contact", "education"], "purpose": "Sprachpatenschaft",
               "consent_id": k["id"], "send": true}),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{r_vol}");
    assert_eq!(r_vol["state"], "sent");
    // Sent, not accepted: no person data yet; the receiver knows the referral, so 403.
    let r_vol_path = format!("/api/v1/referrals/{}/person", r_vol["id"].as_str().unwrap());
    assert_eq!(
        readable(&app, &vol, &url(&p)).await,
        (StatusCode::FORBIDDEN, vec![])
    );
    let (s, accepted) = act(&app, &vol, &r_vol, "accept", None).await;
    assert_eq!(s, StatusCode::OK, "{accepted}");

    // Municipal guide: consent for contact; a referral accepted, later the consent expires.
    let k2 = consent(&app, &c, &p, &guide_org, &["contact"], Some("2030-01-01")).await;
    let (s, r_guide) = refer(
        &app,
        &c,
        &p,
        json!({"to_org_id": guide_org, "scope": ["contact"], "purpose": "Wohnungssuche",
               "consent_id": k2["id"], "send": true}),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{r_guide}");
    act(&app, &guide, &r_guide, "accept", None).await;

    // Youth welfare: legal basis § 69 SGB X, identity + family; accepted.
    let (s, r_yw) = refer(
        &app,
        &c,
        &p,
        json!({"to_org_id": yw_org, "scope": ["identity", "family"], "purpose": "Kitaplatz",
               "legal_basis": "sgb_x_69", "send": true}),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{r_yw}");
    act(&app, &yw, &r_yw, "accept", None).await;

    // Break the glass: the counsellor opens Q with a reason.
    let glass = format!(
        "{}?reason={}",
        url(&q),
        "Person%20steht%20am%20Empfang%2C%20Kollegin%20krank"
    );

    #[rustfmt::skip]
    let rows: Vec<(&str, &str, String, StatusCode, Vec<String>)> = vec![
        ("counsellor", "own caseload", url(&p), StatusCode::OK, all.clone()),
        ("counsellor", "outside caseload, no reason", url(&q), StatusCode::NOT_FOUND, vec![]),
        ("counsellor", "outside caseload, reason too short", format!("{}?reason=kurz", url(&q)), StatusCode::UNPROCESSABLE_ENTITY, vec![]),
        ("counsellor", "break the glass", glass.clone(), StatusCode::OK, all.clone()),
        ("counsellor", "break the glass active, no new reason", url(&q), StatusCode::OK, all.clone()),
        ("team_lead", "any person", url(&q), StatusCode::OK, all.clone()),
        ("volunteer_coordinator", "referral accepted, scope contact+education", url(&p), StatusCode::OK, classes(&["contact", "education"])),
        ("volunteer_coordinator", "scoped view of the referral", r_vol_path.clone(), StatusCode::OK, classes(&["contact", "education"])),
        ("volunteer_coordinator", "no relationship", url(&q), StatusCode::NOT_FOUND, vec![]),
        ("municipal_guide", "referral accepted, consent active", url(&p), StatusCode::OK, classes(&["contact"])),
        ("youth_welfare", "referral on legal basis, identity+family", url(&p), StatusCode::OK, classes(&["identity"])),
        ("placement_officer", "responsible agency", url(&p), StatusCode::OK, classes(&["identity", "contact", "education"])),
        ("placement_officer", "not responsible", url(&q), StatusCode::NOT_FOUND, vec![]),
        ("admin", "never case data", url(&p), StatusCode::NOT_FOUND, vec![]),
    ];
    let token = |role: &str| match role {
        "counsellor" => c.clone(),
        "team_lead" => lead.clone(),
        "volunteer_coordinator" => vol.clone(),
        "municipal_guide" => guide.clone(),
        "youth_welfare" => yw.clone(),
        "placement_officer" => officer.clone(),
        _ => admin.clone(),
    };
    for (role, relation, path, status, expected) in &rows {
        let got = readable(&app, &token(role), path).await;
        assert_eq!(
            got,
            (*status, expected.clone()),
            "{role} / {relation}: {path}"
        );
    }

    // Never more than the scope, never writing.
    let r = app.get(&url(&p), Auth::Bearer(&vol)).await.json();
    assert_eq!(r["data"]["contact"]["phone"], "0151 2223334");
    assert_eq!(r["withheld"], json!(["identity", "residence"]));
    let put = json!({"family_name": "X", "given_names": "Y", "version": r["version"]});
    let w = app
        .call(Method::PUT, &url(&p), Some(put), Auth::Bearer(&vol))
        .await;
    assert_eq!(w.status, StatusCode::FORBIDDEN, "{}", w.body);

    // Expired break-the-glass: no access without a new reason.
    sql(&app, |c| {
        use ankommen_db::schema::break_glass_grants as g;
        diesel::update(g::table)
            .set(g::expires_at.eq(ankommen_db::now() - time::Duration::minutes(1)))
            .execute(c)
            .unwrap();
    });
    assert_eq!(
        readable(&app, &c, &url(&q)).await,
        (StatusCode::NOT_FOUND, vec![])
    );

    // Consent expired (the municipal guide's): access ends, 403, audited.
    sql(&app, |c| {
        use ankommen_db::schema::consents as k;
        let yesterday = (ankommen_db::now().date() - time::Duration::days(1)).to_string();
        diesel::update(k::table.filter(k::expires_on.is_not_null()))
            .set(k::expires_on.eq(Some(yesterday)))
            .execute(c)
            .unwrap();
    });
    let before = denied_reads(&app, &p);
    assert_eq!(
        readable(&app, &guide, &url(&p)).await,
        (StatusCode::FORBIDDEN, vec![])
    );
    assert_eq!(denied_reads(&app, &p), before + 1);

    // Referral withdrawn (youth welfare): 403 at once.
    let current: Value = app
        .get(
            &format!("/api/v1/referrals/{}", r_yw["id"].as_str().unwrap()),
            Auth::Bearer(&c),
        )
        .await
        .json();
    let (s, w) = act(
        &app,
        &c,
        &current,
        "withdraw",
        Some("Familie hat selbst einen Platz"),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{w}");
    assert_eq!(w["state"], "withdrawn");
    assert_eq!(
        readable(&app, &yw, &url(&p)).await,
        (StatusCode::FORBIDDEN, vec![])
    );

    // Consent withdrawn (volunteers): the referral resting on it is withdrawn, access ends.
    let ks: Value = app
        .get(&format!("/api/v1/persons/{p}/consents"), Auth::Bearer(&c))
        .await
        .json();
    let vk = ks
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["recipient_org_id"] == vol_org.as_str())
        .unwrap();
    let (s, _) = post(
        &app,
        &c,
        &format!(
            "/api/v1/persons/{p}/consents/{}/withdraw",
            vk["id"].as_str().unwrap()
        ),
        json!({"version": vk["version"]}),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    let before = denied_reads(&app, &p);
    assert_eq!(
        readable(&app, &vol, &url(&p)).await,
        (StatusCode::FORBIDDEN, vec![])
    );
    assert_eq!(
        readable(&app, &vol, &r_vol_path).await,
        (StatusCode::FORBIDDEN, vec![])
    );
    assert_eq!(denied_reads(&app, &p), before + 2);
    let r: Value = app
        .get(
            &format!("/api/v1/referrals/{}", r_vol["id"].as_str().unwrap()),
            Auth::Bearer(&vol),
        )
        .await
        .json();
    assert_eq!(r["state"], "withdrawn");
    assert!(r["person_name"].is_null(), "{r}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn referrals_refuse_bad_input_and_wrong_sides() {
    let app = TestApp::new().await;
    let (c, _) = login(&app, "counsellor").await;
    let (vol, vol_org) = login(&app, "volunteer_coordinator").await;
    let (yw, yw_org) = login(&app, "youth_welfare").await;
    let (guide, guide_org) = login(&app, "municipal_guide").await;
    let p = new_person(&app, &c, json!({})).await;
    let k = consent(&app, &c, &p, &vol_org, &["contact"], None).await;
    let base =
        json!({"to_org_id": vol_org, "scope": ["contact"], "purpose": "Begleitung", "send": true});
    let with = |extra: Value| {
        let mut b = base.clone();
        for (key, v) in extra.as_object().unwrap() {
            b[key] = v.clone();
        }
        b
    };
    let code = |v: &Value| v["errors"][0]["code"].as_str().unwrap_or("").to_owned();

    let (s, v) = refer(&app, &c, &p, base.clone()).await;
    assert_eq!(
        (s, code(&v)),
        (StatusCode::UNPROCESSABLE_ENTITY, "basis_required".into()),
        "{v}"
    );
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("consent or a legal basis")
    );
    let (s, v) = refer(
        &app,
        &c,
        &p,
        with(json!({"consent_id": k["id"], "scope": ["contact", "residence"]})),
    )
    .await;
    assert_eq!(
        (s, code(&v)),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "scope_wider_than_consent".into()
        ),
        "{v}"
    );
    let (s, v) = refer(&app, &c, &p, with(json!({"legal_basis": "sgb_x_69"}))).await;
    assert_eq!(
        (s, code(&v)),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "legal_basis_not_applicable".into()
        ),
        "{v}"
    );
    let (s, v) = refer(
        &app,
        &c,
        &p,
        with(json!({"to_org_id": yw_org, "legal_basis": "sgb_x_69", "scope": ["health"]})),
    )
    .await;
    assert_eq!(
        (s, code(&v)),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "special_category_needs_consent".into()
        ),
        "{v}"
    );
    let (s, v) = refer(
        &app,
        &c,
        &p,
        with(json!({"to_org_id": guide_org, "consent_id": k["id"]})),
    )
    .await;
    assert_eq!(
        (s, code(&v)),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "consent_other_recipient".into()
        ),
        "{v}"
    );
    let expired = consent(&app, &c, &p, &guide_org, &["contact"], Some("2026-02-01")).await;
    let (s, v) = refer(
        &app,
        &c,
        &p,
        with(json!({"to_org_id": guide_org, "consent_id": expired["id"]})),
    )
    .await;
    assert_eq!(
        (s, code(&v)),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "consent_not_active".into()
        ),
        "{v}"
    );
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("expired")
    );
    let (s, v) = refer(
        &app,
        &c,
        &p,
        with(json!({"consent_id": k["id"], "scope": ["gossip"], "legal_basis": "sgb_z_1"})),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    assert_eq!(v["errors"].as_array().unwrap().len(), 2, "{v}");
    // Receivers do not create referrals.
    let (s, _) = refer(&app, &vol, &p, with(json!({"consent_id": k["id"]}))).await;
    assert!(
        s == StatusCode::FORBIDDEN || s == StatusCode::NOT_FOUND,
        "{s}"
    );
    // Nothing was stored by the refusals.
    let list: Value = app
        .get(&format!("/api/v1/persons/{p}/referrals"), Auth::Bearer(&c))
        .await
        .json();
    assert_eq!(list.as_array().unwrap().len(), 0, "{list}");

    let (s, r) = refer(&app, &c, &p, with(json!({"consent_id": k["id"]}))).await;
    assert_eq!(s, StatusCode::CREATED, "{r}");
    // Wrong side, missing reason, stale version, other organisations.
    let (s, _) = act(&app, &c, &r, "accept", None).await;
    assert_eq!(s, StatusCode::CONFLICT);
    let (s, v) = act(&app, &vol, &r, "decline", Some("  ")).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    let (s, a) = act(&app, &vol, &r, "accept", None).await;
    assert_eq!(s, StatusCode::OK, "{a}");
    let (s, _) = act(&app, &vol, &r, "complete", Some("erledigt")).await;
    assert_eq!(s, StatusCode::CONFLICT, "stale version");
    let id = r["id"].as_str().unwrap();
    // Another counsellor of the centre, outside this caseload, does not see the referral.
    let (admin, centre) = login(&app, "admin").await;
    let (s, v) = post(
        &app,
        &admin,
        "/api/v1/users",
        json!({"username": "beratung2", "display_name": "Zweite Beratung", "role": "counsellor",
               "org_id": centre, "locale": "de", "password": "ein-langes-passwort-2026"}),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let other = app.login_as("beratung2", "ein-langes-passwort-2026").await;
    assert_eq!(
        app.get(&format!("/api/v1/referrals/{id}"), Auth::Bearer(&other))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let outbox: Value = app
        .get("/api/v1/referrals?box=outgoing", Auth::Bearer(&other))
        .await
        .json();
    assert_eq!(outbox, json!([]));
    assert_eq!(
        app.get(&format!("/api/v1/referrals/{id}"), Auth::Bearer(&yw))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get(
            &format!("/api/v1/referrals/{id}/person"),
            Auth::Bearer(&guide)
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/api/v1/referrals?box=sideways", Auth::Bearer(&vol))
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // The outcome reaches the sender, on the person's list.
    let (s, done) = act(&app, &vol, &a, "complete", Some("Patin gefunden")).await;
    assert_eq!(s, StatusCode::OK, "{done}");
    let list: Value = app
        .get(&format!("/api/v1/persons/{p}/referrals"), Auth::Bearer(&c))
        .await
        .json();
    assert_eq!(list[0]["state"], "completed");
    assert_eq!(list[0]["outcome"], "Patin gefunden");
    assert_eq!(list[0]["actions"], json!([]));
    // The sender was notified of accept and completion.
    let n: Value = app
        .get("/api/v1/notifications", Auth::Bearer(&c))
        .await
        .json();
    let kinds = n.to_string();
    assert!(kinds.matches("\"referral\"").count() >= 2, "{n}");
}
