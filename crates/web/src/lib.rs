//! The HTTP surface of ankommen: the JSON API under `/api/v1` (with its OpenAPI document),
//! the server-rendered staff UI, authentication, i18n and the background worker.
//! `launch_with_listener` lets tests start the real server on port 0.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod allocation;
pub mod api;
pub mod auth;
pub mod error;
pub mod extract;
pub mod i18n;
pub mod input;
pub mod jobs;
pub mod metrics;
pub mod person_input;
pub mod persons;
pub mod portal;
pub mod security;
pub mod ui;

use std::sync::Arc;

use axum::Router;
use axum::http::HeaderName;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};

use ankommen_db::{Database, Db, DbResult};

use crate::error::{AppError, AppResult};

/// axum, for the binary's metrics listener (so it needs no own dependency on axum).
pub mod axum_reexport {
    pub use axum::{Router, serve};
}

/// Settings of the web layer.
#[derive(Debug, Clone, Default)]
pub struct WebConfig {
    /// Mark cookies `Secure` (HTTPS). Off only for plain-HTTP use on loopback.
    pub secure_cookies: bool,
    pub smtp: Option<jobs::SmtpConfig>,
}

struct Inner {
    db: Database,
    config: WebConfig,
    metrics: Arc<metrics::Metrics>,
}

/// Shared state of all handlers.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

impl AppState {
    pub fn new(db: Database, config: WebConfig) -> Self {
        Self(Arc::new(Inner {
            db,
            config,
            metrics: Arc::default(),
        }))
    }

    pub fn config(&self) -> &WebConfig {
        &self.0.config
    }

    pub fn database(&self) -> &Database {
        &self.0.db
    }

    pub fn metrics(&self) -> Arc<metrics::Metrics> {
        self.0.metrics.clone()
    }

    /// Runs database work on the blocking pool (diesel is synchronous).
    pub async fn db<T, F>(&self, f: F) -> AppResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Db) -> DbResult<T> + Send + 'static,
    {
        let db = self.0.db.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = db.conn()?;
            f(&mut conn)
        })
        .await
        .map_err(|e| AppError::Internal(format!("database task: {e}")))?
        .map_err(AppError::from)
    }
}

/// The whole application router.
pub fn router(state: AppState) -> Router {
    let request_id = HeaderName::from_static("x-request-id");
    let secure = security::SecureCookies(state.config().secure_cookies);
    Router::new()
        .merge(api::router())
        .merge(ui::router())
        .merge(portal::api_v3::router())
        .merge(portal::pdf::router())
        .merge(portal::site::router())
        .fallback(ui::errors::fallback)
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            error::panic_response,
        ))
        .layer(axum::middleware::from_fn(security::csrf))
        .layer(axum::middleware::from_fn(security::headers))
        .layer(axum::Extension(secure))
        .layer(axum::extract::DefaultBodyLimit::max(256 * 1024))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            metrics::track,
        ))
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
        .with_state(state)
}

/// Serves the application on `listener` until the future is dropped or the process ends.
pub async fn launch_with_listener(
    listener: tokio::net::TcpListener,
    state: AppState,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
}

async fn shutdown_signal() {
    let _ = tokio::signal::ctrl_c().await;
    tracing::info!("shutting down");
}
