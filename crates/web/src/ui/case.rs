//! The case card of the person page: who is responsible, the case status (open, dormant,
//! closed with a reason) and one small form to reassign, close or reopen. The change goes
//! through `api::persons::update_person` like any edit: versioned, in the history, audited.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use ankommen_db::persons::Person;
use ankommen_db::users::User;
use ankommen_domain::person::CaseStatus;
use ankommen_domain::policy::Action;
use ankommen_domain::{DataClass, Role};

use super::person_page::{Posted, render_page};
use super::{Ctx, FormErrors, Page, errors, form_errors};
use crate::AppState;
use crate::api::persons as api;
use crate::auth::CurrentUser;
use crate::extract::ApiForm;
use crate::persons as logic;

/// The case form as posted.
#[derive(Debug, Default, Deserialize)]
pub struct CaseForm {
    #[serde(default)]
    pub counsellor_id: String,
    #[serde(default)]
    pub case_status: String,
    #[serde(default)]
    pub case_status_reason: String,
    #[serde(default)]
    pub version: i32,
}

/// What the case card shows.
#[derive(Debug, Default)]
pub struct CaseView {
    /// Whether the user may reassign, close and reopen.
    pub can_manage: bool,
    /// Who is responsible now (display name).
    pub counsellor: Option<String>,
    /// Who the case can be given to: active counsellors and team leads (id, name).
    pub counsellors: Vec<(String, String)>,
    pub form: CaseForm,
    pub errors: FormErrors,
}

impl CaseView {
    pub fn new(me: &CurrentUser, person: &Person) -> Self {
        let v = &person.values;
        let can_manage = logic::is_case_worker(me)
            && logic::allowed_classes(me, v, Action::Update, None, &[])
                .contains(&DataClass::Identity);
        Self {
            can_manage,
            form: CaseForm {
                counsellor_id: v.counsellor_id.clone().unwrap_or_default(),
                case_status: v.case_status.clone(),
                case_status_reason: v.case_status_reason.clone().unwrap_or_default(),
                version: person.version,
            },
            ..Self::default()
        }
    }

    /// Fills names from the tenant's users (disabled ones included, for old cases).
    pub fn add_users(&mut self, users: &[User]) {
        let current = self.form.counsellor_id.as_str();
        self.counsellor = users
            .iter()
            .find(|u| u.id == current)
            .map(|u| u.display_name.clone());
        self.counsellors = users
            .iter()
            .filter(|u| !u.disabled && matches!(u.role, Role::Counsellor | Role::TeamLead))
            .map(|u| (u.id.clone(), u.display_name.clone()))
            .collect();
        self.counsellors.sort_by(|a, b| a.1.cmp(&b.1));
    }

    pub fn statuses(&self) -> Vec<&'static str> {
        CaseStatus::ALL.iter().map(|s| s.as_str()).collect()
    }

    pub fn err(&self, field: &str) -> &str {
        self.errors.get(field).unwrap_or("")
    }

    pub fn general(&self) -> Vec<&str> {
        self.errors
            .general_messages(&["counsellor_id", "case_status", "case_status_reason"])
    }

    pub fn label(&self, ctx: &Ctx, status: &str) -> String {
        ctx.case_status(status)
    }
}

pub async fn update(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    ApiForm(form): ApiForm<CaseForm>,
) -> Response {
    let base = match api::read_person(&state, &page.me, &id, None).await {
        Ok((p, _)) => crate::person_input::to_input(&p.values, &p.names),
        Err(e) => return errors::page(&page.ctx, e),
    };
    let mut raw = base;
    let text = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    if let Some(c) = text(&form.counsellor_id) {
        raw.counsellor_id = Some(c);
    }
    raw.case_status = text(&form.case_status);
    raw.case_status_reason = text(&form.case_status_reason);
    match api::update_person(&state, &page.me, &id, &raw, form.version).await {
        Ok(_) => Redirect::to(&format!("/persons/{id}?msg=case-saved#case")).into_response(),
        Err(e) => match form_errors(&page.ctx, e) {
            Ok(errs) => {
                render_page(
                    &state,
                    &page,
                    &id,
                    Posted::Case(form, errs),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await
            }
            Err(e) => errors::page(&page.ctx, e),
        },
    }
}
