//! The integration plan over HTTP: the whole plan of a person, goals, steps and follow-ups
//! (create; change with the version read). All of it is data class `notes`: the responsible
//! counsellor and team leads, by the policy. The functions here are shared by the API
//! handlers and the UI pages.

mod handlers;
pub mod out;

pub use handlers::*;

use serde::Deserialize;

use ankommen_db::audit::{self, Entry};
use ankommen_db::persons::Person;
use ankommen_db::plans::{self as repo, FollowUpRow, GoalRow, Plan, StepRow};
use ankommen_domain::plan::{
    DATA_CLASS, FollowUpInput, GoalInput, GoalStatus, StepInput, StepStatus,
};
use ankommen_domain::policy::{Action, Resource};
use ankommen_domain::validate::FieldError;

use crate::AppState;
use crate::api::path_id;
use crate::api::persons::read_person;
use crate::auth::CurrentUser;
use crate::error::{AppError, AppResult};
use crate::persons as logic;

/// The person (read audited) if `me` may do `action` to their plan.
async fn person_for(
    state: &AppState,
    me: &CurrentUser,
    person_id: &str,
    action: Action,
) -> AppResult<Person> {
    let (person, _) = read_person(state, me, person_id, None).await?;
    me.authorize(
        state,
        action,
        Resource::PersonData {
            class: DATA_CLASS,
            relation: logic::relation(me, &person.values, None, &[]),
        },
    )
    .await?;
    Ok(person)
}

/// Whether `me` may change this person's plan (for showing the forms).
pub fn can_edit(me: &CurrentUser, person: &Person) -> bool {
    ankommen_domain::policy::can(
        &me.actor(),
        Action::Update,
        &Resource::PersonData {
            class: DATA_CLASS,
            relation: logic::relation(me, &person.values, None, &[]),
        },
    )
    .is_allowed()
}

/// Shared by API and UI: the person and their plan; the read is audited.
pub async fn load_plan(
    state: &AppState,
    me: &CurrentUser,
    person_id: &str,
) -> AppResult<(Person, Plan)> {
    let person = person_for(state, me, person_id, Action::Read).await?;
    let who = me.owned_who();
    let pid = person.id.clone();
    let plan = state
        .db(move |c| {
            let plan = repo::get(c, &who.tenant_id, &pid)?;
            let mut entry = Entry::new("plan.read", "person", Some(&pid));
            entry.person_id = Some(&pid);
            entry.data_classes = &[DATA_CLASS];
            audit::record(c, who.get(), entry)?;
            Ok(plan)
        })
        .await?;
    Ok((person, plan))
}

fn version(v: Option<i32>) -> AppResult<i32> {
    v.ok_or_else(|| {
        AppError::Validation(vec![FieldError::new(
            "version",
            "required",
            "the version as read is required",
        )])
    })
}

fn text<'a>(new: &'a Option<String>, old: Option<&'a str>) -> &'a str {
    new.as_deref().or(old).unwrap_or("")
}

/// A goal to create or change. On change, fields left out keep their value.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct GoalIn {
    /// Required when changing: the goal's version as read (stale → 409 naming who).
    pub version: Option<i32>,
    pub action_field: Option<String>,
    /// At most 200 characters.
    pub title: Option<String>,
    /// At most 2000 characters; empty clears it.
    pub description: Option<String>,
    /// `open`, `achieved` or `dropped` (with `status_reason`).
    pub status: Option<String>,
    pub status_reason: Option<String>,
    /// Needed to leave `achieved` or `dropped`.
    #[serde(default)]
    pub reopen: bool,
}

/// Shared by API and UI: creates (`goal_id` `None`) or changes a goal.
pub async fn save_goal(
    state: &AppState,
    me: &CurrentUser,
    person_id: &str,
    goal_id: Option<&str>,
    body: GoalIn,
) -> AppResult<GoalRow> {
    let action = if goal_id.is_some() {
        Action::Update
    } else {
        Action::Create
    };
    let person = person_for(state, me, person_id, action).await?;
    let tenant = me.user.tenant_id.clone();
    let current = match goal_id {
        Some(raw) => {
            let (id, pid, t) = (path_id(raw)?, person.id.clone(), tenant.clone());
            Some(state.db(move |c| repo::goal(c, &t, &pid, &id)).await?)
        }
        None => None,
    };
    let cur = current.as_ref();
    let current_status = cur.and_then(|g| GoalStatus::parse(&g.status).ok());
    let goal = GoalInput {
        action_field: text(&body.action_field, cur.map(|g| g.action_field.as_str())),
        title: text(&body.title, cur.map(|g| g.title.as_str())),
        description: text(
            &body.description,
            cur.and_then(|g| g.description.as_deref()),
        ),
        status: text(&body.status, cur.map(|g| g.status.as_str())),
        status_reason: text(
            &body.status_reason,
            cur.and_then(|g| g.status_reason.as_deref()),
        ),
        reopen: body.reopen,
    }
    .validate(current_status)
    .map_err(AppError::Validation)?;
    let who = me.owned_who();
    let pid = person.id;
    match current {
        None => {
            state
                .db(move |c| repo::create_goal(c, who.get(), &pid, &goal))
                .await
        }
        Some(row) => {
            let v = version(body.version)?;
            state
                .db(move |c| repo::update_goal(c, who.get(), &pid, &row.id, v, &goal))
                .await
        }
    }
}

