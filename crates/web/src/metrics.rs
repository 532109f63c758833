//! Prometheus metrics, served on a separate loopback listener so they are never public.
//! A handful of counters do not justify an exporter crate; the text format is simple.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

use crate::AppState;

const BUCKETS_MS: [u64; 8] = [1, 5, 10, 20, 50, 100, 500, 2_000];

#[derive(Debug, Default)]
pub struct Metrics {
    by_class: [AtomicU64; 5],
    buckets: [AtomicU64; BUCKETS_MS.len()],
    sum_us: AtomicU64,
    count: AtomicU64,
    pub jobs_done: AtomicU64,
    pub jobs_failed: AtomicU64,
}

impl Metrics {
    pub fn observe(&self, status: u16, elapsed_us: u64) {
        let class = (status / 100).clamp(1, 5) as usize - 1;
        self.by_class[class].fetch_add(1, Ordering::Relaxed);
        self.sum_us.fetch_add(elapsed_us, Ordering::Relaxed);
        self.count.fetch_add(1, Ordering::Relaxed);
        for (i, b) in BUCKETS_MS.iter().enumerate() {
            if elapsed_us <= b * 1_000 {
                self.buckets[i].fetch_add(1, Ordering::Relaxed);
            }
        }
    }

    /// Prometheus text exposition format.
    pub fn render(&self) -> String {
        let mut out = String::from("# TYPE ankommen_http_requests_total counter\n");
        for (i, c) in self.by_class.iter().enumerate() {
            out += &format!(
                "ankommen_http_requests_total{{class=\"{}xx\"}} {}\n",
                i + 1,
                c.load(Ordering::Relaxed)
            );
        }
        out += "# TYPE ankommen_http_request_duration_seconds histogram\n";
        for (i, b) in BUCKETS_MS.iter().enumerate() {
            let le = *b as f64 / 1000.0;
            out += &format!(
                "ankommen_http_request_duration_seconds_bucket{{le=\"{le}\"}} {}\n",
                self.buckets[i].load(Ordering::Relaxed)
            );
        }
        let count = self.count.load(Ordering::Relaxed);
        out += &format!("ankommen_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {count}\n");
        out += &format!(
            "ankommen_http_request_duration_seconds_sum {}\n",
            self.sum_us.load(Ordering::Relaxed) as f64 / 1e6
        );
        out += &format!("ankommen_http_request_duration_seconds_count {count}\n");
        out += "# TYPE ankommen_jobs_total counter\n";
        out += &format!(
            "ankommen_jobs_total{{outcome=\"done\"}} {}\n",
            self.jobs_done.load(Ordering::Relaxed)
        );
        out += &format!(
            "ankommen_jobs_total{{outcome=\"failed\"}} {}\n",
            self.jobs_failed.load(Ordering::Relaxed)
        );
        out
    }
}

pub async fn track(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let res = next.run(req).await;
    state
        .metrics()
        .observe(res.status().as_u16(), start.elapsed().as_micros() as u64);
    res
}

/// The router of the metrics listener.
pub fn router(state: AppState) -> axum::Router {
    axum::Router::new()
        .route(
            "/metrics",
            axum::routing::get(|State(s): State<AppState>| async move { s.metrics().render() }),
        )
        .with_state(state)
}
