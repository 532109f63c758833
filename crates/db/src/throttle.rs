//! Login throttling: after [`MAX_FAILURES`] failed attempts for one user name within
//! [`WINDOW`], further attempts are refused until the oldest failure leaves the window.
//! Counted in the database so the limit holds across server instances.

use diesel::prelude::*;
use time::{Duration, PrimitiveDateTime};

use crate::schema::login_failures as f;
use crate::{Db, DbResult, now};

pub const MAX_FAILURES: i64 = 5;
pub const WINDOW: Duration = Duration::minutes(15);

/// `Some(seconds)` to wait if the user name is locked out now.
pub fn locked_for(conn: &mut Db, username: &str) -> DbResult<Option<i64>> {
    let since = now() - WINDOW;
    let recent: Vec<PrimitiveDateTime> = f::table
        .filter(f::username.eq(username))
        .filter(f::failed_at.gt(since))
        .order(f::failed_at.desc())
        .limit(MAX_FAILURES)
        .select(f::failed_at)
        .load(conn)?;
    if (recent.len() as i64) < MAX_FAILURES {
        return Ok(None);
    }
    // Locked until the oldest of the last MAX_FAILURES failures leaves the window.
    let oldest = recent.last().copied().unwrap_or_else(now);
    let wait = (oldest + WINDOW - now()).whole_seconds().max(1);
    Ok(Some(wait))
}

pub fn record_failure(conn: &mut Db, username: &str) -> DbResult<()> {
    diesel::insert_into(f::table)
        .values((
            f::id.eq(uuid::Uuid::now_v7().to_string()),
            f::username.eq(username.chars().take(64).collect::<String>()),
            f::failed_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn clear(conn: &mut Db, username: &str) -> DbResult<()> {
    diesel::delete(f::table.filter(f::username.eq(username))).execute(conn)?;
    Ok(())
}

/// Removes failures older than the window (nightly job).
pub fn purge_old(conn: &mut Db) -> DbResult<usize> {
    Ok(diesel::delete(f::table.filter(f::failed_at.le(now() - WINDOW))).execute(conn)?)
}
