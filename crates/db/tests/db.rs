//! The data layer against a real database: a temporary SQLite file, or PostgreSQL when
//! `ANKOMMEN_TEST_POSTGRES_URL` is set (CI runs both).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use ankommen_db::audit::{self, Entry};
use ankommen_db::testing::TestDb;
use ankommen_db::users::UserInput;
use ankommen_db::{Db, DbError, Who, demo, jobs, orgs, tenants, throttle, users};
use ankommen_domain::Role;
use diesel::connection::SimpleConnection;

fn seeded() -> (TestDb, String) {
    let t = TestDb::new().unwrap();
    let hash = ankommen_domain::password::hash("demo-passwort-2026").unwrap();
    let (tenant, names) = demo::seed(&mut t.db.conn().unwrap(), |_| Ok(hash.clone())).unwrap();
    assert_eq!(names.len(), Role::ALL.len());
    (t, tenant)
}

fn tamper(conn: &mut Db, sql: &str) {
    // Someone with database access bypasses the append-only triggers first.
    let bypass = match conn {
        Db::Sqlite(_) => {
            "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;"
        }
        Db::Pg(_) => "ALTER TABLE audit_log DISABLE TRIGGER USER;",
    };
    conn.batch_execute(&format!("{bypass} {sql}")).unwrap();
}

#[test]
fn demo_seed_creates_county_network_and_users() {
    let (t, tenant) = seeded();
    let mut c = t.db.conn().unwrap();
    assert_eq!(
        ankommen_db::municipalities::list(&mut c, &tenant)
            .unwrap()
            .len(),
        34
    );
    let all = orgs::list(&mut c, &tenant).unwrap();
    let providers = all.iter().filter(|o| o.kind == "course_provider").count();
    assert_eq!(providers, 6);
    let mc = all.iter().find(|o| o.kind == "migration_centre").unwrap();
    let jc = all.iter().find(|o| o.kind == "job_centre").unwrap();
    assert_eq!(
        mc.parent_id.as_deref(),
        Some(jc.id.as_str()),
        "the migration centre belongs to the job centre"
    );
    let us = users::list(&mut c, &tenant, &Default::default()).unwrap();
    for role in Role::ALL {
        let u = us.iter().find(|u| u.username == role.as_str()).unwrap();
        assert_eq!(u.role, *role);
        assert!(role.fits(u.org_kind));
    }
    assert!(!demo::is_empty(&mut c).unwrap());
}

#[test]
fn audit_chain_verifies_and_detects_an_altered_row() {
    let (t, _) = seeded();
    let mut c = t.db.conn().unwrap();
    let v = audit::verify(&mut c).unwrap();
    assert_eq!(v.len(), 1);
    assert!(v[0].broken.is_none(), "{:?}", v[0].broken);
    assert!(
        v[0].entries > 30,
        "every organisation and user creation is audited"
    );
    // The database refuses changes to the log.
    assert!(
        c.batch_execute("UPDATE audit_log SET detail = '{}' WHERE seq = 3")
            .is_err()
    );
    tamper(
        &mut c,
        "UPDATE audit_log SET detail = '{\"role\":\"admin\"}' WHERE seq = 7",
    );
    let v = audit::verify(&mut c).unwrap();
    let broken = v[0].broken.as_ref().expect("tampering must be detected");
    assert_eq!(broken.seq, 7);
    assert!(broken.reason.contains("altered"), "{}", broken.reason);
    assert_eq!(v[0].entries, 6);
}

#[test]
fn audit_chain_detects_deleted_rows_in_the_middle_and_at_the_end() {
    let (t, _) = seeded();
    let mut c = t.db.conn().unwrap();
    let total = audit::verify(&mut c).unwrap()[0].entries;
    tamper(
        &mut c,
        &format!("DELETE FROM audit_log WHERE seq = {total}"),
    );
    let v = audit::verify(&mut c).unwrap();
    assert_eq!(
        v[0].broken.as_ref().unwrap().seq,
        total,
        "a removed last entry is detected via the chain head"
    );
    tamper(&mut c, "DELETE FROM audit_log WHERE seq = 4");
    let v = audit::verify(&mut c).unwrap();
    let b = v[0].broken.as_ref().unwrap();
    assert_eq!(b.seq, 4);
    assert!(b.reason.contains("missing"), "{}", b.reason);
}

