//! Error policy of the HTTP layer (as crates.io writes it down):
//! - Handlers return `Result<_, AppError>` and use `?` everywhere; the one-line constructors
//!   (`AppError::forbidden`, `not_found`, …) keep them short.
//! - The API answers every error as RFC 9457 `application/problem+json` with `type`, `title`,
//!   `status`, `detail` and, for validation, `errors: [{field, message}]`.
//! - UI handlers turn the same errors into a page in the user's language (`ui::errors`).
//! - Internal details (SQL, paths) are logged with the request id, never sent to the client.

use axum::extract::rejection::{FormRejection, JsonRejection, QueryRejection};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use ankommen_db::DbError;
use ankommen_domain::validate::FieldError;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
    /// Stable code of the rule that failed.
    pub code: String,
}

impl From<&FieldError> for FieldProblem {
    fn from(e: &FieldError) -> Self {
        Self {
            field: e.field.to_owned(),
            message: e.message.clone(),
            code: e.code.to_owned(),
        }
    }
}

/// RFC 9457 problem details.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum AppError {
    #[error("authentication required")]
    Unauthorized(String),
    #[error("forbidden: {0}")]
    Forbidden(String),
    #[error("not found")]
    NotFound,
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("invalid input")]
    Validation(Vec<FieldError>),
    #[error("request body too large")]
    TooLarge,
    #[error("too many requests")]
    TooManyRequests { retry_after: i64, detail: String },
    #[error("service unavailable: {0}")]
    Unavailable(String),
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    pub fn unauthorized() -> Self {
        AppError::Unauthorized("log in first, or send an Authorization: Bearer token".into())
    }
    pub fn forbidden(reason: impl Into<String>) -> Self {
        AppError::Forbidden(reason.into())
    }
    pub fn not_found() -> Self {
        AppError::NotFound
    }
    pub fn invalid(e: FieldError) -> Self {
        AppError::Validation(vec![e])
    }
    pub fn bad_request(detail: impl Into<String>) -> Self {
        AppError::BadRequest(detail.into())
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn problem(&self) -> Problem {
        let status = self.status();
        let (slug, detail, errors) = match self {
            AppError::Unauthorized(d) => ("unauthorized", d.clone(), vec![]),
            AppError::Forbidden(d) => ("forbidden", format!("You may not do this: {d}."), vec![]),
            AppError::NotFound => (
                "not-found",
                "There is no such resource, or you may not know it exists.".into(),
                vec![],
            ),
            AppError::Conflict(d) => ("conflict", d.clone(), vec![]),
            AppError::BadRequest(d) => ("bad-request", d.clone(), vec![]),
            AppError::Validation(errs) => (
                "validation",
                errs.iter()
                    .map(|e| e.to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
                errs.iter().map(FieldProblem::from).collect(),
            ),
            AppError::TooManyRequests { detail, .. } => ("rate-limited", detail.clone(), vec![]),
            AppError::TooLarge => (
                "too-large",
                "The request body is larger than 256 KiB.".into(),
                vec![],
            ),
            AppError::Unavailable(_) => (
                "unavailable",
                "The database is not reachable right now. Try again shortly.".into(),
                vec![],
            ),
            AppError::Internal(_) => (
                "internal",
                "Something went wrong on our side; it has been logged.".into(),
                vec![],
            ),
        };
        Problem {
            kind: format!("https://ankommen.example/problems/{slug}"),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail,
            errors,
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(msg) | AppError::Unavailable(msg) = &self {
            tracing::error!(error = %msg, "request failed");
        }
        let problem = self.problem();
        let body = serde_json::to_vec(&problem).unwrap_or_default();
        let mut res = (self.status(), body).into_response();
        res.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let AppError::TooManyRequests { retry_after, .. } = self
            && let Ok(v) = HeaderValue::from_str(&retry_after.to_string())
        {
            res.headers_mut().insert(header::RETRY_AFTER, v);
        }
        res
    }
}

impl From<DbError> for AppError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::NotFound => AppError::NotFound,
            DbError::Conflict(m) => AppError::Conflict(m),
            e @ DbError::Stale { .. } => AppError::Conflict(e.to_string()),
            e @ DbError::Clashes(_) => AppError::Conflict(e.to_string()),
            DbError::Invalid(f) => AppError::Validation(vec![f]),
            DbError::Unavailable(m) => AppError::Unavailable(m),
            DbError::Other(m) => AppError::Internal(m),
        }
    }
}

impl From<FieldError> for AppError {
    fn from(e: FieldError) -> Self {
        AppError::Validation(vec![e])
    }
}

impl From<JsonRejection> for AppError {
    fn from(r: JsonRejection) -> Self {
        match r {
            JsonRejection::JsonDataError(e) => {
                // serde's message names the field and the problem (unknown variant, missing field).
                AppError::Validation(vec![FieldError::new("body", "invalid", e.body_text())])
            }
            JsonRejection::MissingJsonContentType(_) => AppError::BadRequest(
                "send the body as JSON with 'Content-Type: application/json'".into(),
            ),
            other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => AppError::TooLarge,
            other => AppError::BadRequest(format!("malformed JSON body: {}", other.body_text())),
        }
    }
}

impl From<FormRejection> for AppError {
    fn from(r: FormRejection) -> Self {
        if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
            return AppError::TooLarge;
        }
        AppError::BadRequest(format!("malformed form: {}", r.body_text()))
    }
}

impl From<QueryRejection> for AppError {
    fn from(r: QueryRejection) -> Self {
        AppError::BadRequest(format!("malformed query string: {}", r.body_text()))
    }
}

pub type AppResult<T> = Result<T, AppError>;

/// A handler that panicked answers 500 problem+json; the panic is logged, the process lives on.
pub fn panic_response(_panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    AppError::Internal("handler panicked".into()).into_response()
}
