//! The start page, by role. Later issues add follow-ups, referrals and notifications here.

use askama::Template;
use axum::extract::State;
use axum::response::Response;

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
    let role_text = ctx.t(&format!("role-desc-{}", role.as_str()));
    render(&Dashboard {
        ctx: &ctx,
        role_text,
        figures,
    })
}