#[test]
fn audit_entries_are_chained_in_order_under_concurrent_writers() {
    let (t, tenant) = seeded();
    let threads: Vec<_> = (0..4)
        .map(|i| {
            let db = t.db.clone();
            let tenant = tenant.clone();
            std::thread::spawn(move || {
                for j in 0..10 {
                    let mut c = db.conn().unwrap();
                    let detail = serde_json::json!({ "thread": i, "n": j });
                    audit::record(
                        &mut c,
                        Who::system(&tenant),
                        Entry::new("test.write", "test", None).detail(detail),
                    )
                    .unwrap();
                }
            })
        })
        .collect();
    for th in threads {
        th.join().unwrap();
    }
    let mut c = t.db.conn().unwrap();
    let v = audit::verify(&mut c).unwrap();
    assert!(v[0].broken.is_none(), "{:?}", v[0].broken);
    let rows = audit::recent(&mut c, &tenant, 500, None, None).unwrap();
    assert_eq!(rows.iter().filter(|r| r.action == "test.write").count(), 40);
}

#[test]
fn stale_version_is_rejected_naming_who_changed_it() {
    let (t, tenant) = seeded();
    let mut c = t.db.conn().unwrap();
    let admin = users::credentials(&mut c, "admin").unwrap().unwrap().0;
    let target = users::credentials(&mut c, "editor").unwrap().unwrap().0;
    let input = UserInput {
        username: target.username.clone(),
        display_name: "Neue Redaktion".into(),
        email: None,
        role: Role::Editor,
        org_id: target.org_id.clone(),
        locale: "de".into(),
    };
    let who = Who {
        tenant_id: &tenant,
        user_id: Some(&admin.id),
        request_id: None,
    };
    let updated = users::update(&mut c, who, &target.id, target.version, &input, false).unwrap();
    assert_eq!(updated.version, target.version + 1);
    let again = users::update(&mut c, who, &target.id, target.version, &input, false).unwrap_err();
    match again {
        DbError::Stale { by, .. } => assert_eq!(by, admin.display_name),
        other => panic!("expected a stale-version error, got {other:?}"),
    }
    let missing = users::update(
        &mut c,
        who,
        "01a20a09-0000-7000-8000-000000000000",
        1,
        &input,
        false,
    )
    .unwrap_err();
    assert!(matches!(missing, DbError::NotFound), "{missing:?}");
}

