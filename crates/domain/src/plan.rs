//! The integration plan (Integrationsplan, "Perspektive"): goals in the county's action
//! fields, steps towards them with an owner and a due date, and follow-ups (appointments,
//! calls, a partner's report) so nobody is lost from sight.
//!
//! Data class: the whole plan is the counsellor's case work and belongs to
//! [`DataClass::Notes`] ([`DATA_CLASS`]), so the responsible counsellor and team leads see
//! it, by the policy. Steps owned by a partner organisation are the candidates for sharing
//! with that organisation later (with the person's consent); until that sharing exists they
//! stay in `notes` like the rest.
//!
//! Status rules: `done`/`dropped` steps and `achieved`/`dropped` goals are final; changing
//! them needs an explicit `reopen`. Dropping always needs a reason.

use time::Date;

use crate::DataClass;
use crate::date::PartialDate;
use crate::validate::{FieldError, optional_text, required_text};

pub use crate::assessment::ActionField;

/// The data class of everything in the plan.
pub const DATA_CLASS: DataClass = DataClass::Notes;
/// Longest goal or step title.
pub const MAX_TITLE: usize = 200;
/// Longest description, reason or note.
pub const MAX_TEXT: usize = 2000;

crate::text_enum! {
    /// Where a goal stands.
    pub enum GoalStatus ("goal status") {
        Open = "open",
        Achieved = "achieved",
        /// Given up; needs a reason.
        Dropped = "dropped",
    }
}

crate::text_enum! {
    /// Where a step stands.
    pub enum StepStatus ("step status") {
        Open = "open",
        InProgress = "in_progress",
        Done = "done",
        /// Given up; needs a reason.
        Dropped = "dropped",
    }
}

crate::text_enum! {
    /// Who carries out a step (the text form of [`StepOwner`] without the organisation).
    pub enum OwnerKind ("step owner") {
        Person = "person",
        Counsellor = "counsellor",
        PartnerOrganisation = "partner_organisation",
    }
}

crate::text_enum! {
    /// How a follow-up happens.
    pub enum FollowUpKind ("follow-up kind") {
        /// An appointment in person.
        Appointment = "appointment",
        Phone = "phone",
        /// A partner organisation reports back.
        Partner = "partner",
    }
}

impl GoalStatus {
    pub fn is_final(self) -> bool {
        matches!(self, GoalStatus::Achieved | GoalStatus::Dropped)
    }
}

impl StepStatus {
    pub fn is_final(self) -> bool {
        matches!(self, StepStatus::Done | StepStatus::Dropped)
    }
}

/// Who carries out a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepOwner {
    Person,
    Counsellor,
    /// A partner organisation, by its id.
    PartnerOrganisation(String),
}

impl StepOwner {
    pub fn kind(&self) -> OwnerKind {
        match self {
            StepOwner::Person => OwnerKind::Person,
            StepOwner::Counsellor => OwnerKind::Counsellor,
            StepOwner::PartnerOrganisation(_) => OwnerKind::PartnerOrganisation,
        }
    }

    pub fn org_id(&self) -> Option<&str> {
        match self {
            StepOwner::PartnerOrganisation(id) => Some(id),
            _ => None,
        }
    }

    /// From the stored or posted parts: a partner organisation needs its id, the others
    /// take none.
    pub fn from_parts(kind: &str, org_id: &str) -> Result<Self, FieldError> {
        let kind = OwnerKind::parse(kind.trim())
            .map_err(|e| FieldError::new("owner_kind", "unknown_value", e.to_string()))?;
        let org = org_id.trim();
        match kind {
            OwnerKind::Person => Ok(StepOwner::Person),
            OwnerKind::Counsellor => Ok(StepOwner::Counsellor),
            OwnerKind::PartnerOrganisation if org.is_empty() => Err(FieldError::new(
                "owner_org_id",
                "required",
                "a partner organisation must be chosen",
            )),
            OwnerKind::PartnerOrganisation => uuid::Uuid::parse_str(org)
                .map(|u| StepOwner::PartnerOrganisation(u.to_string()))
                .map_err(|_| FieldError::new("owner_org_id", "invalid_id", "not a valid id")),
        }
    }
}

/// A calendar date (ISO `2026-12-01` or German `01.12.2026`); partial dates are not enough
/// for a plan.
pub fn parse_date(field: &'static str, raw: &str) -> Result<Date, FieldError> {
    PartialDate::parse(field, raw)?.as_date().ok_or_else(|| {
        FieldError::new(
            field,
            "malformed_date",
            "a full date (day, month, year) is needed",
        )
    })
}

fn parse_enum<T>(
    errs: &mut Vec<FieldError>,
    field: &'static str,
    raw: &str,
    parse: fn(&str) -> Result<T, crate::UnknownValue>,
) -> Option<T> {
    parse(raw.trim())
        .map_err(|e| errs.push(FieldError::new(field, "unknown_value", e.to_string())))
        .ok()
}

fn keep<T>(errs: &mut Vec<FieldError>, r: Result<T, FieldError>) -> Option<T> {
    r.map_err(|e| errs.push(e)).ok()
}

/// The reason rule shared by goals and steps: dropping needs one; reopening a final status
/// needs `reopen`.
fn check_transition(
    errs: &mut Vec<FieldError>,
    was_final: bool,
    changed: bool,
    dropped: bool,
    reason: &Option<String>,
    reopen: bool,
) {
    if was_final && changed && !reopen {
        errs.push(FieldError::new(
            "status",
            "status_final",
            "a finished or dropped entry must be reopened explicitly",
        ));
    }
    if dropped && reason.is_none() {
        errs.push(FieldError::new(
            "status_reason",
            "required",
            "dropping needs a reason",
        ));
    }
}

