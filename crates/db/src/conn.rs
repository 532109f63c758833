//! Connections: one `Db` enum over SQLite and PostgreSQL (diesel's MultiConnection, the
//! vaultwarden pattern), chosen at run time from the URL, pooled with r2d2. Queries are
//! synchronous; the web layer runs them on tokio's blocking pool.

use std::fmt;
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::error::{DbError, DbResult};

/// A connection to either backend. Code above this module writes one query for both.
#[derive(diesel::MultiConnection)]
pub enum Db {
    Sqlite(diesel::SqliteConnection),
    Pg(diesel::PgConnection),
}

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const PG_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// Which backend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A parsed database URL: `sqlite://PATH` (or `sqlite:PATH`) or `postgres://…`/`postgresql://…`.
#[derive(Clone, PartialEq, Eq)]
pub struct DbUrl {
    backend: Backend,
    /// For SQLite the file path, for PostgreSQL the full URL.
    target: String,
}

impl DbUrl {
    pub fn parse(url: &str) -> Result<Self, DbError> {
        let url = url.trim();
        if let Some(path) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            if path.is_empty() {
                return Err(DbError::Unavailable(
                    "sqlite URL without a file path (sqlite://ankommen.db)".into(),
                ));
            }
            return Ok(Self {
                backend: Backend::Sqlite,
                target: path.to_owned(),
            });
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Self {
                backend: Backend::Postgres,
                target: url.to_owned(),
            });
        }
        Err(DbError::Unavailable(format!(
            "unsupported database URL '{}': use sqlite://FILE or postgres://USER@HOST/DB",
            mask_password(url)
        )))
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The URL for messages and logs, password masked.
    pub fn masked(&self) -> String {
        match self.backend {
            Backend::Sqlite => format!("sqlite://{}", self.target),
            Backend::Postgres => mask_password(&self.target),
        }
    }

    /// Opens one connection, with our SQLite settings applied.
    pub fn connect(&self) -> DbResult<Db> {
        let unavailable = |e: ConnectionError| {
            DbError::Unavailable(format!("{}: {}", self.masked(), one_line(&e)))
        };
        match self.backend {
            Backend::Sqlite => {
                let mut conn =
                    diesel::SqliteConnection::establish(&self.target).map_err(unavailable)?;
                // WAL lets readers run beside the writer; busy_timeout makes writers queue
                // instead of failing; NORMAL is durable with WAL except on power loss.
                conn.batch_execute(
                    "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000; \
                     PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
                )
                .map_err(|e| {
                    DbError::Unavailable(format!("{}: {}", self.masked(), one_line(&e)))
                })?;
                Ok(Db::Sqlite(conn))
            }
            Backend::Postgres => Ok(Db::Pg(
                diesel::PgConnection::establish(&self.target).map_err(unavailable)?,
            )),
        }
    }
}

impl fmt::Debug for DbUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

/// libpq's messages span several lines; operators get one.
fn one_line(e: &dyn fmt::Display) -> String {
    e.to_string()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Replaces the password in `scheme://user:password@host` with `***`.
pub fn mask_password(url: &str) -> String {
    let Some(scheme_end) = url.find("://") else {
        return url.to_owned();
    };
    let rest = &url[scheme_end + 3..];
    let Some(at) = rest.find('@') else {
        return url.to_owned();
    };
    let userinfo = &rest[..at];
    match userinfo.find(':') {
        Some(colon) => format!(
            "{}://{}:***{}",
            &url[..scheme_end],
            &userinfo[..colon],
            &rest[at..]
        ),
        None => url.to_owned(),
    }
}

/// r2d2 manager that connects by our URL rules (not by trying each backend in turn).
#[derive(Debug)]
pub struct Manager(DbUrl);

impl ManageConnection for Manager {
    type Connection = Db;
    type Error = DbError;

    fn connect(&self) -> Result<Db, DbError> {
        self.0.connect()
    }

    fn is_valid(&self, conn: &mut Db) -> Result<(), DbError> {
        conn.batch_execute("SELECT 1").map_err(DbError::from)
    }

    fn has_broken(&self, _conn: &mut Db) -> bool {
        false
    }
}

/// The connection pool plus what we know about the database.
#[derive(Clone)]
pub struct Database {
    pool: r2d2::Pool<Manager>,
    url: DbUrl,
}

impl fmt::Debug for Database {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Database").field("url", &self.url).finish()
    }
}

impl Database {
    /// Connects (failing fast if the database does not answer) and runs pending migrations.
    pub fn open(url: &str) -> DbResult<Self> {
        let url = DbUrl::parse(url)?;
        // Fail with the real reason rather than r2d2's generic timeout.
        let mut first = url.connect()?;
        run_migrations(&mut first)?;
        drop(first);
        let size = match url.backend() {
            Backend::Sqlite => 8,
            Backend::Postgres => 16,
        };
        let pool = r2d2::Pool::builder()
            .max_size(size)
            .connection_timeout(Duration::from_secs(10))
            .build(Manager(url.clone()))
            .map_err(|e| DbError::Unavailable(format!("{}: {e}", url.masked())))?;
        Ok(Self { pool, url })
    }

    pub fn conn(&self) -> DbResult<r2d2::PooledConnection<Manager>> {
        Ok(self.pool.get()?)
    }

    pub fn url(&self) -> &DbUrl {
        &self.url
    }

    pub fn backend(&self) -> Backend {
        self.url.backend()
    }
}

/// A round trip to the database.
pub fn ping(conn: &mut Db) -> DbResult<()> {
    conn.batch_execute("SELECT 1").map_err(DbError::from)
}

/// Applies the embedded migrations of the connection's backend.
pub fn run_migrations(conn: &mut Db) -> DbResult<Vec<String>> {
    let applied = match conn {
        Db::Sqlite(c) => c
            .run_pending_migrations(SQLITE_MIGRATIONS)
            .map(|v| v.iter().map(|m| m.to_string()).collect()),
        Db::Pg(c) => c
            .run_pending_migrations(PG_MIGRATIONS)
            .map(|v| v.iter().map(|m| m.to_string()).collect()),
    };
    applied.map_err(|e| DbError::Other(format!("migration failed: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert_eq!(
            DbUrl::parse("sqlite://a.db").unwrap().backend(),
            Backend::Sqlite
        );
        assert_eq!(
            DbUrl::parse("postgresql://u@h/d").unwrap().backend(),
            Backend::Postgres
        );
        assert!(DbUrl::parse("mysql://u@h/d").is_err());
        assert!(DbUrl::parse("sqlite://").is_err());
        assert_eq!(
            mask_password("postgres://anna:geheim@db:5432/x"),
            "postgres://anna:***@db:5432/x"
        );
        assert_eq!(
            mask_password("postgres://anna@db/x"),
            "postgres://anna@db/x"
        );
        let err = DbUrl::parse("mysql://u:pw@h/d").unwrap_err().to_string();
        assert!(err.contains("u:***@h") && !err.contains("pw"), "{err}");
    }
}