#[test]
fn role_must_fit_the_organisation_and_usernames_are_unique() {
    let (t, tenant) = seeded();
    let mut c = t.db.conn().unwrap();
    let provider_org = orgs::list(&mut c, &tenant)
        .unwrap()
        .into_iter()
        .find(|o| o.kind == "course_provider")
        .unwrap();
    let mut input = UserInput {
        username: "kurs2".into(),
        display_name: "Kurs".into(),
        email: None,
        role: Role::PlacementOfficer,
        org_id: provider_org.id.clone(),
        locale: "de".into(),
    };
    let err = users::create(&mut c, Who::system(&tenant), &input, "x").unwrap_err();
    assert!(
        matches!(&err, DbError::Invalid(f) if f.field == "role"),
        "{err:?}"
    );
    input.role = Role::Provider;
    users::create(&mut c, Who::system(&tenant), &input, "x").unwrap();
    let dup = users::create(&mut c, Who::system(&tenant), &input, "x").unwrap_err();
    assert!(
        matches!(&dup, DbError::Invalid(f) if f.code == "username_taken"),
        "{dup:?}"
    );
    // Nothing half-written: exactly one kurs2.
    let found = users::list(
        &mut c,
        &tenant,
        &users::UserFilter {
            query: Some("kurs2".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(found.len(), 1);
}

#[test]
fn login_throttle_locks_after_five_failures_within_the_window() {
    let t = TestDb::new().unwrap();
    let mut c = t.db.conn().unwrap();
    for _ in 0..throttle::MAX_FAILURES - 1 {
        throttle::record_failure(&mut c, "anna").unwrap();
    }
    assert_eq!(throttle::locked_for(&mut c, "anna").unwrap(), None);
    throttle::record_failure(&mut c, "anna").unwrap();
    let wait = throttle::locked_for(&mut c, "anna").unwrap().unwrap();
    assert!(
        wait > 0 && wait <= throttle::WINDOW.whole_seconds(),
        "{wait}"
    );
    assert_eq!(
        throttle::locked_for(&mut c, "bernd").unwrap(),
        None,
        "per user name"
    );
    throttle::clear(&mut c, "anna").unwrap();
    assert_eq!(throttle::locked_for(&mut c, "anna").unwrap(), None);
}

#[test]
fn jobs_are_claimed_once_retried_with_backoff_and_fail_visibly() {
    let t = TestDb::new().unwrap();
    let mut c = t.db.conn().unwrap();
    let tenant = tenants::create(&mut c, "Testkreis", "testkreis").unwrap();
    let who = Who::system(&tenant.id);
    let id = jobs::enqueue(
        &mut c,
        who,
        "email",
        &serde_json::json!({"to": "a@b.de"}),
        None,
        2,
    )
    .unwrap();
    let job = jobs::claim_next(&mut c, "w1").unwrap().unwrap();
    assert_eq!(
        (job.id.as_str(), job.attempts, job.status.as_str()),
        (id.as_str(), 1, jobs::RUNNING)
    );
    assert!(
        jobs::claim_next(&mut c, "w2").unwrap().is_none(),
        "a running job is not claimed twice"
    );
    jobs::fail(&mut c, &job, "SMTP down").unwrap();
    let listed = jobs::list(&mut c, &tenant.id, Some(jobs::QUEUED), 10).unwrap();
    assert_eq!(listed.len(), 1);
    assert!(
        listed[0].run_at > ankommen_db::now(),
        "re-queued with backoff"
    );
    assert!(
        jobs::claim_next(&mut c, "w1").unwrap().is_none(),
        "not due before the backoff"
    );
    c.batch_execute("UPDATE jobs SET run_at = created_at")
        .unwrap();
    let job = jobs::claim_next(&mut c, "w1").unwrap().unwrap();
    jobs::fail(&mut c, &job, "SMTP still down").unwrap();
    let failed = jobs::list(&mut c, &tenant.id, Some(jobs::FAILED), 10).unwrap();
    assert_eq!(failed[0].last_error.as_deref(), Some("SMTP still down"));
    assert_eq!(jobs::count_failed(&mut c, &tenant.id).unwrap(), 1);
    jobs::retry(&mut c, who, &id).unwrap();
    assert!(jobs::claim_next(&mut c, "w3").unwrap().is_some());
    assert!(jobs::backoff(1) < jobs::backoff(2) && jobs::backoff(20).whole_seconds() == 3_600);
}

#[test]
fn concurrent_workers_never_claim_the_same_job() {
    let t = TestDb::new().unwrap();
    let tenant = tenants::create(&mut t.db.conn().unwrap(), "Testkreis", "testkreis").unwrap();
    for _ in 0..20 {
        jobs::enqueue(
            &mut t.db.conn().unwrap(),
            Who::system(&tenant.id),
            "nightly",
            &serde_json::json!({}),
            None,
            3,
        )
        .unwrap();
    }
    let handles: Vec<_> = (0..4)
        .map(|w| {
            let db = t.db.clone();
            std::thread::spawn(move || {
                let mut mine = Vec::new();
                while let Some(j) =
                    jobs::claim_next(&mut db.conn().unwrap(), &format!("w{w}")).unwrap()
                {
                    mine.push(j.id);
                }
                mine
            })
        })
        .collect();
    let mut all: Vec<String> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    let n = all.len();
    all.sort();
    all.dedup();
    assert_eq!((n, all.len()), (20, 20));
}

fn person(family: &str, given: &str, birth: &str) -> ankommen_db::persons::PersonValues {
    ankommen_db::persons::PersonValues {
        family_name: family.into(),
        given_names: given.into(),
        sex: "female".into(),
        birth_date: Some(birth.into()),
        nationalities: "SY".into(),
        languages: "[]".into(),
        case_status: "open".into(),
        ..Default::default()
    }
}

#[test]
fn persons_get_case_numbers_history_and_optimistic_concurrency() {
    use ankommen_db::persons::{self, NameVariant, Names};
    let (t, tenant) = seeded();
    let mut c = t.db.conn().unwrap();
    let counsellor = users::credentials(&mut c, "counsellor").unwrap().unwrap().0;
    let lead = users::credentials(&mut c, "team_lead").unwrap().unwrap().0;
    let me = Who {
        tenant_id: &tenant,
        user_id: Some(&counsellor.id),
        request_id: None,
    };
    let keys = vec!["hasan".to_owned(), "amina".to_owned()];
    let alias = vec![NameVariant {
        family_name: "Al-Hassan".into(),
        given_names: "Amina".into(),
        kind: "document".into(),
    }];
    let a = persons::create(
        &mut c,
        me,
        &person("Hassan", "Amina", "1990-04-02"),
        Names {
            variants: &alias,
            keys: &keys,
        },
    )
    .unwrap();
    let b = persons::create(
        &mut c,
        me,
        &person("Yusuf", "Omar", "1985"),
        Names {
            variants: &[],
            keys: &["yusuf".to_owned()],
        },
    )
    .unwrap();
    let year = ankommen_db::now().year();
    assert_eq!(a.case_number, format!("{year}-00001"));
    assert_eq!(b.case_number, format!("{year}-00002"));
    assert_eq!(a.names, alias);
    // Candidates by key, by birth date and by case number.
    let found = persons::candidates(&mut c, &tenant, &["hasan".to_owned()], &[], None, 50).unwrap();
    assert_eq!(found, vec![a.id.clone()]);
    let found = persons::candidates(
        &mut c,
        &tenant,
        &[],
        &["1985".to_owned()],
        Some(&a.case_number),
        50,
    )
    .unwrap();
    assert_eq!(found.len(), 2);
    // An edit records the changed fields with their classes.
    let mut v = a.values.clone();
    v.phone = Some("+49 541 1234".into());
    v.family_name = "Al Hassan".into();
    let updated = persons::update(
        &mut c,
        me,
        &a.id,
        a.version,
        &v,
        Names {
            variants: &alias,
            keys: &keys,
        },
        |f| if f == "phone" { "contact" } else { "identity" },
    )
    .unwrap();
    assert_eq!(updated.version, 2);
    let history = persons::changes(&mut c, &tenant, &a.id).unwrap();
    let fields: Vec<(&str, Option<&str>, Option<&str>)> = history
        .iter()
        .map(|h| {
            (
                h.field.as_str(),
                h.old_value.as_deref(),
                h.new_value.as_deref(),
            )
        })
        .collect();
    assert!(
        fields.contains(&("phone", None, Some("+49 541 1234"))),
        "{fields:?}"
    );
    assert!(
        fields.contains(&("family_name", Some("Hassan"), Some("Al Hassan"))),
        "{fields:?}"
    );
    assert_eq!(history.len(), 2);
    // A second counsellor's stale edit is refused, naming who changed the record.
    let other = Who {
        tenant_id: &tenant,
        user_id: Some(&lead.id),
        request_id: None,
    };
    let err = persons::update(
        &mut c,
        other,
        &a.id,
        1,
        &v,
        Names {
            variants: &alias,
            keys: &keys,
        },
        |_| "identity",
    )
    .unwrap_err();
    assert!(
        matches!(&err, DbError::Stale { by, .. } if by == &counsellor.display_name),
        "{err:?}"
    );
    // Nothing half-written by the refused edit.
    assert_eq!(persons::changes(&mut c, &tenant, &a.id).unwrap().len(), 2);
    let log = audit::recent(&mut c, &tenant, 10, None, Some(&a.id)).unwrap();
    assert!(
        log.iter()
            .any(|e| e.action == "person.update" && e.data_classes.contains("contact"))
    );
    assert!(audit::verify(&mut c).unwrap()[0].broken.is_none());
}

#[test]
fn demo_persons_come_with_analyses_plans_and_due_follow_ups() {
    let (t, tenant) = seeded();
    let mut c = t.db.conn().unwrap();
    let created = demo::seed_persons(&mut c, &tenant, 60).unwrap();
    assert_eq!(created, 60);
    let counsellor = users::list(&mut c, &tenant, &Default::default())
        .unwrap()
        .into_iter()
        .find(|u| u.role == Role::Counsellor)
        .unwrap();
    let persons = ankommen_db::persons::list(&mut c, &tenant, None, 1000, 0).unwrap();
    let mut analysed = 0;
    let mut completed = 0;
    for p in &persons {
        let list = ankommen_db::assessments::list(&mut c, &tenant, &p.id).unwrap();
        if let Some(a) = list.first() {
            analysed += 1;
            completed += usize::from(a.is_completed());
            // Every stored section is valid by the domain's own rules.
            let full = ankommen_db::assessments::get(&mut c, &tenant, &p.id, a.number).unwrap();
            assert!(full.sections.len() >= 8, "{:?}", full.sections);
            for s in &full.sections {
                let section = ankommen_domain::assessment::Section::parse(&s.section).unwrap();
                let content = ankommen_domain::assessment::parse(
                    section,
                    &mut serde_json::Deserializer::from_str(&s.content),
                )
                .unwrap();
                let today = ankommen_db::now().date();
                assert_eq!(content.validate(today), vec![], "{}", s.content);
            }
            // The analysis was written by the person's counsellor, not by "the system".
            assert_eq!(a.created_by, p.values.counsellor_id);
            let plan = ankommen_db::plans::get(&mut c, &tenant, &p.id).unwrap();
            assert!(!plan.goals.is_empty() && !plan.steps.is_empty());
            assert_eq!(plan.follow_ups.len(), 1);
        }
    }
    // Duplicates-in-waiting have no case work; everyone else has.
    assert!((55..60).contains(&analysed), "{analysed}");
    assert!(
        completed > analysed / 2 && completed < analysed,
        "{completed}/{analysed}"
    );
    let today = ankommen_db::now().date();
    let due =
        ankommen_db::plans::due::due_for(&mut c, &tenant, Some(&counsellor.id), today, 7).unwrap();
    assert!(
        due.iter().any(|d| d.overdue),
        "some follow-up or step is overdue: {due:?}"
    );
}

#[test]
fn demo_network_has_offers_referrals_in_every_state_and_consents_with_expiry() {
    use ankommen_db::schema::{consents as k, referrals as r};
    use diesel::prelude::*;
    let (t, tenant) = seeded();
    let mut c = t.db.conn().unwrap();
    demo::seed_persons(&mut c, &tenant, 60).unwrap();
    let offers = ankommen_db::offers::search(&mut c, &tenant, &Default::default()).unwrap();
    assert!(offers.len() >= 80, "{}", offers.len());
    for kind in ankommen_domain::offer::OfferKind::ALL {
        assert!(
            offers.iter().any(|o| o.offer.kind == kind.as_str()),
            "no {kind} offer"
        );
    }
    let mut states: Vec<String> = r::table.select(r::state).load(&mut c).unwrap();
    states.sort();
    states.dedup();
    assert_eq!(
        states,
        [
            "accepted",
            "completed",
            "declined",
            "draft",
            "sent",
            "withdrawn"
        ]
    );
    let withdrawn: i64 = k::table
        .filter(k::withdrawn_on.is_not_null())
        .count()
        .get_result(&mut c)
        .unwrap();
    let expiring: i64 = k::table
        .filter(k::expires_on.is_not_null())
        .count()
        .get_result(&mut c)
        .unwrap();
    assert!(withdrawn >= 1 && expiring >= 3, "{withdrawn} {expiring}");
    // The referral resting on the withdrawn consent was withdrawn with it.
    let on_withdrawn: Vec<String> = r::table
        .inner_join(k::table.on(r::consent_id.eq(k::id.nullable())))
        .filter(k::withdrawn_on.is_not_null())
        .select(r::state)
        .load(&mut c)
        .unwrap();
    assert!(!on_withdrawn.is_empty() && on_withdrawn.iter().all(|s| s == "withdrawn"));
    assert!(audit::verify(&mut c).unwrap()[0].broken.is_none());
}
