//! Errors of the data layer. Handlers map them to HTTP in one place (`ankommen-web::error`).

use ankommen_domain::validate::FieldError;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("not found")]
    NotFound,
    /// A uniqueness rule was violated (a user name taken, an organisation name used twice).
    #[error("{0}")]
    Conflict(String),
    /// An update carried an old version: someone else changed the record meanwhile.
    #[error("the record was changed by {by} at {at} UTC; reload it and apply your change again")]
    Stale { by: String, at: String },
    /// Input that the domain rules reject.
    #[error("{0}")]
    Invalid(FieldError),
    /// A confirmation found that seats or needs changed meanwhile; nothing was written.
    #[error("the allocation no longer fits: {} clash(es)", .0.len())]
    Clashes(Vec<crate::allocation::Clash>),
    #[error("database unavailable: {0}")]
    Unavailable(String),
    #[error("database error: {0}")]
    Other(String),
}

impl From<diesel::result::Error> for DbError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match e {
            Error::NotFound => DbError::NotFound,
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
                DbError::Conflict(format!("already exists ({})", info.message()))
            }
            Error::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, _) => {
                DbError::Invalid(FieldError::new(
                    "reference",
                    "reference_missing",
                    "refers to a record that does not exist",
                ))
            }
            other => DbError::Other(other.to_string()),
        }
    }
}

impl From<FieldError> for DbError {
    fn from(e: FieldError) -> Self {
        DbError::Invalid(e)
    }
}

impl From<diesel::r2d2::PoolError> for DbError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        DbError::Unavailable(e.to_string())
    }
}

pub type DbResult<T> = Result<T, DbError>;
