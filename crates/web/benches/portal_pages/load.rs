//! Load: closed loop and open loop with fixed send schedules, and what they measured.

use super::*;

#[derive(Default)]
pub(super) struct Outcome {
    /// Send (the request's turn in the schedule) → last body byte, ms (successes only).
    pub(super) latencies: Vec<f64>,
    /// How late the client started requests against the schedule, ms (timer granularity).
    pub(super) lags: Vec<f64>,
    /// Write of the request → last body byte, ms (successes only).
    pub(super) service: Vec<f64>,
    pub(super) sent: usize,
    pub(super) ok: usize,
    pub(super) errors: usize,
    pub(super) timeouts: usize,
    pub(super) bytes: usize,
    /// From the first scheduled send to the last completion.
    pub(super) elapsed: Duration,
}

impl Outcome {
    pub(super) fn report(&mut self, label: &str) {
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

pub(super) fn paths() -> Vec<String> {
    LANGS
        .iter()
        .map(|(code, ..)| format!("/api/v3/{REGION}/{code}/pages/"))
        .collect()
}

/// `clients` connections sending back to back for `secs`.
pub(super) async fn closed_loop(addr: SocketAddr, clients: usize, secs: f64) -> Outcome {
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

pub(super) enum Done {
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
pub(super) async fn open_loop(
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
