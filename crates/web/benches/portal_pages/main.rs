//! Latency and throughput of the Integreat-compatible `GET /api/v3/{region}/{lang}/pages/`
//! for a region with 500 pages in 7 languages, served by the real router over a real TCP
//! socket (issue 6, "Performance": p99 < 20 ms at 500 requests/s). A benchmark, not a test:
//!
//!     cargo bench -p ankommen-web --bench portal_pages
//!     RATE=100 SECONDS=20 cargo bench -p ankommen-web --bench portal_pages
//!
//! Phases, in this order:
//! 1. Where a request's time goes, in process and one at a time: the database reads the
//!    handler makes, the whole request through the router, and serialising the answer.
//! 2. Closed loop: CLIENTS (4) keep-alive clients send back to back for CLOSED_SECONDS (5).
//! 3. Open loop at about 80 % of the closed-loop throughput (when that is below RATE), then
//!    open loop at RATE (500) requests/s for SECONDS (10). Requests leave on a fixed
//!    schedule whatever the answers do; a request's latency runs from its send to its last
//!    body byte (waiting for a free connection counts; how late the client's timer started
//!    it is reported apart), TIMEOUT_MS (5000) makes it an error. The 7 languages take
//!    turns. For comparison, open loop at RATE against the same answers cached as bytes
//!    behind a bare axum router: an upper bound for what caching rendered answers gives.
//!
//! The HTTP client is plain HTTP/1.1 over `tokio::net::TcpStream` (keep-alive, the body read
//! by `Content-Length` or chunked); it runs on its own thread and runtime, on the same
//! machine as the server.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ankommen_db::testing::TestDb;
use ankommen_db::{Who, demo, tenants};
use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tower::ServiceExt;

mod client;
mod fixture;
mod load;

use client::*;
use fixture::*;
use load::*;

const REGION: &str = "bench";
const HOST: &str = "https://integreat.example";
/// code, bcp47, native name, dir, the word for "topic" and "entry" in slugs, a sentence.
const LANGS: [(&str, &str, &str, &str, &str, &str, &str); 7] = [
    (
        "de",
        "de-DE",
        "Deutsch",
        "ltr",
        "thema",
        "eintrag",
        "Hier finden Sie Informationen zu Anmeldung, Wohnen, Arbeit und Sprachkursen in der Stadt.",
    ),
    (
        "en",
        "en-GB",
        "English",
        "ltr",
        "topic",
        "entry",
        "Here you find information about registration, housing, work and language courses in town.",
    ),
    (
        "ar",
        "ar-SA",
        "العربية",
        "rtl",
        "mawdu",
        "band",
        "هنا تجد معلومات حول التسجيل والسكن والعمل ودورات اللغة في المدينة.",
    ),
    (
        "fa",
        "fa-IR",
        "فارسی",
        "rtl",
        "mozu",
        "madde",
        "در اینجا اطلاعاتی درباره ثبت نام، مسکن، کار و کلاس های زبان در شهر پیدا می کنید.",
    ),
    (
        "uk",
        "uk-UA",
        "Українська",
        "ltr",
        "tema",
        "zapys",
        "Тут ви знайдете інформацію про реєстрацію, житло, роботу та мовні курси в місті.",
    ),
    (
        "ru",
        "ru-RU",
        "Русский",
        "ltr",
        "tema-ru",
        "punkt",
        "Здесь вы найдёте информацию о регистрации, жилье, работе и языковых курсах в городе.",
    ),
    (
        "tr",
        "tr-TR",
        "Türkçe",
        "ltr",
        "konu",
        "madde-tr",
        "Burada şehirdeki kayıt, konut, iş ve dil kursları hakkında bilgi bulabilirsiniz.",
    ),
];

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    percentile(&v, 0.5)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1_000.0
}

