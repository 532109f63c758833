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

// ---------------------------------------------------------------------------------------
// The region's files.

/// Page `k` (0-based): roots are 0..roots, then `children` children per root in order.
struct Shape {
    roots: usize,
    children: usize,
}

impl Shape {
    fn count(&self) -> usize {
        self.roots * (1 + self.children)
    }
    /// (root index, child index if a child).
    fn place(&self, k: usize) -> (usize, Option<usize>) {
        if k < self.roots {
            (k, None)
        } else {
            let c = k - self.roots;
            (c / self.children, Some(c % self.children))
        }
    }
    /// The page id (what children name as `parent.id`).
    fn page_id(k: usize) -> u64 {
        k as u64 + 1
    }
    /// The translation id of page `k` in language `li`: unique per language.
    fn translation_id(li: usize, k: usize) -> u64 {
        (li as u64 + 1) * 100_000 + k as u64 + 1
    }
    fn path(&self, li: usize, k: usize) -> String {
        let (code, _, _, _, topic, entry, _) = LANGS[li];
        match self.place(k) {
            (r, None) => format!("/{REGION}/{code}/{topic}-{}/", r + 1),
            (r, Some(c)) => format!("/{REGION}/{code}/{topic}-{}/{entry}-{}/", r + 1, c + 1),
        }
    }
}

/// 1–2 KB of HTML in language `li` (length varies with `k`).
fn content(li: usize, k: usize) -> String {
    let sentence = LANGS[li].6;
    let target = 1_000 + (k * 379) % 1_000;
    let mut html = format!(
        "<h2>{}</h2><p dir=\"{}\">{sentence}</p><ul><li>{sentence}</li><li><a href=\"https://www.example.org/info/{k}\">www.example.org</a></li></ul>",
        k + 1,
        LANGS[li].3
    );
    while html.len() < target {
        html.push_str(&format!(
            "<p><strong>{}.</strong> {sentence}</p>",
            k % 7 + 1
        ));
    }
    html
}

fn region_json() -> Value {
    let languages: Vec<Value> = LANGS
        .iter()
        .enumerate()
        .map(|(i, (code, tag, name, dir, ..))| {
            json!({"id": i + 1, "code": code, "bcp47_tag": tag, "native_name": name, "dir": dir})
        })
        .collect();
    json!([{
        "id": 42, "name": "Landkreis Bench", "path": REGION, "live": true, "prefix": "Landkreis",
        "name_without_prefix": "Bench", "plz": "49565", "extras": false, "events": true, "pois": true,
        "push_notifications": false, "longitude": 7.9728, "latitude": 52.4081,
        "bounding_box": [[7.8512, 52.3518], [8.0845, 52.4733]],
        "aliases": null, "tunews": false, "external_news": false, "zammad_privacy_policy": null,
        "languages": languages,
        "is_chat_enabled": false
    }])
}

fn pages_json(shape: &Shape, li: usize) -> Value {
    let (code, ..) = LANGS[li];
    let pages: Vec<Value> = (0..shape.count())
        .map(|k| {
            let path = shape.path(li, k);
            let (root, child) = shape.place(k);
            let (parent, order) = match child {
                None => (json!({"id": 0, "url": null, "path": null}), root + 1),
                Some(c) => {
                    let ppath = shape.path(li, root);
                    (
                        json!({"id": Shape::page_id(root), "url": format!("{HOST}{ppath}"), "path": ppath}),
                        c + 1,
                    )
                }
            };
            let others: serde_json::Map<String, Value> = (0..LANGS.len())
                .filter(|&o| o != li)
                .map(|o| {
                    let p = shape.path(o, k);
                    (
                        LANGS[o].0.to_owned(),
                        json!({"id": Shape::translation_id(o, k), "url": format!("{HOST}{p}"), "path": p}),
                    )
                })
                .collect();
            let title = format!("{} {}", LANGS[li].4, k + 1);
            json!({
                "id": Shape::translation_id(li, k),
                "url": format!("{HOST}{path}"),
                "path": path,
                "title": title,
                "modified_gmt": "2026-11-20T09:15:00Z",
                "last_updated": "2026-11-20T10:15:00+01:00",
                "excerpt": format!("{title} ({code}): {}", LANGS[li].6),
                "content": content(li, k),
                "parent": parent,
                "order": order,
                "available_languages": others,
                "thumbnail": null,
                "organization": null,
                "hash": null,
                "embedded_offers": []
            })
        })
        .collect();
    Value::Array(pages)
}

fn write_files(dir: &Path, shape: &Shape) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("regions.json"), region_json().to_string()).unwrap();
    for (li, (code, ..)) in LANGS.iter().enumerate() {
        let d = dir.join(REGION).join(code);
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join("pages.json"), pages_json(shape, li).to_string()).unwrap();
    }
}

// ---------------------------------------------------------------------------------------
// A minimal HTTP/1.1 client.

struct Conn {
    stream: TcpStream,
    buf: Vec<u8>,
}

