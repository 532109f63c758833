//! Data layer of ankommen: one diesel query DSL over SQLite and PostgreSQL, embedded
//! migrations per backend, repositories per entity, the hash-chained audit log and the job
//! queue. Synchronous by design (diesel); callers run it on a blocking thread.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod allocation;
pub mod assessments;
pub mod attendance;
pub mod audit;
pub mod break_glass;
pub mod conn;
pub mod consents;
pub mod courses;
pub mod demo;
pub mod demo_cases;
pub mod demo_courses;
pub mod demo_network;
pub mod demo_offers;
pub mod demo_persons;
pub mod dialect;
pub mod error;
pub mod export;
pub mod jobs;
pub mod municipalities;
pub mod needs;
pub mod notifications;
pub mod offers;
pub mod orgs;
pub mod persons;
pub mod plans;
pub mod portal;
pub mod referrals;
pub mod retention;
pub mod schema;
pub mod sessions;
pub mod tenants;
pub mod testing;
pub mod throttle;
pub mod tokens;
pub mod users;

use diesel::prelude::*;
use time::{OffsetDateTime, PrimitiveDateTime};

pub use conn::{Backend, Database, Db, DbUrl};
pub use error::{DbError, DbResult};

/// Who does something, for `created_by`/`updated_by` and the audit log.
#[derive(Debug, Clone, Copy)]
pub struct Who<'a> {
    pub tenant_id: &'a str,
    /// `None` for the system itself (demo seeding, the job worker, the CLI).
    pub user_id: Option<&'a str>,
    pub request_id: Option<&'a str>,
}

impl<'a> Who<'a> {
    pub fn system(tenant_id: &'a str) -> Self {
        Self {
            tenant_id,
            user_id: None,
            request_id: None,
        }
    }
}

/// Now, in UTC, truncated to microseconds (what PostgreSQL stores), so a value written and
/// read back is identical — the audit hash depends on it.
pub fn now() -> PrimitiveDateTime {
    let now = OffsetDateTime::now_utc();
    let micros = now.microsecond();
    let t = now.replace_microsecond(micros).unwrap_or(now);
    PrimitiveDateTime::new(t.date(), t.time())
}

/// A write transaction for one tenant. It first touches the tenant's audit head: on SQLite
/// that takes the write lock at the start (so `busy_timeout` applies instead of a failed
/// lock upgrade later), on PostgreSQL it row-locks the head so audit entries are chained
/// one after another even with several server instances.
pub fn write_tx<T>(
    conn: &mut Db,
    tenant_id: &str,
    f: impl FnOnce(&mut Db) -> DbResult<T>,
) -> DbResult<T> {
    conn.transaction(|c| {
        audit::lock_head(c, tenant_id)?;
        f(c)
    })
}

/// Applies an optimistic-concurrency update result: 1 row changed is success; 0 means the
/// record is gone (404) or someone else changed it since `version` was read (409, naming who).
pub(crate) fn check_versioned_update(
    conn: &mut Db,
    changed: usize,
    who_changed: impl FnOnce(&mut Db) -> QueryResult<(Option<String>, PrimitiveDateTime)>,
) -> DbResult<()> {
    if changed == 1 {
        return Ok(());
    }
    match who_changed(conn) {
        Ok((by, at)) => {
            let by = match by {
                Some(user_id) => users::display_name_of(conn, &user_id).unwrap_or(user_id),
                None => "the system".to_owned(),
            };
            Err(DbError::Stale {
                by,
                at: dialect::format_ts(at),
            })
        }
        Err(diesel::result::Error::NotFound) => Err(DbError::NotFound),
        Err(e) => Err(e.into()),
    }
}