fn main() {
    let shape = Shape {
        roots: env("ROOTS", 20),
        children: env("CHILDREN", 24),
    };
    let rate = env("RATE", 500) as f64;
    let secs = env("SECONDS", 10) as f64;
    let closed_secs = env("CLOSED_SECONDS", 5) as f64;
    let clients = env("CLIENTS", 4);
    let timeout = Duration::from_millis(env("TIMEOUT_MS", 5_000) as u64);
    let max_conns = env("MAX_CONNS", 256);
    let reps = env("REPS", 20);

    // 1. The files, imported as `ankommen portal import-integreat` does.
    let dir = std::env::temp_dir().join(format!("ankommen-bench-portal-{}", uuid::Uuid::now_v7()));
    write_files(&dir, &shape);
    let db = TestDb::sqlite().unwrap();
    let hash = ankommen_domain::password::hash("bench-passwort-123").unwrap();
    let tenant = {
        let mut c = db.db.conn().unwrap();
        demo::seed(&mut c, |_| Ok(hash.clone())).unwrap();
        tenants::default_tenant(&mut c).unwrap().unwrap().id
    };
    let t = Instant::now();
    let content = ankommen_web::portal::import::read_dir(&dir).unwrap();
    let report = {
        let mut c = db.db.conn().unwrap();
        ankommen_db::portal::import(&mut c, Who::system(&tenant), &content).unwrap()
    };
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(
        (report.pages, report.texts),
        (shape.count(), shape.count() * LANGS.len())
    );
    eprintln!(
        "imported {} pages, {} texts in {} languages in {:.1} s",
        report.pages,
        report.texts,
        report.languages,
        t.elapsed().as_secs_f64()
    );

    let server = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let state = ankommen_web::AppState::new(db.db.clone(), ankommen_web::WebConfig::default());

    // 2. Where the time of one request goes (one at a time, in process, no socket).
    {
        use ankommen_db::portal as repo;
        let mut c = db.db.conn().unwrap();
        use ankommen_db::schema::portal_texts as tx;
        use diesel::prelude::*;
        let (mut t_db, mut t_texts, mut t_parse) = (Vec::new(), Vec::new(), Vec::new());
        let mut t_needed = Vec::new();
        let mut loaded_bytes = 0;
        let mut lang_bytes = 0;
        for _ in 0..reps {
            let t = Instant::now();
            let tn = tenants::default_tenant(&mut c).unwrap().unwrap();
            let region = repo::region(&mut c, &tn.id, REGION).unwrap();
            let languages = repo::languages(&mut c, &region.id).unwrap();
            let pages = repo::pages(&mut c, &region.id).unwrap();
            let ids: Vec<String> = pages.iter().map(|p| p.id.clone()).collect();
            let t1 = Instant::now();
            let texts = repo::texts(&mut c, repo::PAGE, &ids).unwrap();
            let t2 = Instant::now();
            t_db.push(ms(t2 - t));
            t_texts.push(ms(t2 - t1));
            // The handler parses a text's stored JSON once for the text and once for every
            // path it builds (its own, its parent's, six other languages): 9 per page.
            let de = &languages[0].0.id;
            let t3 = Instant::now();
            let mut n = 0usize;
            for tx in texts.iter().filter(|t| &t.language_id == de) {
                for _ in 0..(2 + LANGS.len()) {
                    let v: Value = serde_json::from_str(&tx.passthrough).unwrap_or_default();
                    n += v.as_object().map_or(0, |m| m.len());
                }
            }
            assert!(n > 0);
            t_parse.push(ms(t3.elapsed()));
            // What the answer needs: the texts of one language, and of the others only
            // what a link to them takes.
            let t4 = Instant::now();
            let mut mine = 0;
            let mut links = 0;
            for chunk in ids.chunks(500) {
                let base = || {
                    tx::table
                        .filter(tx::kind.eq(repo::PAGE))
                        .filter(tx::owner_id.eq_any(chunk))
                        .filter(tx::status.eq("published"))
                };
                mine += base()
                    .filter(tx::language_id.eq(de))
                    .select(repo::TextRow::as_select())
                    .load::<repo::TextRow>(&mut c)
                    .unwrap()
                    .len();
                links += base()
                    .select((
                        tx::owner_id,
                        tx::language_id,
                        tx::external_id,
                        tx::slug,
                        tx::passthrough,
                    ))
                    .load::<(String, String, i64, String, String)>(&mut c)
                    .unwrap()
                    .len();
            }
            assert_eq!((mine, links), (shape.count(), texts.len()));
            t_needed.push(ms(t4.elapsed()));
            loaded_bytes = texts
                .iter()
                .map(|t| t.content.len() + t.passthrough.len() + t.excerpt.len() + t.title.len())
                .sum::<usize>();
            lang_bytes = texts
                .iter()
                .filter(|t| &t.language_id == de)
                .map(|t| t.content.len() + t.passthrough.len() + t.excerpt.len() + t.title.len())
                .sum::<usize>();
        }
        drop(c);
        let router = ankommen_web::router(state.clone());
        let (t_full, t_ser, size, t_small) = server.block_on(async {
            let (mut full, mut ser, mut size, mut small) = (Vec::new(), Vec::new(), 0, Vec::new());
            for _ in 0..reps {
                let req = Request::get("/api/v3/regions/")
                    .header("host", "127.0.0.1:8000")
                    .body(Body::empty())
                    .unwrap();
                let t = Instant::now();
                let res = router.clone().oneshot(req).await.unwrap();
                assert!(res.status().is_success());
                res.into_body().collect().await.unwrap();
                small.push(ms(t.elapsed()));
            }
            for i in 0..reps {
                let req = Request::get(format!("/api/v3/{REGION}/de/pages/"))
                    .header("host", "127.0.0.1:8000")
                    .body(Body::empty())
                    .unwrap();
                let t = Instant::now();
                let res = router.clone().oneshot(req).await.unwrap();
                assert!(res.status().is_success());
                let bytes = res.into_body().collect().await.unwrap().to_bytes();
                full.push(ms(t.elapsed()));
                size = bytes.len();
                if i < 5 {
                    let pages: Vec<ankommen_domain::portal::integreat::Page> =
                        serde_json::from_slice(&bytes).unwrap();
                    assert_eq!(pages.len(), shape.count());
                    let t = Instant::now();
                    let again = serde_json::to_vec(&pages).unwrap();
                    ser.push(ms(t.elapsed()));
                    assert_eq!(again.len(), bytes.len());
                }
            }
            (full, ser, size, small)
        });
        let (full, dbt, ser) = (median(t_full), median(t_db), median(t_ser));
        println!(
            "one request at a time, in process (median of {reps}): whole request {full:.1} ms = database {dbt:.1} ms (of which texts {:.1} ms, {:.1} MB of {} texts in all languages loaded; the one language needs {:.1} MB) + serialising {ser:.1} ms ({:.2} MB) + assembling the rest {:.1} ms (parsing stored JSON 9× per page alone {:.1} ms)",
            median(t_texts),
            loaded_bytes as f64 / 1e6,
            report.texts,
            lang_bytes as f64 / 1e6,
            size as f64 / 1e6,
            (full - dbt - ser).max(0.0),
            median(t_parse),
        );
        println!(
            "for comparison: loading only what the answer needs (one language's texts, and id/slug/path of the others) {:.1} ms; a small v3 answer (regions/) through the same router and middleware {:.2} ms",
            median(t_needed),
            median(t_small),
        );
    }

    // 3. Over TCP.
    let listener = server
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    server.spawn(ankommen_web::launch_with_listener(listener, state.clone()));

    // An upper bound for caching rendered answers (NOT the application): the same bodies,
    // rendered once, served as bytes by a bare axum router on another port.
    let cached: Arc<std::collections::HashMap<String, axum::body::Bytes>> = {
        let router = ankommen_web::router(state.clone());
        let bodies = server.block_on(async {
            let mut m = std::collections::HashMap::new();
            for (code, ..) in LANGS {
                let req = Request::get(format!("/api/v3/{REGION}/{code}/pages/"))
                    .header("host", addr.to_string())
                    .body(Body::empty())
                    .unwrap();
                let res = router.clone().oneshot(req).await.unwrap();
                m.insert(
                    code.to_owned(),
                    res.into_body().collect().await.unwrap().to_bytes(),
                );
            }
            m
        });
        Arc::new(bodies)
    };
    let cache_listener = server
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let cache_addr = cache_listener.local_addr().unwrap();
    let cache_router = axum::Router::new().route(
        "/api/v3/{region}/{lang}/pages/",
        axum::routing::get(
            move |axum::extract::Path((_, lang)): axum::extract::Path<(String, String)>| {
                let cached = cached.clone();
                async move {
                    (
                        [(axum::http::header::CONTENT_TYPE, "application/json")],
                        cached.get(&lang).cloned().unwrap_or_default(),
                    )
                }
            },
        ),
    );
    server.spawn(async move { axum::serve(cache_listener, cache_router).await });

    let client = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            // Check every language once and note the sizes.
            let mut conn = Conn::open(addr).await.unwrap();
            let host = addr.to_string();
            let mut sizes = Vec::new();
            for (path, (code, ..)) in paths().iter().zip(LANGS) {
                let a = conn.get(path, &host, true).await.unwrap();
                assert_eq!(a.status, 200, "{path}");
                let v: Value = serde_json::from_slice(a.body.as_ref().unwrap()).unwrap();
                let list = v.as_array().unwrap();
                assert_eq!(list.len(), shape.count(), "{path}");
                assert_eq!(list[0]["available_languages"].as_object().unwrap().len(), 6);
                assert!(
                    list[0]["url"]
                        .as_str()
                        .unwrap()
                        .starts_with(&format!("http://{host}/"))
                );
                sizes.push(format!("{code} {:.2} MB", a.len as f64 / 1e6));
            }
            println!("response sizes: {}", sizes.join(", "));
            drop(conn);

            let settle = || async {
                let mut c = Conn::open(addr).await.unwrap();
                c.get(&paths()[0], &addr.to_string(), false).await.unwrap();
            };
            let mut closed = closed_loop(addr, clients, closed_secs).await;
            closed.report(&format!("closed loop, {clients} clients, {closed_secs} s"));
            let capacity = closed.ok as f64 / closed.elapsed.as_secs_f64();
            if capacity < rate {
                let sustainable = (capacity * 0.8).floor().max(1.0);
                settle().await;
                let mut o = open_loop(addr, sustainable, secs, timeout, max_conns).await;
                o.report(&format!(
                    "open loop at {sustainable} req/s (80 % of capacity), {secs} s"
                ));
            }
            let mut o = open_loop(cache_addr, rate, secs, timeout, max_conns).await;
            o.report(&format!(
                "upper bound, answers cached as bytes (bare axum, not the app), open loop at {rate} req/s, {secs} s"
            ));
            settle().await;
            let mut o = open_loop(addr, rate, secs, timeout, max_conns).await;
            o.report(&format!(
                "open loop at {rate} req/s, {secs} s, timeout {} ms",
                timeout.as_millis()
            ));
            let p99 = percentile(&o.latencies, 0.99);
            let met = o.errors + o.timeouts == 0 && p99 < 20.0;
            println!(
                "target p99 < 20 ms at {rate} req/s: {}",
                if met { "met" } else { "MISSED" }
            );
            if !met {
                // Requests the client gave up on are still worked off by the server.
                let t = Instant::now();
                let drained = tokio::time::timeout(Duration::from_secs(120), settle()).await;
                println!(
                    "after the load: the server answered a new request after {:.1} s{}",
                    t.elapsed().as_secs_f64(),
                    if drained.is_err() { " (gave up)" } else { "" }
                );
            }
        });
    });
    client.join().unwrap();
    server.shutdown_timeout(Duration::from_secs(2));
    drop(db);
}
