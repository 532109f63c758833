//! The "Einwilligungen" section of the person page: the person's consents with their status,
//! a withdraw button each, and a small form to record a new one. The work is done by
//! `api::consents`; an invalid form re-renders the person page with the messages.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use ankommen_domain::DataClass;

use super::{Ctx, FormErrors, Page, errors, form_errors};
use crate::AppState;
use crate::api::consents::{self as api, ConsentIn, ConsentOut};

/// What the person page shows about consents.
#[derive(Debug, Default)]
pub struct ConsentsView {
    pub list: Vec<ConsentOut>,
    /// Organisations a consent can name: (id, name).
    pub orgs: Vec<(String, String)>,
    /// Whether the user may record and withdraw consents.
    pub can_manage: bool,
    /// The new-consent form as posted (after an error).
    pub form: ConsentIn,
    pub errors: FormErrors,
}

impl ConsentsView {
    /// Every data class a consent may name.
    pub fn classes(&self) -> Vec<&'static str> {
        DataClass::ALL.iter().map(|c| c.as_str()).collect()
    }

    pub fn class_label(&self, ctx: &Ctx, class: &str) -> String {
        ctx.t(&format!("consent-class-{class}"))
    }

    pub fn scope_labels(&self, ctx: &Ctx, c: &ConsentOut) -> String {
        c.scope
            .iter()
            .map(|s| self.class_label(ctx, s))
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn status_label(&self, ctx: &Ctx, c: &ConsentOut) -> String {
        ctx.t(&format!("consent-status-{}", c.status))
    }

    pub fn checked(&self, class: &str) -> bool {
        self.form.scope.iter().any(|s| s == class)
    }

    pub fn selected(&self, org_id: &str) -> bool {
        self.form.recipient_org_id == org_id
    }

    /// The text fields of the form: (name, label key, value, input type).
    pub fn fields(&self) -> Vec<(&'static str, &'static str, String, &'static str)> {
        let f = &self.form;
        vec![
            ("purpose", "consent-purpose", f.purpose.clone(), "text"),
            ("given_on", "consent-given-on", f.given_on.clone(), "date"),
            (
                "expires_on",
                "consent-expires-on",
                self.text(&f.expires_on).to_owned(),
                "date",
            ),
            (
                "document_ref",
                "consent-document-ref",
                self.text(&f.document_ref).to_owned(),
                "text",
            ),
        ]
    }

    pub fn required(&self, field: &str) -> bool {
        matches!(field, "purpose" | "given_on")
    }

    pub fn err(&self, field: &str) -> &str {
        self.errors.get(field).unwrap_or("")
    }

    pub fn text<'b>(&self, v: &'b Option<String>) -> &'b str {
        v.as_deref().unwrap_or("")
    }
}

/// Loads the section's data for a person whose page `me` may see.
pub async fn view(
    state: &AppState,
    me: &crate::auth::CurrentUser,
    person: &ankommen_db::persons::Person,
    classes: &[DataClass],
) -> Result<ConsentsView, crate::error::AppError> {
    if !classes.contains(&DataClass::Identity) {
        return Ok(ConsentsView::default());
    }
    let can_manage = api::can_manage(me, &person.values);
    let tenant = me.user.tenant_id.clone();
    let pid = person.id.clone();
    let (list, orgs) = state
        .db(move |c| {
            let orgs = ankommen_db::orgs::list(c, &tenant)?;
            let list = api::load(c, &tenant, &pid, &orgs)?;
            Ok((list, orgs))
        })
        .await?;
    Ok(ConsentsView {
        list,
        orgs: orgs.into_iter().map(|o| (o.id, o.name)).collect(),
        can_manage,
        ..ConsentsView::default()
    })
}

/// The form: `scope_<class>` checkboxes, the other fields by their API names.
fn to_input(form: &HashMap<String, String>) -> ConsentIn {
    let field = |name: &str| {
        form.get(name)
            .map(|v| v.trim().to_owned())
            .unwrap_or_default()
    };
    let optional = |name: &str| Some(field(name)).filter(|v| !v.is_empty());
    ConsentIn {
        scope: DataClass::ALL
            .iter()
            .filter(|c| form.contains_key(&format!("scope_{}", c.as_str())))
            .map(|c| c.as_str().to_owned())
            .collect(),
        recipient_org_id: field("recipient_org_id"),
        purpose: field("purpose"),
        given_on: field("given_on"),
        expires_on: optional("expires_on"),
        document_ref: optional("document_ref"),
    }
}

pub async fn create(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    crate::extract::ApiForm(form): crate::extract::ApiForm<HashMap<String, String>>,
) -> Response {
    let raw = to_input(&form);
    match api::create_consent(&state, &page.me, &id, &raw).await {
        Ok(_) => Redirect::to(&format!("/persons/{id}?msg=consent-saved#consents")).into_response(),
        Err(e) => match form_errors(&page.ctx, e) {
            Ok(errs) => {
                super::person_page::render_page(
                    &state,
                    &page,
                    &id,
                    super::person_page::Posted::Consent(raw, errs),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await
            }
            Err(e) => errors::page(&page.ctx, e),
        },
    }
}

#[derive(Debug, Deserialize)]
pub struct WithdrawForm {
    #[serde(default)]
    version: i32,
}

pub async fn withdraw(
    State(state): State<AppState>,
    page: Page,
    Path((id, cid)): Path<(String, String)>,
    crate::extract::ApiForm(form): crate::extract::ApiForm<WithdrawForm>,
) -> Response {
    match api::withdraw_consent(&state, &page.me, &id, &cid, form.version).await {
        Ok(_) => {
            Redirect::to(&format!("/persons/{id}?msg=consent-withdrawn#consents")).into_response()
        }
        Err(e) => errors::page(&page.ctx, e),
    }
}
