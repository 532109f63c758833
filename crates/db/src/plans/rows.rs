//! The stored rows of the plan, as read.

use crate::dialect::ser_ts;
use diesel::prelude::*;
use serde::Serialize;
use time::PrimitiveDateTime;

use crate::schema::{follow_ups as f, plan_goals as g, plan_steps as s};

fn ser_opt_ts<S: serde::Serializer>(
    ts: &Option<PrimitiveDateTime>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match ts {
        Some(t) => s.serialize_str(&crate::dialect::format_ts(*t)),
        None => s.serialize_none(),
    }
}

/// A goal in an action field.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = g)]
pub struct GoalRow {
    pub id: String,
    #[serde(skip)]
    pub tenant_id: String,
    pub person_id: String,
    pub action_field: String,
    pub title: String,
    pub description: Option<String>,
    /// `open`, `achieved` or `dropped`.
    pub status: String,
    pub status_reason: Option<String>,
    #[serde(serialize_with = "ser_ts")]
    pub created_at: PrimitiveDateTime,
    pub created_by: Option<String>,
    #[serde(serialize_with = "ser_ts")]
    pub updated_at: PrimitiveDateTime,
    pub updated_by: Option<String>,
    /// Send it back when changing the goal.
    pub version: i32,
}

/// A step towards a goal.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = s)]
pub struct StepRow {
    pub id: String,
    #[serde(skip)]
    pub tenant_id: String,
    pub person_id: String,
    pub goal_id: String,
    pub title: String,
    /// `person`, `counsellor` or `partner_organisation`.
    pub owner_kind: String,
    pub owner_org_id: Option<String>,
    /// ISO date.
    pub due_on: Option<String>,
    /// `open`, `in_progress`, `done` or `dropped`.
    pub status: String,
    pub status_reason: Option<String>,
    /// ISO date the step was marked done.
    pub done_on: Option<String>,
    #[serde(serialize_with = "ser_ts")]
    pub created_at: PrimitiveDateTime,
    pub created_by: Option<String>,
    #[serde(serialize_with = "ser_ts")]
    pub updated_at: PrimitiveDateTime,
    pub updated_by: Option<String>,
    /// Send it back when changing the step.
    pub version: i32,
}

/// A follow-up: an appointment, a call, a partner's report.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = f)]
pub struct FollowUpRow {
    pub id: String,
    #[serde(skip)]
    pub tenant_id: String,
    pub person_id: String,
    /// Whose dashboard it is on.
    pub counsellor_id: Option<String>,
    /// ISO date.
    pub due_on: String,
    /// `appointment`, `phone` or `partner`.
    pub kind: String,
    pub note: Option<String>,
    #[serde(serialize_with = "ser_opt_ts")]
    pub done_at: Option<PrimitiveDateTime>,
    #[serde(serialize_with = "ser_ts")]
    pub created_at: PrimitiveDateTime,
    pub created_by: Option<String>,
    #[serde(serialize_with = "ser_ts")]
    pub updated_at: PrimitiveDateTime,
    pub updated_by: Option<String>,
    /// Send it back when changing the follow-up.
    pub version: i32,
}

/// A person's whole plan.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    pub goals: Vec<GoalRow>,
    pub steps: Vec<StepRow>,
    pub follow_ups: Vec<FollowUpRow>,
}
