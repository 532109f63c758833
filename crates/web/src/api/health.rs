use axum::Json;
use axum::extract::State;

use crate::AppState;
use crate::error::AppResult;

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Health {
    status: &'static str,
}

/// Liveness and readiness: 200 once the database answers.
#[utoipa::path(get, path = "/healthz", responses((status = 200, body = Health), (status = 503, body = crate::error::Problem)))]
pub async fn healthz(State(state): State<AppState>) -> AppResult<Json<Health>> {
    state.db(ankommen_db::conn::ping).await?;
    Ok(Json(Health { status: "ok" }))
}
