//! The start page, by role: for counsellors their caseload's due and overdue plan steps and
//! follow-ups, for team leads the team's. Later issues add referrals and notifications here.

use askama::Template;
use axum::extract::State;
use axum::response::Response;

use ankommen_db::audit::{self, Entry};
use ankommen_db::plans::{self, DueItem};
use ankommen_db::{jobs, orgs, users};
use ankommen_domain::Role;
use ankommen_domain::policy::{Action, Resource};

use super::{Ctx, Page, errors, render};
use crate::AppState;

#[derive(Template)]
#[template(path = "dashboard.html")]
pub struct Dashboard<'a> {
    pub ctx: &'a Ctx,
    pub role_text: String,
    /// (label, value, link) figures for administrators and team leads.
    pub figures: Vec<(String, i64, &'static str)>,
    /// Whether the due list applies to this role.
    pub shows_due: bool,
    /// Due and overdue steps and follow-ups (next [`HORIZON_DAYS`] days).
    pub due: Vec<DueItem>,
}

/// How far ahead the dashboard looks for due steps and follow-ups.
pub const HORIZON_DAYS: i64 = 14;

impl Dashboard<'_> {
    pub fn date(&self, iso: &str) -> String {
        super::plans::german_date(iso)
    }

    pub fn item_label(&self, item: &DueItem) -> String {
        match item.kind {
            "step" => item.title.clone(),
            _ => self.ctx.t(&format!("plan-follow-up-kind-{}", item.title)),
        }
    }
}

/// Due and overdue items: a counsellor's own caseload, a team lead's whole team. The list
/// shows names and plan content, so it is audited like a read.
async fn due_items(
    state: &AppState,
    me: &crate::auth::CurrentUser,
) -> crate::error::AppResult<Vec<DueItem>> {
    let scope = match me.user.role {
        Role::Counsellor => Some(me.user.id.clone()),
        _ => None,
    };
    let who = me.owned_who();
    state
        .db(move |c| {
            let today = ankommen_db::now().date();
            let items = plans::due_for(c, &who.tenant_id, scope.as_deref(), today, HORIZON_DAYS)?;
            let entry = Entry::new("plan.due.list", "plan", None)
                .detail(serde_json::json!({ "items": items.len() }));
            audit::record(c, who.get(), entry)?;
            Ok(items)
        })
        .await
}

pub async fn show(State(state): State<AppState>, page: Page) -> Response {
    let Page { ctx, me } = page;
    if let Err(e) = me
        .authorize(&state, Action::Read, Resource::Dashboard)
        .await
    {
        return errors::page(&ctx, e);
    }
    let role = me.user.role;
    let tenant = me.user.tenant_id.clone();
    let figures = if matches!(role, Role::Admin | Role::TeamLead) {
        match state
            .db(move |c| {
                let active = users::list(c, &tenant, &users::UserFilter::default())?.len() as i64;
                let organisations = orgs::list(c, &tenant)?.len() as i64;
                let failed = jobs::count_failed(c, &tenant)?;
                Ok((active, organisations, failed))
            })
            .await
        {
            Ok((u, o, f)) => {
                let mut v = vec![
                    (ctx.t("dashboard-active-users"), u, "/admin/users"),
                    (ctx.t("dashboard-organisations"), o, "/admin/organisations"),
                ];
                if role == Role::Admin {
                    v.push((
                        ctx.t("dashboard-failed-jobs"),
                        f,
                        "/admin/jobs?status=failed",
                    ));
                }
                v
            }
            Err(e) => return errors::page(&ctx, e),
        }
    } else {
        vec![]
    };
    let mut figures = figures;
    if !matches!(role, Role::Admin | Role::Editor | Role::Analyst) {
        let (tenant, org) = (me.user.tenant_id.clone(), me.user.org_id.clone());
        let lead = role == Role::TeamLead;
        match state
            .db(move |c| {
                let waiting = ankommen_db::referrals::waiting_count(c, &tenant, &org)?;
                let review = if lead {
                    Some(ankommen_db::break_glass::unreviewed_count(c, &tenant)?)
                } else {
                    None
                };
                Ok((waiting, review))
            })
            .await
        {
            Ok((waiting, review)) => {
                figures.push((
                    ctx.t("dashboard-referrals-waiting"),
                    waiting,
                    "/referrals?box=incoming",
                ));
                if let Some(n) = review {
                    figures.push((ctx.t("dashboard-break-glass-review"), n, "/break-glass"));
                }
            }
            Err(e) => return errors::page(&ctx, e),
        }
    }
    let shows_due = matches!(role, Role::Counsellor | Role::TeamLead);
    let due = if shows_due {
        match due_items(&state, &me).await {
            Ok(items) => items,
            Err(e) => return errors::page(&ctx, e),
        }
    } else {
        vec![]
    };
    let role_text = ctx.t(&format!("role-desc-{}", role.as_str()));
    render(&Dashboard {
        ctx: &ctx,
        role_text,
        figures,
        shows_due,
        due,
    })
}
