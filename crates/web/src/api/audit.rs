//! Reading the audit log (administrators, team leads). Nobody can change it.

use axum::Json;
use axum::extract::State;
use serde::Deserialize;

use ankommen_db::audit::{self, AuditRow};
use ankommen_domain::policy::{Action, Resource};

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::AppResult;
use crate::extract::ApiQuery;

#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
pub struct AuditOut {
    pub seq: i64,
    pub at: String,
    pub actor_user_id: Option<String>,
    pub action: String,
    pub entity_type: String,
    pub entity_id: Option<String>,
    pub person_id: Option<String>,
    pub data_classes: String,
    pub purpose: Option<String>,
    pub outcome: String,
    pub request_id: Option<String>,
    pub detail: serde_json::Value,
    pub hash: String,
}

impl From<AuditRow> for AuditOut {
    fn from(r: AuditRow) -> Self {
        Self {
            seq: r.seq,
            at: ankommen_db::dialect::format_ts(r.at),
            actor_user_id: r.actor_user_id,
            action: r.action,
            entity_type: r.entity_type,
            entity_id: r.entity_id,
            person_id: r.person_id,
            data_classes: r.data_classes,
            purpose: r.purpose,
            outcome: r.outcome,
            request_id: r.request_id,
            detail: serde_json::from_str(&r.detail).unwrap_or(serde_json::Value::Null),
            hash: r.hash,
        }
    }
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct AuditParams {
    /// Entries before this sequence number (paging).
    pub before: Option<i64>,
    /// Only entries about this entity or by this user.
    pub entity_id: Option<String>,
    /// 1–500, default 100.
    pub limit: Option<i64>,
}

/// The newest audit entries.
#[utoipa::path(get, path = "/api/v1/audit", tag = "audit", params(AuditParams), responses((status = 200, body = [AuditOut])), security(("bearer" = []), ("cookie" = [])))]
pub async fn list(
    State(state): State<AppState>,
    me: CurrentUser,
    ApiQuery(p): ApiQuery<AuditParams>,
) -> AppResult<Json<Vec<AuditOut>>> {
    me.authorize(&state, Action::Read, Resource::AuditLog)
        .await?;
    let tenant = me.user.tenant_id.clone();
    let rows = state
        .db(move |c| {
            audit::recent(
                c,
                &tenant,
                p.limit.unwrap_or(100),
                p.before,
                p.entity_id.as_deref(),
            )
        })
        .await?;
    Ok(Json(rows.into_iter().map(AuditOut::from).collect()))
}
