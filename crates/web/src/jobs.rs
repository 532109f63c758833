//! The background worker: claims due jobs from the database queue (so several server
//! instances share the work), runs them, and records success or failure with backoff.
//! Kinds: `email` (sent with lettre over SMTP when configured), `reminder` (a message to a
//! user, delivered as an e-mail to their address; follow-ups and steps of later issues queue
//! these with `run_at` on the due date) and `nightly` (housekeeping: sessions, login
//! throttling, reminders for unanswered referrals, the retention rules; it re-schedules itself).

use std::time::Duration;

use ankommen_db::jobs::{self, Job};
use ankommen_db::{Who, sessions, tenants, throttle};
use serde::Deserialize;

use crate::AppState;

/// SMTP settings; without them, e-mail jobs fail visibly instead of vanishing.
#[derive(Debug, Clone, Deserialize, Default)]
pub struct SmtpConfig {
    pub host: String,
    #[serde(default = "default_port")]
    pub port: u16,
    pub username: Option<String>,
    pub password: Option<String>,
    pub from: String,
    /// Use STARTTLS (default) or plain SMTP on a trusted relay.
    #[serde(default = "default_true")]
    pub starttls: bool,
}

fn default_port() -> u16 {
    587
}
fn default_true() -> bool {
    true
}

#[derive(Debug, Deserialize)]
struct EmailPayload {
    to: String,
    subject: String,
    body: String,
}

#[derive(Debug, Deserialize)]
struct ReminderPayload {
    user_id: String,
    subject: String,
    text: String,
}

pub const NIGHTLY: &str = "nightly";
pub const REMINDER: &str = "reminder";
pub const EMAIL: &str = "email";

/// After a confirmed allocation run: tells every user of each provider with new participants
/// (by e-mail, where they have an address) how many people start in which course. Names stay
/// in the application: the provider sees them on the course page.
pub async fn notify_providers(
    state: &AppState,
    me: &crate::auth::CurrentUser,
    run_id: &str,
) -> Result<(), crate::error::AppError> {
    let tenant = me.user.tenant_id.clone();
    let who = me.owned_who();
    let run_id = run_id.to_owned();
    state
        .db(move |c| {
            let run = ankommen_db::allocation::get(c, &tenant, &run_id)?;
            let proposal: serde_json::Value =
                serde_json::from_str(&run.proposal).unwrap_or_default();
            let courses = proposal["courses"].as_array().cloned().unwrap_or_default();
            let users = ankommen_db::users::list(c, &tenant, &Default::default())?;
            for course in courses
                .iter()
                .filter(|k| k["placed"].as_i64().unwrap_or(0) > 0)
            {
                let provider = course["provider_org_id"].as_str().unwrap_or_default();
                let text = format!(
                    "Das Migrationszentrum hat {} Person(en) in Ihren Kurs {} ab {} eingeteilt. \
                     Die Teilnehmendenliste finden Sie in ankommen unter Kurse.\n\n\
                     The migration centre placed {} person(s) in your course {} starting {}. \
                     The participant list is in ankommen under Courses.",
                    course["placed"],
                    course["title"]
                        .as_str()
                        .unwrap_or(course["course_type"].as_str().unwrap_or("")),
                    course["starts_on"].as_str().unwrap_or(""),
                    course["placed"],
                    course["title"]
                        .as_str()
                        .unwrap_or(course["course_type"].as_str().unwrap_or("")),
                    course["starts_on"].as_str().unwrap_or(""),
                );
                for u in users
                    .iter()
                    .filter(|u| u.org_id == provider && u.email.is_some())
                {
                    let payload = serde_json::json!({
                        "user_id": u.id,
                        "subject": "Neue Teilnehmende / New participants",
                        "text": text,
                    });
                    jobs::enqueue(c, who.get(), REMINDER, &payload, None, 5)?;
                }
            }
            Ok(())
        })
        .await
}

/// Runs the worker loop until the process ends.
pub fn spawn(state: AppState) -> tokio::task::JoinHandle<()> {
    let worker = format!("worker-{}", uuid::Uuid::now_v7());
    tokio::spawn(async move {
        if let Err(e) = schedule_nightly(&state).await {
            tracing::warn!(error = %e, "could not schedule the nightly job");
        }
        loop {
            match run_one(&state, &worker).await {
                Ok(true) => continue,
                Ok(false) => tokio::time::sleep(Duration::from_secs(2)).await,
                Err(e) => {
                    tracing::warn!(error = %e, "job worker");
                    tokio::time::sleep(Duration::from_secs(10)).await;
                }
            }
        }
    })
}

/// Queues the nightly housekeeping for each tenant unless it is queued already.
pub async fn schedule_nightly(state: &AppState) -> Result<(), crate::error::AppError> {
    state
        .db(|c| {
            for t in tenants::all(c)? {
                if !jobs::pending_of_kind(c, &t.id, NIGHTLY)? {
                    jobs::enqueue(
                        c,
                        Who::system(&t.id),
                        NIGHTLY,
                        &serde_json::json!({}),
                        Some(next_night()),
                        3,
                    )?;
                }
            }
            Ok(())
        })
        .await
}

