//! Every difference between SQLite and PostgreSQL lives here, as explicit `match` arms.
//! (MultiConnection cannot express upserts or RETURNING; we generate ids in Rust instead.)

use diesel::connection::SimpleConnection;
use time::PrimitiveDateTime;
use time::macros::format_description;

use crate::{Db, DbResult};

/// Timestamp text used in the audit hash and in messages: `2026-11-23T10:00:00.123456Z`.
pub fn format_ts(ts: PrimitiveDateTime) -> String {
    let fmt =
        format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z");
    ts.format(&fmt).unwrap_or_default()
}

/// Serde helper: a timestamp field as [`format_ts`] text.
pub fn ser_ts<S: serde::Serializer>(ts: &PrimitiveDateTime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format_ts(*ts))
}

/// Serde helper: an optional timestamp as [`format_ts`] text or null.
pub fn ser_opt_ts<S: serde::Serializer>(
    ts: &Option<PrimitiveDateTime>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match ts {
        Some(t) => s.serialize_str(&format_ts(*t)),
        None => s.serialize_none(),
    }
}

/// Copies the whole database to `target`: `VACUUM INTO` on SQLite (a consistent snapshot while
/// the server runs). PostgreSQL installations back up with pg_dump / base backups instead.
pub fn backup_into(conn: &mut Db, target: &str) -> DbResult<()> {
    match conn {
        Db::Sqlite(c) => {
            let quoted = target.replace('\'', "''");
            c.batch_execute(&format!("VACUUM INTO '{quoted}'"))?;
            Ok(())
        }
        Db::Pg(_) => Err(crate::DbError::Other(
            "backup of PostgreSQL is done with pg_dump or base backups (see docs/operations.md)"
                .into(),
        )),
    }
}

/// Lower-cases a text column for case-insensitive search on both backends.
pub fn like_pattern(needle: &str) -> String {
    let escaped = needle
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}
