//! `TestApp`: a seeded database and the real router, driven in-process.

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

use ankommen_db::testing::TestDb;
use ankommen_db::{Who, demo, jobs, orgs, tenants};
use ankommen_web::{AppState, WebConfig};

pub const PASSWORD: &str = "demo-passwort-2026";

pub enum Auth<'a> {
    None,
    Bearer(&'a str),
    /// A session cookie, sent the way a browser would (with Origin for unsafe methods).
    Cookie(&'a str),
    /// A cookie sent from a foreign site.
    CrossSiteCookie(&'a str),
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

pub struct TestApp {
    pub db: TestDb,
    pub state: AppState,
    router: Router,
}

impl TestApp {
    pub async fn new() -> Self {
        Self::with_config(WebConfig::default()).await
    }

    /// A test app with its own configuration (e.g. SMTP pointing at an [`SmtpSink`]).
    pub async fn with_config(config: WebConfig) -> Self {
        let db = tokio::task::spawn_blocking(|| {
            let db = TestDb::new().unwrap();
            let hash = ankommen_domain::password::hash(PASSWORD).unwrap();
            demo::seed(&mut db.db.conn().unwrap(), |_| Ok(hash.clone())).unwrap();
            db
        })
        .await
        .unwrap();
        let state = AppState::new(db.db.clone(), config);
        let router = ankommen_web::router(state.clone());
        Self { db, state, router }
    }

    /// Another server instance on the same database.
    pub fn second_instance(&self) -> TestApp2 {
        TestApp2 {
            router: ankommen_web::router(AppState::new(self.db.db.clone(), WebConfig::default())),
        }
    }

    pub async fn raw(
        &self,
        method: Method,
        path: &str,
        body: &str,
        content_type: &str,
        auth: Auth<'_>,
    ) -> Reply {
        send(
            &self.router,
            method,
            path,
            Some((body.to_owned(), content_type.to_owned())),
            auth,
        )
        .await
    }

    pub async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
        auth: Auth<'_>,
    ) -> Reply {
        send(
            &self.router,
            method,
            path,
            body.map(|b| (b.to_string(), "application/json".to_owned())),
            auth,
        )
        .await
    }

    pub async fn get(&self, path: &str, auth: Auth<'_>) -> Reply {
        send(&self.router, Method::GET, path, None, auth).await
    }

    /// A GET with extra request headers (conditional requests, languages).
    pub async fn get_with_headers(&self, path: &str, headers: &[(&str, &str)]) -> Reply {
        let mut req = Request::builder()
            .method(Method::GET)
            .uri(path)
            .header(header::HOST, "ankommen.test");
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let res = self
            .router
            .clone()
            .oneshot(req.body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    pub async fn form(&self, path: &str, fields: &[(&str, &str)], auth: Auth<'_>) -> Reply {
        let body: String = fields
            .iter()
            .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
            .collect::<Vec<_>>()
            .join("&");
        self.raw(
            Method::POST,
            path,
            &body,
            "application/x-www-form-urlencoded",
            auth,
        )
        .await
    }

    pub async fn login_as(&self, user: &str, password: &str) -> String {
        let body = serde_json::json!({"username": user, "password": password});
        let r = self
            .call(Method::POST, "/api/v1/session", Some(body), Auth::None)
            .await;
        assert_eq!(r.status, StatusCode::OK, "login {user}: {}", r.body);
        r.json()["token"].as_str().unwrap().to_owned()
    }

    pub async fn login(&self, user: &str) -> String {
        self.login_as(user, PASSWORD).await
    }

    pub async fn org_id(&self, kind: &str) -> String {
        let db = self.db.db.clone();
        let kind = kind.to_owned();
        tokio::task::spawn_blocking(move || {
            let mut c = db.conn().unwrap();
            let t = tenants::default_tenant(&mut c).unwrap().unwrap();
            orgs::list(&mut c, &t.id)
                .unwrap()
                .into_iter()
                .find(|o| o.kind == kind)
                .unwrap()
                .id
        })
        .await
        .unwrap()
    }

    pub async fn enqueue(&self, kind: &'static str, payload: Value) {
        let db = self.db.db.clone();
        tokio::task::spawn_blocking(move || {
            let mut c = db.conn().unwrap();
            let t = tenants::default_tenant(&mut c).unwrap().unwrap();
            jobs::enqueue(&mut c, Who::system(&t.id), kind, &payload, None, 3).unwrap();
        })
        .await
        .unwrap();
    }

    pub async fn make_all_jobs_due(&self) {
        let db = self.db.db.clone();
        tokio::task::spawn_blocking(move || {
            use diesel::connection::SimpleConnection;
            db.conn().unwrap().batch_execute("UPDATE jobs SET run_at = created_at WHERE status = 'queued' AND kind <> 'nightly'").unwrap();
        })
        .await
        .unwrap();
    }

    pub async fn enqueue_email(&self) {
        let db = self.db.db.clone();
        tokio::task::spawn_blocking(move || {
            let mut c = db.conn().unwrap();
            let t = tenants::default_tenant(&mut c).unwrap().unwrap();
            let payload =
                serde_json::json!({"to": "anna@example.org", "subject": "Termin", "body": "Hallo"});
            jobs::enqueue(&mut c, Who::system(&t.id), "email", &payload, None, 2).unwrap();
        })
        .await
        .unwrap();
    }

    pub async fn make_jobs_due(&self) {
        let db = self.db.db.clone();
        tokio::task::spawn_blocking(move || {
            use diesel::connection::SimpleConnection;
            db.conn().unwrap().batch_execute("UPDATE jobs SET run_at = created_at WHERE status = 'queued' AND kind = 'email'").unwrap();
        })
        .await
        .unwrap();
    }
}

pub struct TestApp2 {
    router: Router,
}

impl TestApp2 {
    pub async fn get(&self, path: &str, auth: Auth<'_>) -> Reply {
        send(&self.router, Method::GET, path, None, auth).await
    }
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

async fn send(
    router: &Router,
    method: Method,
    path: &str,
    body: Option<(String, String)>,
    auth: Auth<'_>,
) -> Reply {
    let mut req = Request::builder()
        .method(method.clone())
        .uri(path)
        .header(header::HOST, "ankommen.test");
    match auth {
        Auth::None => {}
        Auth::Bearer(t) => req = req.header(header::AUTHORIZATION, format!("Bearer {t}")),
        Auth::Cookie(t) => {
            req = req.header(header::COOKIE, format!("ankommen_session={t}"));
            if method != Method::GET {
                req = req.header(header::ORIGIN, "http://ankommen.test");
            }
        }
        Auth::CrossSiteCookie(t) => {
            req = req
                .header(header::COOKIE, format!("ankommen_session={t}"))
                .header(header::ORIGIN, "https://evil.example");
        }
    }
    let req = match body {
        Some((b, ct)) => req
            .header(header::CONTENT_TYPE, ct)
            .body(Body::from(b))
            .unwrap(),
        None => req.body(Body::empty()).unwrap(),
    };
    let res = router.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

/// A local SMTP sink: accepts every message on a loopback port (plain SMTP, no auth) and keeps
/// what it received, so tests see the e-mails the job worker sends through lettre.
pub struct SmtpSink {
    pub port: u16,
    received: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl SmtpSink {
    pub fn start() -> Self {
        use std::io::{BufRead, BufReader, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let received = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let store = received.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let store = store.clone();
                std::thread::spawn(move || {
                    let mut out = stream.try_clone().unwrap();
                    let mut lines = BufReader::new(stream);
                    let _ = out.write_all(b"220 sink ESMTP\r\n");
                    let (mut data, mut in_data, mut message) = (false, false, String::new());
                    let mut line = String::new();
                    while lines.read_line(&mut line).map(|n| n > 0).unwrap_or(false) {
                        let reply: &[u8] = if in_data {
                            if line == ".\r\n" {
                                in_data = false;
                                store.lock().unwrap().push(std::mem::take(&mut message));
                                b"250 queued\r\n"
                            } else {
                                message.push_str(&line);
                                b""
                            }
                        } else {
                            let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
                            match verb.as_str() {
                                "EHLO" => b"250-sink\r\n250 8BITMIME\r\n",
                                "DATA" => {
                                    data = true;
                                    in_data = true;
                                    b"354 go ahead\r\n"
                                }
                                "QUIT" => {
                                    let _ = out.write_all(b"221 bye\r\n");
                                    break;
                                }
                                _ => b"250 ok\r\n",
                            }
                        };
                        if !reply.is_empty() {
                            let _ = out.write_all(reply);
                        }
                        line.clear();
                    }
                    let _ = data;
                });
            }
        });
        Self { port, received }
    }

    /// The raw messages received so far.
    pub fn messages(&self) -> Vec<String> {
        self.received.lock().unwrap().clone()
    }

    pub fn config(&self) -> ankommen_web::jobs::SmtpConfig {
        ankommen_web::jobs::SmtpConfig {
            host: "127.0.0.1".into(),
            port: self.port,
            username: None,
            password: None,
            from: "ankommen@landkreis.example".into(),
            starttls: false,
        }
    }
}
