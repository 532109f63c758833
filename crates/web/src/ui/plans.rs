//! The integration plan pages: the plan of a person (goals by action field with their
//! steps, follow-ups; one small form each to add a goal, a step, a follow-up, to change a
//! step's status and to mark a follow-up done — no JavaScript needed), and the printable
//! plan for the person in German plus one other UI language.

mod view;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use ankommen_db::orgs::{self, Organisation};
use ankommen_db::persons::Person;
use ankommen_db::plans::Plan;
use ankommen_domain::plan::{ActionField, FollowUpKind, OwnerKind, StepStatus};

use super::{Ctx, FormErrors, Page, errors, form_errors, render, render_status};
use crate::AppState;
use crate::api::plans::{self as api, FollowUpIn, GoalIn, StepIn};
use crate::error::AppResult;
use crate::extract::ApiForm;
use crate::i18n::Lang;
pub use view::{FieldGroup, FollowUpView, Langs, german_date};

type Pairs = Vec<(String, String)>;

fn field(pairs: &Pairs, name: &str) -> Option<String> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
}

fn version(pairs: &Pairs) -> Option<i32> {
    field(pairs, "version").and_then(|v| v.trim().parse().ok())
}

fn today() -> time::Date {
    ankommen_db::now().date()
}

#[derive(Template)]
#[template(path = "plan.html")]
pub struct PlanPage<'a> {
    pub ctx: &'a Ctx,
    pub person: Person,
    pub groups: Vec<FieldGroup>,
    pub follow_ups: Vec<FollowUpView>,
    /// (id, title) of the goals, for the step form.
    pub goals: Vec<(String, String)>,
    pub orgs: Vec<(String, String)>,
    pub can_edit: bool,
    pub errors: FormErrors,
}

impl PlanPage<'_> {
    pub fn action_fields(&self) -> Vec<(&'static str, String)> {
        ActionField::ALL
            .iter()
            .map(|f| (f.as_str(), self.ctx.t(&format!("ao-field-{}", f.as_str()))))
            .collect()
    }
    pub fn owner_kinds(&self) -> Vec<(&'static str, String)> {
        OwnerKind::ALL
            .iter()
            .map(|k| {
                (
                    k.as_str(),
                    self.ctx.t(&format!("plan-owner-{}", k.as_str())),
                )
            })
            .collect()
    }
    pub fn step_statuses(&self) -> Vec<(&'static str, String)> {
        StepStatus::ALL
            .iter()
            .map(|s| {
                (
                    s.as_str(),
                    self.ctx.t(&format!("plan-step-status-{}", s.as_str())),
                )
            })
            .collect()
    }
    pub fn follow_up_kinds(&self) -> Vec<(&'static str, String)> {
        FollowUpKind::ALL
            .iter()
            .map(|k| {
                (
                    k.as_str(),
                    self.ctx.t(&format!("plan-follow-up-kind-{}", k.as_str())),
                )
            })
            .collect()
    }
    /// All errors, each with its field's label.
    pub fn error_lines(&self) -> Vec<String> {
        self.errors
            .0
            .iter()
            .map(|(f, m)| {
                if f.is_empty() {
                    m.clone()
                } else {
                    format!("{}: {m}", self.ctx.t(&format!("plan-field-{f}")))
                }
            })
            .collect()
    }
}

async fn orgs_of(state: &AppState, tenant: &str) -> AppResult<Vec<Organisation>> {
    let tenant = tenant.to_owned();
    state.db(move |c| orgs::list(c, &tenant)).await
}

async fn page(state: &AppState, page: &Page, id: &str, errors: FormErrors) -> Response {
    let ctx = &page.ctx;
    let loaded = async {
        let (person, plan) = api::load_plan(state, &page.me, id).await?;
        let orgs = orgs_of(state, &page.me.user.tenant_id).await?;
        AppResult::Ok((person, plan, orgs))
    }
    .await;
    let (person, plan, orgs): (Person, Plan, Vec<Organisation>) = match loaded {
        Ok(v) => v,
        Err(e) => return errors::page(ctx, e),
    };
    let status = if errors.any() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    render_status(
        status,
        &PlanPage {
            ctx,
            can_edit: api::can_edit(&page.me, &person),
            groups: view::groups(Langs::one(ctx.lang), &plan, &orgs, today()),
            follow_ups: view::follow_ups(Langs::one(ctx.lang), &plan.follow_ups, today()),
            goals: plan
                .goals
                .iter()
                .map(|g| (g.id.clone(), g.title.clone()))
                .collect(),
            orgs: orgs.into_iter().map(|o| (o.id, o.name)).collect(),
            person,
            errors,
        },
    )
}

pub async fn show(State(state): State<AppState>, p: Page, Path(id): Path<String>) -> Response {
    page(&state, &p, &id, FormErrors::default()).await
}

