//! Error pages (403, 404, 500, …) in the user's language, and the fallback for unknown paths.

use askama::Template;
use axum::extract::Request;
use axum::response::{IntoResponse, Response};

use super::{Ctx, PublicPage, render_status};
use crate::error::AppError;

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage<'a> {
    pub ctx: &'a Ctx,
    pub status: u16,
    pub title: String,
    pub message: String,
}

/// The HTML page for an error.
pub fn page(ctx: &Ctx, e: AppError) -> Response {
    let status = e.status();
    if let AppError::Internal(m) | AppError::Unavailable(m) = &e {
        tracing::error!(error = %m, "page failed");
    }
    let key = match status.as_u16() {
        401 => "401",
        403 => "403",
        404 => "404",
        409 => "409",
        422 | 400 | 413 => "400",
        429 => "429",
        503 => "503",
        _ => "500",
    };
    let mut message = ctx.t(&format!("error-{key}-text"));
    if let AppError::Validation(errs) = &e {
        message = errs
            .iter()
            .map(|f| format!("{}: {}", f.field, ctx.field_message(f)))
            .collect::<Vec<_>>()
            .join("; ");
    }
    let p = ErrorPage {
        ctx,
        status: status.as_u16(),
        title: ctx.t(&format!("error-{key}-title")),
        message,
    };
    render_status(status, &p)
}

/// Unknown paths: problem+json under `/api`, a 404 page elsewhere.
pub async fn fallback(PublicPage(ctx, _): PublicPage, req: Request) -> Response {
    if req.uri().path().starts_with("/api/") {
        return AppError::not_found().into_response();
    }
    page(&ctx, AppError::not_found())
}