/// A goal as posted (text fields as the form or JSON sends them; empty = not given).
#[derive(Debug, Clone, Default)]
pub struct GoalInput<'a> {
    pub action_field: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub status: &'a str,
    pub status_reason: &'a str,
    /// Allows leaving a final status.
    pub reopen: bool,
}

/// A valid goal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Goal {
    pub action_field: ActionField,
    pub title: String,
    pub description: Option<String>,
    pub status: GoalStatus,
    pub status_reason: Option<String>,
}

impl GoalInput<'_> {
    /// Validates against the goal's current status (`None` for a new goal), collecting
    /// every field error.
    pub fn validate(&self, current: Option<GoalStatus>) -> Result<Goal, Vec<FieldError>> {
        let mut errs = Vec::new();
        let field = parse_enum(
            &mut errs,
            "action_field",
            self.action_field,
            ActionField::parse,
        );
        let title = keep(&mut errs, required_text("title", self.title, MAX_TITLE));
        let description = keep(
            &mut errs,
            optional_text("description", self.description, MAX_TEXT),
        );
        let status = if self.status.trim().is_empty() {
            Some(current.unwrap_or(GoalStatus::Open))
        } else {
            parse_enum(&mut errs, "status", self.status, GoalStatus::parse)
        };
        let reason = keep(
            &mut errs,
            optional_text("status_reason", self.status_reason, MAX_TEXT),
        )
        .flatten();
        if let Some(s) = status {
            let was_final = current.is_some_and(GoalStatus::is_final);
            let changed = current != Some(s);
            check_transition(
                &mut errs,
                was_final,
                changed,
                s == GoalStatus::Dropped,
                &reason,
                self.reopen,
            );
        }
        match (field, title, description, status) {
            (Some(action_field), Some(title), Some(description), Some(status))
                if errs.is_empty() =>
            {
                Ok(Goal {
                    action_field,
                    title,
                    description,
                    // A reason only means something for a dropped goal.
                    status_reason: reason.filter(|_| status == GoalStatus::Dropped),
                    status,
                })
            }
            _ => Err(errs),
        }
    }
}

/// A step as posted.
#[derive(Debug, Clone, Default)]
pub struct StepInput<'a> {
    pub title: &'a str,
    pub owner_kind: &'a str,
    pub owner_org_id: &'a str,
    /// Optional due date.
    pub due_on: &'a str,
    pub status: &'a str,
    pub status_reason: &'a str,
    pub reopen: bool,
}

/// A valid step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub title: String,
    pub owner: StepOwner,
    pub due_on: Option<Date>,
    pub status: StepStatus,
    pub status_reason: Option<String>,
}

impl StepInput<'_> {
    /// Validates against the step's current status (`None` for a new step).
    pub fn validate(&self, current: Option<StepStatus>) -> Result<Step, Vec<FieldError>> {
        let mut errs = Vec::new();
        let title = keep(&mut errs, required_text("title", self.title, MAX_TITLE));
        let owner = keep(
            &mut errs,
            StepOwner::from_parts(self.owner_kind, self.owner_org_id),
        );
        let due_on = if self.due_on.trim().is_empty() {
            Some(None)
        } else {
            keep(&mut errs, parse_date("due_on", self.due_on)).map(Some)
        };
        let status = if self.status.trim().is_empty() {
            Some(current.unwrap_or(StepStatus::Open))
        } else {
            parse_enum(&mut errs, "status", self.status, StepStatus::parse)
        };
        let reason = keep(
            &mut errs,
            optional_text("status_reason", self.status_reason, MAX_TEXT),
        )
        .flatten();
        if let Some(s) = status {
            let was_final = current.is_some_and(StepStatus::is_final);
            let changed = current != Some(s);
            check_transition(
                &mut errs,
                was_final,
                changed,
                s == StepStatus::Dropped,
                &reason,
                self.reopen,
            );
        }
        match (title, owner, due_on, status) {
            (Some(title), Some(owner), Some(due_on), Some(status)) if errs.is_empty() => Ok(Step {
                title,
                owner,
                due_on,
                status_reason: reason.filter(|_| status == StepStatus::Dropped),
                status,
            }),
            _ => Err(errs),
        }
    }
}

/// A follow-up as posted.
#[derive(Debug, Clone, Default)]
pub struct FollowUpInput<'a> {
    pub due_on: &'a str,
    pub kind: &'a str,
    pub note: &'a str,
    /// Whether it has taken place.
    pub done: bool,
}

/// A valid follow-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    pub due_on: Date,
    pub kind: FollowUpKind,
    pub note: Option<String>,
    pub done: bool,
}

impl FollowUpInput<'_> {
    pub fn validate(&self) -> Result<FollowUp, Vec<FieldError>> {
        let mut errs = Vec::new();
        let due_on = keep(&mut errs, parse_date("due_on", self.due_on));
        let kind = parse_enum(&mut errs, "kind", self.kind, FollowUpKind::parse);
        let note = keep(&mut errs, optional_text("note", self.note, MAX_TEXT));
        match (due_on, kind, note) {
            (Some(due_on), Some(kind), Some(note)) if errs.is_empty() => Ok(FollowUp {
                due_on,
                kind,
                note,
                done: self.done,
            }),
            _ => Err(errs),
        }
    }
}

#[cfg(test)]
#[path = "plan/tests.rs"]
mod tests;
