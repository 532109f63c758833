//! Latency of `GET /api/v1/persons?q=` with many persons in SQLite, through the whole HTTP
//! stack (router, middleware, auth, audit of the search). A benchmark, not a test:
//!
//!     cargo bench -p ankommen-web --bench person_search            # 100,000 persons
//!     PERSONS=10000 QUERIES=300 cargo bench -p ankommen-web --bench person_search
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

use ankommen_db::demo_persons::{Rng, generate};
use ankommen_db::persons::{self, Names};
use ankommen_db::testing::TestDb;
use ankommen_db::{Who, demo, municipalities, tenants};
use axum::body::Body;
use axum::http::Request;
use diesel::Connection;
use http_body_util::BodyExt;
use tower::ServiceExt;

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let n = env("PERSONS", 100_000);
    let queries = env("QUERIES", 500);
    let db = TestDb::sqlite().unwrap();
    let hash = ankommen_domain::password::hash("bench-passwort-123").unwrap();
    let started = Instant::now();
    let mut names = Vec::new();
    {
        let mut c = db.db.conn().unwrap();
        demo::seed(&mut c, |_| Ok(hash.clone())).unwrap();
        let tenant = tenants::default_tenant(&mut c).unwrap().unwrap().id;
        let towns: Vec<String> = municipalities::list(&mut c, &tenant)
            .unwrap()
            .into_iter()
            .map(|m| m.id)
            .collect();
        let mut rng = Rng::new(1);
        let who = Who::system(&tenant);
        let mut done = 0;
        while done < n {
            let batch = (n - done).min(2_000);
            c.transaction::<_, ankommen_db::DbError, _>(|c| {
                for _ in 0..batch {
                    let (v, ns) = generate(&mut rng, &towns, &[], None);
                    if names.len() < 5_000 {
                        names.push((
                            v.family_name.clone(),
                            v.given_names.clone(),
                            v.birth_date.clone(),
                        ));
                    }
                    persons::create(
                        c,
                        who,
                        &v,
                        Names {
                            variants: &ns,
                            keys: &persons::keys_of(&v, &ns),
                        },
                    )?;
                }
                Ok(())
            })
            .unwrap();
            done += batch;
        }
    }
    eprintln!(
        "seeded {n} persons in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    if std::env::var("PHASES").is_ok() {
        // Where the time goes, phase by phase, for a few queries.
        let mut c = db.db.conn().unwrap();
        let tenant = tenants::default_tenant(&mut c).unwrap().unwrap().id;
        for (family, given, _) in names.iter().take(5) {
            let q = ankommen_web::persons::Query::parse(&format!("{given} {family}"));
            let keys = ankommen_domain::matching::search_keys(&q.name, "");
            let t = Instant::now();
            let ids = persons::candidates(&mut c, &tenant, &keys, &[], None, 60).unwrap();
            let t1 = t.elapsed();
            let people = persons::get_many(&mut c, &tenant, &ids).unwrap();
            let t2 = t.elapsed();
            let hits = ankommen_web::persons::rank(people, &q, ankommen_domain::matching::Lang::De);
            let t3 = t.elapsed();
            ankommen_db::audit::record(
                &mut c,
                Who::system(&tenant),
                ankommen_db::audit::Entry::new("bench", "person", None),
            )
            .unwrap();
            let t4 = t.elapsed();
            eprintln!(
                "keys {} candidates {:?} get_many {:?} rank {:?} ({} hits) audit {:?}",
                keys.len(),
                t1,
                t2 - t1,
                t3 - t2,
                hits.len(),
                t4 - t3
            );
        }
    }

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let state = ankommen_web::AppState::new(db.db.clone(), ankommen_web::WebConfig::default());
        let router = ankommen_web::router(state);
        let login = Request::post("/api/v1/session")
            .header("content-type", "application/json")
            .body(Body::from(r#"{"username":"team_lead","password":"bench-passwort-123"}"#))
            .unwrap();
        let res = router.clone().oneshot(login).await.unwrap();
        let body: serde_json::Value = serde_json::from_slice(&res.into_body().collect().await.unwrap().to_bytes()).unwrap();
        let token = body["token"].as_str().unwrap().to_owned();
        let mut rng = Rng::new(99);
        let mut latencies = Vec::with_capacity(queries);
        let mut hits_total = 0usize;
        for i in 0..queries {
            let (family, given, birth) = rng.pick(&names).clone();
            // A mix: full name, name with date, family name only, another spelling.
            let q = match i % 4 {
                0 => format!("{given} {family}"),
                1 => format!("{family} {}", birth.unwrap_or_default()),
                2 => family.clone(),
                _ => format!("{} {given}", family.replace("Al-", "El ").replace('y', "i")),
            };
            let uri = format!("/api/v1/persons?q={}", q.replace(' ', "+"));
            let req = Request::get(uri).header("authorization", format!("Bearer {token}")).body(Body::empty()).unwrap();
            let t = Instant::now();
            let res = router.clone().oneshot(req).await.unwrap();
            let status = res.status();
            let bytes = res.into_body().collect().await.unwrap().to_bytes();
            latencies.push(t.elapsed().as_secs_f64() * 1_000.0);
            assert!(status.is_success(), "{status}: {}", String::from_utf8_lossy(&bytes));
            hits_total += serde_json::from_slice::<Vec<serde_json::Value>>(&bytes).map(|v| v.len()).unwrap_or(0);
        }
        latencies.sort_by(f64::total_cmp);
        println!(
            "person search, {n} persons in SQLite, {queries} queries: p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms, mean hits {:.1}",
            percentile(&latencies, 0.5),
            percentile(&latencies, 0.95),
            percentile(&latencies, 0.99),
            latencies.last().copied().unwrap_or(0.0),
            hits_total as f64 / queries as f64
        );
    });
}
