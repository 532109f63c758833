//! Login sessions in the database, so they survive restarts and work across several server
//! instances. Only the SHA-256 of a session token is stored.

use diesel::prelude::*;
use time::{Duration, PrimitiveDateTime};

use crate::schema::sessions as s;
use crate::{Db, DbResult, now, users};

/// Idle sessions end after this long; every request extends them (sliding expiry).
pub const IDLE: Duration = Duration::hours(8);
/// Extending the expiry costs a write, so we do it at most once per this interval.
const TOUCH_EVERY: Duration = Duration::minutes(5);

pub fn create(conn: &mut Db, tenant_id: &str, user_id: &str, token_hash: &str) -> DbResult<()> {
    let t = now();
    diesel::insert_into(s::table)
        .values((
            s::token_hash.eq(token_hash),
            s::tenant_id.eq(tenant_id),
            s::user_id.eq(user_id),
            s::created_at.eq(t),
            s::last_seen_at.eq(t),
            s::expires_at.eq(t + IDLE),
        ))
        .execute(conn)?;
    Ok(())
}

/// The user of a live session; `None` if the session is unknown, expired or the user disabled.
pub fn lookup(conn: &mut Db, token_hash: &str) -> DbResult<Option<users::User>> {
    let row: Option<(String, String, PrimitiveDateTime, PrimitiveDateTime)> = s::table
        .find(token_hash)
        .select((s::tenant_id, s::user_id, s::last_seen_at, s::expires_at))
        .first(conn)
        .optional()?;
    let Some((tenant_id, user_id, last_seen, expires)) = row else {
        return Ok(None);
    };
    let t = now();
    if expires <= t {
        delete(conn, token_hash)?;
        return Ok(None);
    }
    let user = users::get(conn, &tenant_id, &user_id)?;
    if user.disabled {
        return Ok(None);
    }
    if t - last_seen > TOUCH_EVERY {
        diesel::update(s::table.find(token_hash))
            .set((s::last_seen_at.eq(t), s::expires_at.eq(t + IDLE)))
            .execute(conn)?;
    }
    Ok(Some(user))
}

pub fn delete(conn: &mut Db, token_hash: &str) -> DbResult<usize> {
    Ok(diesel::delete(s::table.find(token_hash)).execute(conn)?)
}

/// Removes expired sessions (nightly job).
pub fn purge_expired(conn: &mut Db) -> DbResult<usize> {
    Ok(diesel::delete(s::table.filter(s::expires_at.le(now()))).execute(conn)?)
}
