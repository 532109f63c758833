//! Extractors whose rejections are problem+json instead of axum's plain text.

use axum::extract::{FromRequest, FromRequestParts};

use crate::error::AppError;

/// `Json<T>` answering bad bodies with 400/422 problem+json.
#[derive(Debug, FromRequest)]
#[from_request(via(axum::Json), rejection(AppError))]
pub struct ApiJson<T>(pub T);

/// `Form<T>` answering bad bodies with 400 problem+json.
#[derive(Debug, FromRequest)]
#[from_request(via(axum::Form), rejection(AppError))]
pub struct ApiForm<T>(pub T);

/// `Query<T>` answering bad query strings with 400 problem+json.
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(AppError))]
pub struct ApiQuery<T>(pub T);
