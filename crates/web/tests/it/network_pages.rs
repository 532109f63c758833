//! The network's pages without JavaScript: the directory of offers with its form, the
//! person's referral page with suggestions and the referral form, the mailbox, a referral's
//! actions and the receiver's scoped view.

use axum::http::{Method, StatusCode};
use serde_json::json;

use crate::support::{Auth, TestApp};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offers_are_searched_and_kept_through_forms() {
    let app = TestApp::new().await;
    let vol = app.login("volunteer_coordinator").await;
    let page = app.get("/offers", Auth::Cookie(&vol)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Neues Angebot"), "{}", page.body);

    let bad = [
        ("kind", "language_cafe"),
        ("title", "Sprachcafé am Markt"),
        ("opening_hours", "Di 17:00-15:00"),
        ("website", "ftp://example"),
        ("lang_de", "on"),
    ];
    let r = app.form("/offers", &bad, Auth::Cookie(&vol)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("Bitte Öffnungszeiten wie"), "{}", r.body);
    assert!(r.body.contains("https://"));
    assert!(
        r.body.contains("Sprachcafé am Markt"),
        "the form keeps what was typed"
    );

    let good = [
        ("kind", "language_cafe"),
        ("title", "Sprachcafé am Markt"),
        ("opening_hours", "Di 15:00-17:00"),
        ("lang_de", "on"),
        ("lang_ar", "on"),
        ("active", "true"),
    ];
    let r = app.form("/offers", &good, Auth::Cookie(&vol)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let found = app
        .get(
            "/offers?need=language&language=ar&q=markt",
            Auth::Cookie(&vol),
        )
        .await;
    assert!(found.body.contains("Sprachcafé am Markt"), "{}", found.body);
    let none = app
        .get("/offers?need=childcare&q=markt", Auth::Cookie(&vol))
        .await;
    assert!(!none.body.contains("Sprachcafé am Markt"));
    // Another partner may read, not edit it.
    let guide = app.login("municipal_guide").await;
    let api: serde_json::Value = app
        .get("/api/v1/offers?q=markt", Auth::Bearer(&guide))
        .await
        .json();
    let id = api[0]["id"].as_str().unwrap().to_owned();
    let theirs = app
        .get(&format!("/offers/{id}"), Auth::Cookie(&guide))
        .await;
    assert_eq!(theirs.status, StatusCode::OK);
    assert!(!theirs.body.contains("Angebot speichern"));
    let r = app
        .form(
            &format!("/offers/{id}"),
            &[("kind", "school"), ("title", "x"), ("version", "1")],
            Auth::Cookie(&guide),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_referral_goes_from_the_form_to_the_receiver_and_back() {
    let app = TestApp::new().await;
    let c = app.login("counsellor").await;
    let vol = app.login("volunteer_coordinator").await;
    let me: serde_json::Value = app.get("/api/v1/session", Auth::Bearer(&vol)).await.json();
    let vol_org = me["org_id"]
        .as_str()
        .or(me["user"]["org_id"].as_str())
        .unwrap()
        .to_owned();
    let r = app
        .call(
            Method::POST,
            "/api/v1/persons",
            Some(
                json!({"family_name": "Rahimi", "given_names": "Sahar", "birth_date": "1995-02-03",
                        "phone": "0151 999888", "literate_latin": false}),
            ),
            Auth::Bearer(&c),
        )
        .await;
    let pid = r.json()["person"]["id"].as_str().unwrap().to_owned();
    let offer = app
        .call(
            Method::POST,
            "/api/v1/offers",
            Some(json!({"kind": "literacy_support", "title": "Lesen lernen am Abend", "org_id": vol_org,
                        "languages": ["de", "fa"], "opening_hours": "Mo 18:00-20:00"})),
            Auth::Bearer(&c),
        )
        .await;
    assert_eq!(offer.status, StatusCode::CREATED, "{}", offer.body);
    let page = app
        .get(&format!("/persons/{pid}/referrals"), Auth::Cookie(&c))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Lesen lernen am Abend"), "{}", page.body);
    // Not literate in Latin script → literacy offers are suggested, here and on the person page.
    assert!(page.body.contains("Lesen und Schreiben"), "{}", page.body);
    let person_page = app.get(&format!("/persons/{pid}"), Auth::Cookie(&c)).await;
    let card = &person_page.body[person_page.body.find("id=\"suggested-offers\"").unwrap()..];
    assert!(card.contains("Lesen und Schreiben:"), "{card}");
    assert!(card.contains("Lesen lernen am Abend"), "{card}");

    let no_basis = [
        ("to_org_id", vol_org.as_str()),
        ("scope_contact", "on"),
        ("purpose", "Begleitung"),
        ("send", "1"),
    ];
    let r = app
        .form(
            &format!("/persons/{pid}/referrals"),
            &no_basis,
            Auth::Cookie(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("Eine Vermittlung braucht die Einwilligung"),
        "{}",
        r.body
    );

    let k = app
        .call(
            Method::POST,
            &format!("/api/v1/persons/{pid}/consents"),
            Some(json!({"scope": ["contact", "education"], "recipient_org_id": vol_org, "purpose": "Sprachpatenschaft", "given_on": "2026-11-01"})),
            Auth::Bearer(&c),
        )
        .await
        .json();
    let basis = format!("consent:{}", k["id"].as_str().unwrap());
    let good = [
        ("to_org_id", vol_org.as_str()),
        ("scope_contact", "on"),
        ("scope_education", "on"),
        ("purpose", "Sprachpatenschaft"),
        ("basis", basis.as_str()),
        ("send", "1"),
    ];
    let r = app
        .form(
            &format!("/persons/{pid}/referrals"),
            &good,
            Auth::Cookie(&c),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let location = r.headers["location"].to_str().unwrap().to_owned();
    let rid = location
        .trim_start_matches("/referrals/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();

    // The receiver's mailbox: the referral, the person not yet named.
    let inbox = app.get("/referrals", Auth::Cookie(&vol)).await;
    assert!(inbox.body.contains("Sprachpatenschaft"), "{}", inbox.body);
    assert!(!inbox.body.contains("Rahimi"));
    let r = app
        .form(
            &format!("/referrals/{rid}/accept"),
            &[("version", "1")],
            Auth::Cookie(&vol),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let scoped = app
        .get(&format!("/referrals/{rid}/person"), Auth::Cookie(&vol))
        .await;
    assert_eq!(scoped.status, StatusCode::OK, "{}", scoped.body);
    assert!(scoped.body.contains("0151 999888"));
    assert!(
        !scoped.body.contains("Rahimi"),
        "identity is not in the scope"
    );
    // Completing needs an outcome; the sender sees it.
    let r = app
        .form(
            &format!("/referrals/{rid}/complete"),
            &[("version", "2"), ("text", "")],
            Auth::Cookie(&vol),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let r = app
        .form(
            &format!("/referrals/{rid}/complete"),
            &[("version", "2"), ("text", "Patin gefunden")],
            Auth::Cookie(&vol),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = app
        .get(&format!("/persons/{pid}/referrals"), Auth::Cookie(&c))
        .await;
    assert!(page.body.contains("Patin gefunden"));
    assert!(page.body.contains("abgeschlossen"));
    // The person's timeline names each step of the referral, with its outcome.
    let person_page = app.get(&format!("/persons/{pid}"), Auth::Cookie(&c)).await;
    let timeline = &person_page.body[person_page.body.find("id=\"timeline\"").unwrap()..];
    assert!(timeline.contains("Vermittlung"), "{timeline}");
    assert!(timeline.contains("Ergebnis: Patin gefunden"), "{timeline}");
    // Completed: the receiver's access ended.
    let scoped = app
        .get(&format!("/referrals/{rid}/person"), Auth::Cookie(&vol))
        .await;
    assert_eq!(scoped.status, StatusCode::FORBIDDEN);
}