/// After a write: back to the plan, or the plan again with the messages.
async fn done<T>(state: &AppState, p: &Page, id: &str, r: AppResult<T>, msg: &str) -> Response {
    match r {
        Ok(_) => Redirect::to(&format!("/persons/{id}/plan?msg={msg}")).into_response(),
        Err(e) => match form_errors(&p.ctx, e) {
            Ok(errs) => page(state, p, id, errs).await,
            Err(e) => errors::page(&p.ctx, e),
        },
    }
}

pub async fn add_goal(
    State(state): State<AppState>,
    p: Page,
    Path(id): Path<String>,
    ApiForm(f): ApiForm<Pairs>,
) -> Response {
    let body = GoalIn {
        action_field: field(&f, "action_field"),
        title: field(&f, "title"),
        description: field(&f, "description"),
        ..Default::default()
    };
    let r = api::save_goal(&state, &p.me, &id, None, body).await;
    done(&state, &p, &id, r, "plan-saved").await
}

pub async fn add_step(
    State(state): State<AppState>,
    p: Page,
    Path(id): Path<String>,
    ApiForm(f): ApiForm<Pairs>,
) -> Response {
    let body = StepIn {
        goal_id: field(&f, "goal_id"),
        title: field(&f, "title"),
        owner_kind: field(&f, "owner_kind"),
        owner_org_id: field(&f, "owner_org_id"),
        due_on: field(&f, "due_on"),
        ..Default::default()
    };
    let r = api::save_step(&state, &p.me, &id, None, body).await;
    done(&state, &p, &id, r, "plan-saved").await
}

/// Changes a step's status (with a reason when dropped; `reopen` to leave done/dropped).
pub async fn step_status(
    State(state): State<AppState>,
    p: Page,
    Path((id, step_id)): Path<(String, String)>,
    ApiForm(f): ApiForm<Pairs>,
) -> Response {
    let body = StepIn {
        version: version(&f),
        status: field(&f, "status"),
        status_reason: field(&f, "status_reason"),
        reopen: field(&f, "reopen").is_some(),
        ..Default::default()
    };
    let r = api::save_step(&state, &p.me, &id, Some(&step_id), body).await;
    done(&state, &p, &id, r, "plan-saved").await
}

pub async fn add_follow_up(
    State(state): State<AppState>,
    p: Page,
    Path(id): Path<String>,
    ApiForm(f): ApiForm<Pairs>,
) -> Response {
    let body = FollowUpIn {
        due_on: field(&f, "due_on"),
        kind: field(&f, "kind"),
        note: field(&f, "note"),
        ..Default::default()
    };
    let r = api::save_follow_up(&state, &p.me, &id, None, body).await;
    done(&state, &p, &id, r, "plan-saved").await
}

/// Marks a follow-up done.
pub async fn follow_up_done(
    State(state): State<AppState>,
    p: Page,
    Path((id, fid)): Path<(String, String)>,
    ApiForm(f): ApiForm<Pairs>,
) -> Response {
    let body = FollowUpIn {
        version: version(&f),
        done: Some(true),
        ..Default::default()
    };
    let r = api::save_follow_up(&state, &p.me, &id, Some(&fid), body).await;
    done(&state, &p, &id, r, "plan-saved").await
}

/// The printable plan: every label in German and, below it, in `second`.
#[derive(Template)]
#[template(path = "plan_print.html")]
pub struct PrintPage<'a> {
    pub ctx: &'a Ctx,
    pub person: Person,
    pub second: Option<Lang>,
    pub groups: Vec<FieldGroup>,
    pub follow_ups: Vec<FollowUpView>,
    pub printed_on: String,
}

impl PrintPage<'_> {
    pub fn de(&self, key: &str) -> String {
        Lang::De.t(key)
    }
    pub fn second_code(&self) -> &'static str {
        self.second.map_or("de", Lang::code)
    }
    /// The label in the second language, when there is one and it differs.
    pub fn other(&self, key: &str) -> Option<String> {
        let de = Lang::De.t(key);
        self.second.map(|l| l.t(key)).filter(|o| *o != de)
    }
}

pub async fn print(State(state): State<AppState>, p: Page, Path(id): Path<String>) -> Response {
    let loaded = async {
        let (person, plan) = api::load_plan(&state, &p.me, &id).await?;
        let orgs = orgs_of(&state, &p.me.user.tenant_id).await?;
        AppResult::Ok((person, plan, orgs))
    }
    .await;
    let (person, plan, orgs) = match loaded {
        Ok(v) => v,
        Err(e) => return errors::page(&p.ctx, e),
    };
    // The page's language is the second one; German is always there.
    let second = (p.ctx.lang != Lang::De).then_some(p.ctx.lang);
    let langs = Langs {
        first: Lang::De,
        second,
    };
    let open: Vec<_> = plan
        .follow_ups
        .iter()
        .filter(|f| f.done_at.is_none())
        .cloned()
        .collect();
    render(&PrintPage {
        ctx: &p.ctx,
        second,
        groups: view::groups(langs, &plan, &orgs, today()),
        follow_ups: view::follow_ups(langs, &open, today()),
        printed_on: german_date(&today().to_string()),
        person,
    })
}
