//! The background job queue, a table in the same database: it works with several server
//! instances because a job is claimed with a conditional UPDATE that only one can win.

use crate::dialect::ser_ts;
use ankommen_domain::ids::JobId;
use diesel::prelude::*;
use serde::Serialize;
use time::{Duration, PrimitiveDateTime};

use crate::schema::jobs as j;
use crate::{Db, DbError, DbResult, Who, now};

pub const QUEUED: &str = "queued";
pub const RUNNING: &str = "running";
pub const DONE: &str = "done";
/// Failed for good after `max_attempts`; visible to administrators, who may retry it.
pub const FAILED: &str = "failed";

/// A worker that died holding a job releases it after this long.
const LOCK_TIMEOUT: Duration = Duration::minutes(10);

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = j)]
pub struct Job {
    pub id: String,
    pub tenant_id: String,
    pub kind: String,
    pub payload: String,
    pub status: String,
    pub attempts: i32,
    pub max_attempts: i32,
    #[serde(serialize_with = "ser_ts")]
    pub run_at: PrimitiveDateTime,
    pub last_error: Option<String>,
    #[serde(with = "crate::users::opt_ts")]
    pub finished_at: Option<PrimitiveDateTime>,
    #[serde(serialize_with = "ser_ts")]
    pub created_at: PrimitiveDateTime,
}

/// Queues a job to run at `run_at` (now if `None`).
pub fn enqueue(
    conn: &mut Db,
    who: Who<'_>,
    kind: &str,
    payload: &serde_json::Value,
    run_at: Option<PrimitiveDateTime>,
    max_attempts: i32,
) -> DbResult<String> {
    let id = JobId::new().into_string();
    let t = now();
    diesel::insert_into(j::table)
        .values((
            j::id.eq(&id),
            j::tenant_id.eq(who.tenant_id),
            j::kind.eq(kind),
            j::payload.eq(payload.to_string()),
            j::status.eq(QUEUED),
            j::attempts.eq(0),
            j::max_attempts.eq(max_attempts.max(1)),
            j::run_at.eq(run_at.unwrap_or(t)),
            j::created_at.eq(t),
            j::created_by.eq(who.user_id),
            j::updated_at.eq(t),
            j::updated_by.eq(who.user_id),
            j::version.eq(1),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Whether a job of `kind` is queued or running already (to schedule nightly tasks once).
pub fn pending_of_kind(conn: &mut Db, tenant_id: &str, kind: &str) -> DbResult<bool> {
    let n: i64 = j::table
        .filter(j::tenant_id.eq(tenant_id))
        .filter(j::kind.eq(kind))
        .filter(j::status.eq_any([QUEUED, RUNNING]))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Claims the next due job for `worker`, or `None`. Safe against concurrent workers: the
/// UPDATE re-checks the status, so of two workers racing for a job only one changes a row.
pub fn claim_next(conn: &mut Db, worker: &str) -> DbResult<Option<Job>> {
    let t = now();
    // Release jobs of workers that died.
    diesel::update(
        j::table
            .filter(j::status.eq(RUNNING))
            .filter(j::locked_at.lt(t - LOCK_TIMEOUT)),
    )
    .set((j::status.eq(QUEUED), j::locked_by.eq(None::<String>)))
    .execute(conn)?;
    for _ in 0..3 {
        let candidate: Option<(String, i32)> = j::table
            .filter(j::status.eq(QUEUED))
            .filter(j::run_at.le(t))
            .order((j::run_at.asc(), j::id.asc()))
            .select((j::id, j::version))
            .first(conn)
            .optional()?;
        let Some((id, version)) = candidate else {
            return Ok(None);
        };
        let won = diesel::update(
            j::table
                .filter(j::id.eq(&id))
                .filter(j::status.eq(QUEUED))
                .filter(j::version.eq(version)),
        )
        .set((
            j::status.eq(RUNNING),
            j::locked_by.eq(worker),
            j::locked_at.eq(t),
            j::attempts.eq(j::attempts + 1),
            j::updated_at.eq(t),
            j::version.eq(version + 1),
        ))
        .execute(conn)?;
        if won == 1 {
            return Ok(Some(
                j::table.find(&id).select(Job::as_select()).first(conn)?,
            ));
        }
    }
    Ok(None)
}

pub fn complete(conn: &mut Db, id: &str) -> DbResult<()> {
    let t = now();
    diesel::update(j::table.find(id))
        .set((
            j::status.eq(DONE),
            j::finished_at.eq(t),
            j::updated_at.eq(t),
            j::locked_by.eq(None::<String>),
            j::version.eq(j::version + 1),
        ))
        .execute(conn)?;
    Ok(())
}

/// Exponential backoff: 30 s, 1 min, 2 min, … capped at 1 h.
pub fn backoff(attempts: i32) -> Duration {
    let exp = attempts.clamp(1, 12) - 1;
    Duration::seconds((30i64 << exp).min(3_600))
}

/// Records a failure: re-queued with backoff, or failed for good after `max_attempts`.
pub fn fail(conn: &mut Db, job: &Job, error: &str) -> DbResult<()> {
    let t = now();
    let error: String = error.chars().take(2_000).collect();
    let final_failure = job.attempts >= job.max_attempts;
    let status = if final_failure { FAILED } else { QUEUED };
    diesel::update(j::table.find(&job.id))
        .set((
            j::status.eq(status),
            j::last_error.eq(error),
            j::run_at.eq(if final_failure {
                job.run_at
            } else {
                t + backoff(job.attempts)
            }),
            j::finished_at.eq(if final_failure { Some(t) } else { None }),
            j::locked_by.eq(None::<String>),
            j::updated_at.eq(t),
            j::version.eq(j::version + 1),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn list(
    conn: &mut Db,
    tenant_id: &str,
    status: Option<&str>,
    limit: i64,
) -> DbResult<Vec<Job>> {
    let mut q = j::table.filter(j::tenant_id.eq(tenant_id)).into_boxed();
    if let Some(s) = status {
        q = q.filter(j::status.eq(s.to_owned()));
    }
    Ok(q.order(j::created_at.desc())
        .limit(limit.clamp(1, 500))
        .select(Job::as_select())
        .load(conn)?)
}

pub fn count_failed(conn: &mut Db, tenant_id: &str) -> DbResult<i64> {
    Ok(j::table
        .filter(j::tenant_id.eq(tenant_id))
        .filter(j::status.eq(FAILED))
        .count()
        .get_result(conn)?)
}

/// An administrator sends a failed job round again.
pub fn retry(conn: &mut Db, who: Who<'_>, id: &str) -> DbResult<()> {
    crate::write_tx(conn, who.tenant_id, |c| {
        let t = now();
        let n = diesel::update(
            j::table
                .filter(j::id.eq(id))
                .filter(j::tenant_id.eq(who.tenant_id))
                .filter(j::status.eq(FAILED)),
        )
        .set((
            j::status.eq(QUEUED),
            j::attempts.eq(0),
            j::run_at.eq(t),
            j::finished_at.eq(None::<PrimitiveDateTime>),
            j::updated_at.eq(t),
            j::updated_by.eq(who.user_id),
            j::version.eq(j::version + 1),
        ))
        .execute(c)?;
        if n == 0 {
            return Err(DbError::NotFound);
        }
        crate::audit::append(
            c,
            who,
            crate::audit::Entry::new("job.retry", "job", Some(id)),
        )?;
        Ok(())
    })
}
