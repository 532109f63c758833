//! Test support: a fresh, migrated database per test — a temporary SQLite file, or a new
//! PostgreSQL database when `ANKOMMEN_TEST_POSTGRES_URL` is set (e.g.
//! `postgres://postgres@127.0.0.1:5432/postgres`). Dropped again when the guard goes.

use diesel::connection::SimpleConnection;
use diesel::prelude::*;

use crate::{Database, DbError, DbResult};

/// Environment variable naming the PostgreSQL server for tests.
pub const PG_ENV: &str = "ANKOMMEN_TEST_POSTGRES_URL";

/// A test database; removed on drop.
pub struct TestDb {
    pub db: Database,
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    File(std::path::PathBuf),
    Pg { admin_url: String, name: String },
}

impl TestDb {
    /// A fresh database on the backend chosen by the environment.
    pub fn new() -> DbResult<Self> {
        match std::env::var(PG_ENV).ok().filter(|u| !u.is_empty()) {
            Some(admin) => Self::postgres(&admin),
            None => Self::sqlite(),
        }
    }

    pub fn sqlite() -> DbResult<Self> {
        let path = std::env::temp_dir().join(format!("ankommen-test-{}.db", uuid::Uuid::now_v7()));
        let url = format!("sqlite://{}", path.display());
        let db = Database::open(&url)?;
        Ok(Self {
            db,
            url,
            cleanup: Cleanup::File(path),
        })
    }

    pub fn postgres(admin_url: &str) -> DbResult<Self> {
        let name = format!("ankommen_test_{}", uuid::Uuid::now_v7().simple());
        let mut admin = PgConnection::establish(admin_url).map_err(|e| {
            DbError::Unavailable(format!("{}: {e}", crate::conn::mask_password(admin_url)))
        })?;
        admin.batch_execute(&format!("CREATE DATABASE {name}"))?;
        let url = with_database(admin_url, &name);
        let db = Database::open(&url)?;
        Ok(Self {
            db,
            url,
            cleanup: Cleanup::Pg {
                admin_url: admin_url.to_owned(),
                name,
            },
        })
    }
}

/// Replaces the database name (the path) of a PostgreSQL URL.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let host_part = match base[scheme_end..].find('/') {
        Some(i) => &base[..scheme_end + i],
        None => base,
    };
    match query {
        Some(q) => format!("{host_part}/{name}?{q}"),
        None => format!("{host_part}/{name}"),
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::File(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Cleanup::Pg { admin_url, name } => {
                if let Ok(mut admin) = PgConnection::establish(admin_url) {
                    let _ = admin
                        .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn database_name_is_replaced() {
        assert_eq!(
            super::with_database("postgres://u@h:5432/postgres", "x"),
            "postgres://u@h:5432/x"
        );
        assert_eq!(
            super::with_database("postgres://u@h/postgres?sslmode=disable", "x"),
            "postgres://u@h/x?sslmode=disable"
        );
        assert_eq!(
            super::with_database("postgres://u@h", "x"),
            "postgres://u@h/x"
        );
    }
}