/// 01:30 UTC tomorrow (02:30/03:30 in Berlin): after midnight, before anyone works.
fn next_night() -> time::PrimitiveDateTime {
    let now = ankommen_db::now();
    let tomorrow = now.date().next_day().unwrap_or(now.date());
    time::PrimitiveDateTime::new(
        tomorrow,
        time::Time::from_hms(1, 30, 0).unwrap_or(time::Time::MIDNIGHT),
    )
}

/// Claims and runs one job; `false` if none was due.
pub async fn run_one(state: &AppState, worker: &str) -> Result<bool, crate::error::AppError> {
    let w = worker.to_owned();
    let Some(job) = state.db(move |c| jobs::claim_next(c, &w)).await? else {
        return Ok(false);
    };
    let outcome = execute(state, &job).await;
    let metrics = state.metrics();
    state
        .db(move |c| match outcome {
            Ok(()) => {
                metrics.jobs_done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                jobs::complete(c, &job.id)
            }
            Err(message) => {
                metrics.jobs_failed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                tracing::warn!(job = %job.id, kind = %job.kind, attempt = job.attempts, "job failed");
                jobs::fail(c, &job, &message)
            }
        })
        .await?;
    Ok(true)
}

async fn execute(state: &AppState, job: &Job) -> Result<(), String> {
    match job.kind.as_str() {
        EMAIL => {
            let payload: EmailPayload =
                serde_json::from_str(&job.payload).map_err(|e| format!("bad payload: {e}"))?;
            let smtp = state
                .config()
                .smtp
                .clone()
                .ok_or("SMTP is not configured (set [smtp] in ankommen.toml)")?;
            tokio::task::spawn_blocking(move || send_email(&smtp, &payload))
                .await
                .map_err(|e| e.to_string())?
        }
        REMINDER => {
            let p: ReminderPayload =
                serde_json::from_str(&job.payload).map_err(|e| format!("bad payload: {e}"))?;
            let tenant = job.tenant_id.clone();
            state
                .db(move |c| {
                    let user = ankommen_db::users::get(c, &tenant, &p.user_id)?;
                    let Some(to) = user.email.filter(|_| !user.disabled) else {
                        return Ok(Err(format!(
                            "user {} has no e-mail address or is disabled",
                            user.id
                        )));
                    };
                    let email =
                        serde_json::json!({ "to": to, "subject": p.subject, "body": p.text });
                    jobs::enqueue(c, Who::system(&tenant), EMAIL, &email, None, 5)?;
                    Ok(Ok(()))
                })
                .await
                .map_err(|e| e.to_string())?
        }
        NIGHTLY => {
            let tenant = job.tenant_id.clone();
            state
                .db(move |c| {
                    let s = sessions::purge_expired(c)?;
                    let f = throttle::purge_old(c)?;
                    let (reminded, report) = network_tasks(c, &tenant, ankommen_db::now().date())?;
                    tracing::info!(
                        sessions = s,
                        login_failures = f,
                        referrals_reminded = reminded,
                        ?report,
                        "nightly housekeeping"
                    );
                    jobs::enqueue(
                        c,
                        Who::system(&tenant),
                        NIGHTLY,
                        &serde_json::json!({}),
                        Some(next_night()),
                        3,
                    )?;
                    Ok(())
                })
                .await
                .map_err(|e| e.to_string())
        }
        other => Err(format!("unknown job kind '{other}'")),
    }
}

/// The nightly work of the network (issue 7): reminders for unanswered referrals, then the
/// retention rules. Public for tests and the operators' manual run.
pub fn network_tasks(
    c: &mut ankommen_db::Db,
    tenant: &str,
    today: time::Date,
) -> ankommen_db::DbResult<(usize, ankommen_db::retention::Report)> {
    let who = Who::system(tenant);
    let reminded = ankommen_db::referrals::remind_overdue(c, who, today)?;
    let report = ankommen_db::retention::run(c, who, today)?;
    Ok((reminded, report))
}

fn send_email(smtp: &SmtpConfig, p: &EmailPayload) -> Result<(), String> {
    use lettre::transport::smtp::authentication::Credentials;
    use lettre::{Message, SmtpTransport, Transport};
    let message = Message::builder()
        .from(
            smtp.from
                .parse()
                .map_err(|e| format!("bad sender address: {e}"))?,
        )
        .to(p
            .to
            .parse()
            .map_err(|e| format!("bad recipient address: {e}"))?)
        .subject(&p.subject)
        .body(p.body.clone())
        .map_err(|e| e.to_string())?;
    let builder = if smtp.starttls {
        SmtpTransport::starttls_relay(&smtp.host).map_err(|e| e.to_string())?
    } else {
        SmtpTransport::builder_dangerous(&smtp.host)
    };
    let mut builder = builder
        .port(smtp.port)
        .timeout(Some(Duration::from_secs(20)));
    if let (Some(u), Some(pw)) = (&smtp.username, &smtp.password) {
        builder = builder.credentials(Credentials::new(u.clone(), pw.clone()));
    }
    builder
        .build()
        .send(&message)
        .map(|_| ())
        .map_err(|e| format!("SMTP: {e}"))
}
