//! The plan as the API returns it.

use ankommen_db::dialect::format_ts;
use ankommen_db::plans::{FollowUpRow, GoalRow, Plan, StepRow};
use serde::Serialize;

/// A goal in one of the county's action fields.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct GoalOut {
    pub id: String,
    /// `language`, `education`, `training`, `work`, `recognition`, `housing`, `health`,
    /// `family_childcare`, `social_participation`.
    pub action_field: String,
    pub title: String,
    pub description: Option<String>,
    /// `open`, `achieved` or `dropped`.
    pub status: String,
    pub status_reason: Option<String>,
    pub updated_at: String,
    pub updated_by: Option<String>,
    /// Send it back when changing the goal.
    pub version: i32,
}

/// A step towards a goal.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct StepOut {
    pub id: String,
    pub goal_id: String,
    pub title: String,
    /// `person`, `counsellor` or `partner_organisation`.
    pub owner_kind: String,
    pub owner_org_id: Option<String>,
    pub due_on: Option<String>,
    /// `open`, `in_progress`, `done` or `dropped`.
    pub status: String,
    pub status_reason: Option<String>,
    pub done_on: Option<String>,
    pub updated_at: String,
    pub updated_by: Option<String>,
    pub version: i32,
}

/// A follow-up: an appointment in person, a phone call, a partner's report.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct FollowUpOut {
    pub id: String,
    /// Whose dashboard it is on.
    pub counsellor_id: Option<String>,
    pub due_on: String,
    /// `appointment`, `phone` or `partner`.
    pub kind: String,
    pub note: Option<String>,
    pub done_at: Option<String>,
    pub updated_at: String,
    pub updated_by: Option<String>,
    pub version: i32,
}

/// A person's integration plan.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PlanOut {
    pub goals: Vec<GoalOut>,
    pub steps: Vec<StepOut>,
    pub follow_ups: Vec<FollowUpOut>,
}

impl From<&GoalRow> for GoalOut {
    fn from(r: &GoalRow) -> Self {
        Self {
            id: r.id.clone(),
            action_field: r.action_field.clone(),
            title: r.title.clone(),
            description: r.description.clone(),
            status: r.status.clone(),
            status_reason: r.status_reason.clone(),
            updated_at: format_ts(r.updated_at),
            updated_by: r.updated_by.clone(),
            version: r.version,
        }
    }
}

impl From<&StepRow> for StepOut {
    fn from(r: &StepRow) -> Self {
        Self {
            id: r.id.clone(),
            goal_id: r.goal_id.clone(),
            title: r.title.clone(),
            owner_kind: r.owner_kind.clone(),
            owner_org_id: r.owner_org_id.clone(),
            due_on: r.due_on.clone(),
            status: r.status.clone(),
            status_reason: r.status_reason.clone(),
            done_on: r.done_on.clone(),
            updated_at: format_ts(r.updated_at),
            updated_by: r.updated_by.clone(),
            version: r.version,
        }
    }
}

impl From<&FollowUpRow> for FollowUpOut {
    fn from(r: &FollowUpRow) -> Self {
        Self {
            id: r.id.clone(),
            counsellor_id: r.counsellor_id.clone(),
            due_on: r.due_on.clone(),
            kind: r.kind.clone(),
            note: r.note.clone(),
            done_at: r.done_at.map(format_ts),
            updated_at: format_ts(r.updated_at),
            updated_by: r.updated_by.clone(),
            version: r.version,
        }
    }
}

impl From<&Plan> for PlanOut {
    fn from(p: &Plan) -> Self {
        Self {
            goals: p.goals.iter().map(Into::into).collect(),
            steps: p.steps.iter().map(Into::into).collect(),
            follow_ups: p.follow_ups.iter().map(Into::into).collect(),
        }
    }
}