/// One answer: status and body length (the body itself only when asked for).
struct Answer {
    status: u16,
    len: usize,
    body: Option<Vec<u8>>,
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

impl Conn {
    async fn open(addr: SocketAddr) -> std::io::Result<Self> {
        let stream = TcpStream::connect(addr).await?;
        stream.set_nodelay(true)?;
        Ok(Self {
            stream,
            buf: Vec::with_capacity(256 * 1024),
        })
    }

    async fn write_all(&self, mut data: &[u8]) -> std::io::Result<()> {
        while !data.is_empty() {
            self.stream.writable().await?;
            match self.stream.try_write(data) {
                Ok(n) => data = &data[n..],
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Reads more into `buf`; an error at end of stream.
    async fn fill(&mut self) -> std::io::Result<()> {
        loop {
            self.stream.readable().await?;
            let len = self.buf.len();
            self.buf.resize(len + 128 * 1024, 0);
            let read = self.stream.try_read(&mut self.buf[len..]);
            self.buf.truncate(len + *read.as_ref().unwrap_or(&0));
            match read {
                Ok(0) => {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::UnexpectedEof,
                        "connection closed",
                    ));
                }
                Ok(_) => return Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// `GET path` and the whole answer; `keep` keeps the body.
    async fn get(&mut self, path: &str, host: &str, keep: bool) -> std::io::Result<Answer> {
        let req =
            format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\n\r\n");
        self.write_all(req.as_bytes()).await?;
        let head_end = loop {
            if let Some(i) = find(&self.buf, b"\r\n\r\n") {
                break i + 4;
            }
            self.fill().await?;
        };
        let head = String::from_utf8_lossy(&self.buf[..head_end]).to_ascii_lowercase();
        let bad = |m: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, m.to_owned());
        let status: u16 = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| bad("no status line"))?;
        let header = |name: &str| {
            head.lines()
                .find_map(|l| l.strip_prefix(name).map(|v| v.trim().to_owned()))
        };
        if let Some(len) = header("content-length:") {
            let len: usize = len.parse().map_err(|_| bad("content-length"))?;
            // Read the body in place, dropping what is read when it is not kept.
            let mut got = self.buf.len() - head_end;
            let mut body = keep.then(|| self.buf[head_end..].to_vec());
            self.buf.clear();
            while got < len {
                self.fill().await?;
                got += self.buf.len();
                if let Some(b) = &mut body {
                    b.extend_from_slice(&self.buf);
                }
                self.buf.clear();
            }
            if got > len {
                return Err(bad(
                    "more bytes than content-length (pipelining is not used)",
                ));
            }
            Ok(Answer { status, len, body })
        } else if header("transfer-encoding:").is_some_and(|v| v.contains("chunked")) {
            // Decode as the chunks arrive: `pos` is the next chunk header in `buf`.
            let mut pos = head_end;
            let mut body = Vec::new();
            loop {
                let line_end = loop {
                    if let Some(i) = find(&self.buf[pos..], b"\r\n") {
                        break pos + i;
                    }
                    self.fill().await?;
                };
                let size_text = String::from_utf8_lossy(&self.buf[pos..line_end]).to_string();
                let size =
                    usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
                        .map_err(|_| bad("chunk size"))?;
                let data = line_end + 2;
                while self.buf.len() < data + size + 2 {
                    self.fill().await?;
                }
                body.extend_from_slice(&self.buf[data..data + size]);
                pos = data + size + 2;
                if size == 0 {
                    break;
                }
            }
            self.buf.drain(..pos);
            let len = body.len();
            Ok(Answer {
                status,
                len,
                body: keep.then_some(body),
            })
        } else {
            Err(bad("neither content-length nor chunked"))
        }
    }
}

// ---------------------------------------------------------------------------------------
// Load.

#[derive(Default)]
struct Outcome {
    /// Send (the request's turn in the schedule) → last body byte, ms (successes only).
    latencies: Vec<f64>,
    /// How late the client started requests against the schedule, ms (timer granularity).
    lags: Vec<f64>,
    /// Write of the request → last body byte, ms (successes only).
    service: Vec<f64>,
    sent: usize,
    ok: usize,
    errors: usize,
    timeouts: usize,
    bytes: usize,
    /// From the first scheduled send to the last completion.
    elapsed: Duration,
}

impl Outcome {
    fn report(&mut self, label: &str) {
        self.latencies.sort_by(f64::total_cmp);
        self.service.sort_by(f64::total_cmp);
        self.lags.sort_by(f64::total_cmp);
        let l = &self.latencies;
        let secs = self.elapsed.as_secs_f64();
        let lag = if self.lags.is_empty() {
            String::new()
        } else {
            format!(
                "; client late against the schedule p99 {:.1} ms",
                percentile(&self.lags, 0.99)
            )
        };
        println!(
            "{label}: sent {}, completed {}, errors {} (timeouts {}), throughput {:.1} req/s ({:.1} MB/s); latency p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms; without waiting for a connection p99 {:.1} ms{lag}",
            self.sent,
            self.ok,
            self.errors + self.timeouts,
            self.timeouts,
            self.ok as f64 / secs,
            self.bytes as f64 / secs / 1e6,
            percentile(l, 0.5),
            percentile(l, 0.95),
            percentile(l, 0.99),
            l.last().copied().unwrap_or(f64::NAN),
            percentile(&self.service, 0.99),
        );
    }
}

fn paths() -> Vec<String> {
    LANGS
        .iter()
        .map(|(code, ..)| format!("/api/v3/{REGION}/{code}/pages/"))
        .collect()
}

/// `clients` connections sending back to back for `secs`.
async fn closed_loop(addr: SocketAddr, clients: usize, secs: f64) -> Outcome {
    let host = addr.to_string();
    let start = Instant::now();
    let end = start + Duration::from_secs_f64(secs);
    let mut tasks = Vec::new();
    for c in 0..clients {
        let host = host.clone();
        tasks.push(tokio::spawn(async move {
            let paths = paths();
            let mut out = Outcome::default();
            let mut conn = Conn::open(addr).await.unwrap();
            let mut i = c;
            while Instant::now() < end {
                let t = Instant::now();
                out.sent += 1;
                match conn.get(&paths[i % paths.len()], &host, false).await {
                    Ok(a) if a.status == 200 => {
                        out.ok += 1;
                        out.bytes += a.len;
                        out.latencies.push(ms(t.elapsed()));
                        out.service.push(ms(t.elapsed()));
                    }
                    Ok(_) => out.errors += 1,
                    Err(_) => {
                        out.errors += 1;
                        conn = Conn::open(addr).await.unwrap();
                    }
                }
                i += 1;
            }
            out
        }));
    }
    let mut all = Outcome::default();
    for t in tasks {
        let o = t.await.unwrap();
        all.latencies.extend(o.latencies);
        all.service.extend(o.service);
        all.sent += o.sent;
        all.ok += o.ok;
        all.errors += o.errors;
        all.bytes += o.bytes;
    }
    all.elapsed = start.elapsed();
    all
}

enum Done {
    Ok {
        latency: f64,
        lag: f64,
        service: f64,
        len: usize,
    },
    Error,
    Timeout,
}

/// `rate` requests/s on a fixed schedule for `secs`, over at most `max_conns` keep-alive
/// connections (opened as needed).
async fn open_loop(
    addr: SocketAddr,
    rate: f64,
    secs: f64,
    timeout: Duration,
    max_conns: usize,
) -> Outcome {
    let host: Arc<str> = addr.to_string().into();
    let paths: Arc<Vec<String>> = Arc::new(paths());
    let idle: Arc<Mutex<Vec<Conn>>> = Arc::default();
    let permits = Arc::new(tokio::sync::Semaphore::new(max_conns));
    let n = (rate * secs).round() as usize;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<Done>();
    let start = tokio::time::Instant::now() + Duration::from_millis(20);
    for i in 0..n {
        let at = start + Duration::from_secs_f64(i as f64 / rate);
        tokio::time::sleep_until(at).await;
        let (host, paths, idle, permits, tx) = (
            host.clone(),
            paths.clone(),
            idle.clone(),
            permits.clone(),
            tx.clone(),
        );
        tokio::spawn(async move {
            let sent = Instant::now();
            let lag = ms(sent.saturating_duration_since(at.into_std()));
            let work = async {
                let _permit = permits.acquire().await.unwrap();
                let pooled = idle.lock().unwrap().pop();
                let mut conn = match pooled {
                    Some(c) => c,
                    None => Conn::open(addr).await?,
                };
                let t = Instant::now();
                let a = conn.get(&paths[i % paths.len()], &host, false).await?;
                let service = ms(t.elapsed());
                idle.lock().unwrap().push(conn);
                Ok::<_, std::io::Error>((a, service))
            };
            let done = match tokio::time::timeout_at(at + timeout, work).await {
                Ok(Ok((a, service))) if a.status == 200 => Done::Ok {
                    latency: ms(sent.elapsed()),
                    lag,
                    service,
                    len: a.len,
                },
                Ok(_) => Done::Error,
                Err(_) => Done::Timeout,
            };
            let _ = tx.send(done);
        });
    }
    drop(tx);
    let mut out = Outcome {
        sent: n,
        ..Outcome::default()
    };
    while let Some(d) = rx.recv().await {
        match d {
            Done::Ok {
                latency,
                lag,
                service,
                len,
            } => {
                out.lags.push(lag);
                out.ok += 1;
                out.bytes += len;
                out.latencies.push(latency);
                out.service.push(service);
            }
            Done::Error => out.errors += 1,
            Done::Timeout => out.timeouts += 1,
        }
    }
    out.elapsed = start.elapsed();
    out
}

// ---------------------------------------------------------------------------------------

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
