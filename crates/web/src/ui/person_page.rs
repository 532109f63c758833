//! The person page: the record by data class (only what the viewer may see), eligibility
//! findings with their legal basis, the case card (responsible counsellor, status), consents,
//! and the timeline of every change (assessments, plan, consents included) with who made it.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use ankommen_db::municipalities;
use ankommen_db::persons::{self as repo, Change, Person};
use ankommen_domain::DataClass;
use ankommen_domain::eligibility::Finding;
use ankommen_domain::policy::Action;

use super::case::{CaseForm, CaseView};
use super::consents::ConsentsView;
use super::{Ctx, FormErrors, Page, errors, render_status};
use crate::AppState;
use crate::api::consents::ConsentIn;
use crate::api::persons as api;
use crate::extract::ApiQuery;
use crate::i18n::Lang;
use crate::persons as logic;

/// A form posted from the person page that came back with errors.
pub enum Posted {
    Consent(ConsentIn, FormErrors),
    Case(CaseForm, FormErrors),
}

#[derive(Template)]
#[template(path = "person.html")]
pub struct PersonPage<'a> {
    pub ctx: &'a Ctx,
    pub person: Person,
    pub classes: Vec<DataClass>,
    pub findings: Vec<Finding>,
    pub history: Vec<Change>,
    /// User id → display name, for "who" in the timeline.
    pub names: HashMap<String, String>,
    pub town: Option<String>,
    pub can_edit: bool,
    pub consents: ConsentsView,
    pub case: CaseView,
}

impl PersonPage<'_> {
    pub fn sees(&self, class: &str) -> bool {
        self.classes.iter().any(|c| c.as_str() == class)
    }

    pub fn explanation(&self, f: &Finding) -> String {
        if self.ctx.lang == Lang::En {
            f.explanation.en.clone()
        } else {
            f.explanation.de.clone()
        }
    }

    pub fn topic(&self, f: &Finding) -> String {
        let key = serde_json::to_value(f.topic)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        self.ctx.t(&format!("topic-{key}"))
    }

    pub fn outcome(&self, f: &Finding) -> String {
        serde_json::to_value(f.outcome)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    pub fn outcome_label(&self, f: &Finding) -> String {
        let key = format!("outcome-{}", self.outcome(f));
        if self.ctx.lang.has(&key) {
            self.ctx.t(&key)
        } else {
            self.outcome(f)
        }
    }

    pub fn opt<'b>(&self, v: &'b Option<String>) -> &'b str {
        v.as_deref().unwrap_or("–")
    }

    pub fn ts(&self, t: &time::PrimitiveDateTime) -> String {
        super::admin_misc::ts(t)
    }

    /// Who made a change: their display name, or "system" for jobs and imports.
    pub fn who(&self, id: &Option<String>) -> String {
        match id {
            Some(id) => self.names.get(id).cloned().unwrap_or_else(|| id.clone()),
            None => self.ctx.t("persons-by-system"),
        }
    }
}

#[derive(Debug, Deserialize, Default)]
pub struct ShowQuery {
    reason: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<ShowQuery>,
) -> Response {
    let reason = q.reason.filter(|r| !r.trim().is_empty());
    page_with(&state, &page, &id, reason, None, StatusCode::OK).await
}

/// The person page with a form posted from it and its errors.
pub async fn render_page(
    state: &AppState,
    page: &Page,
    id: &str,
    posted: Posted,
    status: StatusCode,
) -> Response {
    page_with(state, page, id, None, Some(posted), status).await
}

async fn page_with(
    state: &AppState,
    page: &Page,
    id: &str,
    reason: Option<String>,
    posted: Option<Posted>,
    status: StatusCode,
) -> Response {
    let (person, classes) = match api::read_person(state, &page.me, id, reason).await {
        Ok(x) => x,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let mut consents = match super::consents::view(state, &page.me, &person, &classes).await {
        Ok(v) => v,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let mut case = CaseView::new(&page.me, &person);
    match posted {
        Some(Posted::Consent(form, errs)) => {
            consents.form = form;
            consents.errors = errs;
        }
        Some(Posted::Case(form, errs)) => {
            case.form = form;
            case.errors = errs;
        }
        None => {}
    }
    let findings = if classes.contains(&DataClass::Residence) {
        match crate::api::assessments::latest_sections(state, &page.me, &person).await {
            Ok(sections) => {
                logic::eligibility(&person.values, &sections, ankommen_db::now().date())
            }
            Err(e) => return errors::page(&page.ctx, e),
        }
    } else {
        vec![]
    };
    let tenant = page.me.user.tenant_id.clone();
    let (pid, town_id) = (person.id.clone(), person.values.municipality_id.clone());
    let loaded = state
        .db(move |c| {
            let history = repo::changes(c, &tenant, &pid)?;
            let users = ankommen_db::users::list(
                c,
                &tenant,
                &ankommen_db::users::UserFilter {
                    include_disabled: true,
                    ..Default::default()
                },
            )?;
            let town = match town_id {
                Some(t) => municipalities::list(c, &tenant)?
                    .into_iter()
                    .find(|m| m.id == t)
                    .map(|m| m.name),
                None => None,
            };
            Ok((history, users, town))
        })
        .await;
    let (history, users, town) = match loaded {
        Ok(x) => x,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let mut visible = classes.clone();
    visible.extend(crate::api::assessments::section_classes(
        &page.me,
        &person.values,
        Action::Read,
        None,
    ));
    let history = history
        .into_iter()
        .filter(|h| DataClass::parse(&h.data_class).is_ok_and(|c| visible.contains(&c)))
        .collect();
    case.add_users(&users);
    let names = users.into_iter().map(|u| (u.id, u.display_name)).collect();
    let can_edit =
        !logic::allowed_classes(&page.me, &person.values, Action::Update, None, &[]).is_empty();
    render_status(
        status,
        &PersonPage {
            ctx: &page.ctx,
            person,
            classes,
            findings,
            history,
            names,
            town,
            can_edit,
            consents,
            case,
        },
    )
}