/// A step to create or change. On change, fields left out keep their value.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct StepIn {
    /// Required when changing: the step's version as read.
    pub version: Option<i32>,
    /// Required when creating: the goal the step serves.
    pub goal_id: Option<String>,
    /// At most 200 characters.
    pub title: Option<String>,
    /// `person`, `counsellor` or `partner_organisation` (with `owner_org_id`).
    pub owner_kind: Option<String>,
    pub owner_org_id: Option<String>,
    /// ISO date (or DD.MM.YYYY); empty for none.
    pub due_on: Option<String>,
    /// `open`, `in_progress`, `done`, `dropped` (with `status_reason`).
    pub status: Option<String>,
    pub status_reason: Option<String>,
    /// Needed to leave `done` or `dropped`.
    #[serde(default)]
    pub reopen: bool,
}

/// Shared by API and UI: creates (`step_id` `None`) or changes a step.
pub async fn save_step(
    state: &AppState,
    me: &CurrentUser,
    person_id: &str,
    step_id: Option<&str>,
    body: StepIn,
) -> AppResult<StepRow> {
    let action = if step_id.is_some() {
        Action::Update
    } else {
        Action::Create
    };
    let person = person_for(state, me, person_id, action).await?;
    let tenant = me.user.tenant_id.clone();
    let current = match step_id {
        Some(raw) => {
            let (id, pid, t) = (path_id(raw)?, person.id.clone(), tenant.clone());
            Some(state.db(move |c| repo::step(c, &t, &pid, &id)).await?)
        }
        None => None,
    };
    let cur = current.as_ref();
    let current_status = cur.and_then(|s| StepStatus::parse(&s.status).ok());
    let mut errs = Vec::new();
    let goal_id = match (cur, body.goal_id.as_deref().map(str::trim)) {
        (Some(_), _) => None,
        (None, Some(raw)) if !raw.is_empty() => match path_id(raw) {
            Ok(id) => Some(id),
            Err(_) => {
                errs.push(FieldError::new("goal_id", "invalid_id", "not a valid id"));
                None
            }
        },
        (None, _) => {
            errs.push(FieldError::new("goal_id", "required", "is required"));
            None
        }
    };
    let step = StepInput {
        title: text(&body.title, cur.map(|s| s.title.as_str())),
        owner_kind: text(&body.owner_kind, cur.map(|s| s.owner_kind.as_str())),
        owner_org_id: text(
            &body.owner_org_id,
            cur.and_then(|s| s.owner_org_id.as_deref()),
        ),
        due_on: text(&body.due_on, cur.and_then(|s| s.due_on.as_deref())),
        status: text(&body.status, cur.map(|s| s.status.as_str())),
        status_reason: text(
            &body.status_reason,
            cur.and_then(|s| s.status_reason.as_deref()),
        ),
        reopen: body.reopen,
    }
    .validate(current_status);
    let step = match step {
        Ok(s) if errs.is_empty() => s,
        Ok(_) => return Err(AppError::Validation(errs)),
        Err(e) => return Err(AppError::Validation(errs.into_iter().chain(e).collect())),
    };
    let who = me.owned_who();
    let pid = person.id;
    match (current, goal_id) {
        (Some(row), _) => {
            let v = version(body.version)?;
            state
                .db(move |c| repo::update_step(c, who.get(), &pid, &row.id, v, &step))
                .await
        }
        (None, Some(goal)) => {
            state
                .db(move |c| repo::create_step(c, who.get(), &pid, &goal, &step))
                .await
        }
        (None, None) => Err(AppError::not_found()),
    }
}

/// A follow-up to create or change. On change, fields left out keep their value.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub struct FollowUpIn {
    /// Required when changing: the follow-up's version as read.
    pub version: Option<i32>,
    /// ISO date (or DD.MM.YYYY).
    pub due_on: Option<String>,
    /// `appointment` (in person), `phone` or `partner` (a partner organisation reports).
    pub kind: Option<String>,
    pub note: Option<String>,
    /// Whether it has taken place.
    pub done: Option<bool>,
}

/// Shared by API and UI: creates (`id` `None`) or changes a follow-up.
pub async fn save_follow_up(
    state: &AppState,
    me: &CurrentUser,
    person_id: &str,
    id: Option<&str>,
    body: FollowUpIn,
) -> AppResult<FollowUpRow> {
    let action = if id.is_some() {
        Action::Update
    } else {
        Action::Create
    };
    let person = person_for(state, me, person_id, action).await?;
    let tenant = me.user.tenant_id.clone();
    let current = match id {
        Some(raw) => {
            let (id, pid, t) = (path_id(raw)?, person.id.clone(), tenant.clone());
            Some(state.db(move |c| repo::follow_up(c, &t, &pid, &id)).await?)
        }
        None => None,
    };
    let cur = current.as_ref();
    let follow_up = FollowUpInput {
        due_on: text(&body.due_on, cur.map(|f| f.due_on.as_str())),
        kind: text(&body.kind, cur.map(|f| f.kind.as_str())),
        note: text(&body.note, cur.and_then(|f| f.note.as_deref())),
        done: body
            .done
            .unwrap_or_else(|| cur.is_some_and(|f| f.done_at.is_some())),
    }
    .validate()
    .map_err(AppError::Validation)?;
    let who = me.owned_who();
    let pid = person.id;
    match current {
        None => {
            state
                .db(move |c| repo::create_follow_up(c, who.get(), &pid, &follow_up))
                .await
        }
        Some(row) => {
            let v = version(body.version)?;
            state
                .db(move |c| repo::update_follow_up(c, who.get(), &pid, &row.id, v, &follow_up))
                .await
        }
    }
}
