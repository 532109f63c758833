//! Administration of organisations.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use ankommen_db::municipalities::{self, Municipality};
use ankommen_db::orgs::{self, Organisation};
use ankommen_domain::OrgKind;
use ankommen_domain::policy::{Action, Resource};

use super::{Ctx, FormErrors, Page, errors, form_errors, render, render_status};
use crate::AppState;
use crate::api::path_id;
use crate::error::AppError;
use crate::extract::ApiForm;
use crate::input::RawOrg;

#[derive(Template)]
#[template(path = "orgs.html")]
pub struct OrgList<'a> {
    pub ctx: &'a Ctx,
    pub orgs: Vec<Organisation>,
    pub can_edit: bool,
}

pub async fn list(State(state): State<AppState>, page: Page) -> Response {
    let Page { ctx, me } = page;
    if let Err(e) = me
        .authorize(&state, Action::Read, Resource::Organisation)
        .await
    {
        return errors::page(&ctx, e);
    }
    let tenant = me.user.tenant_id.clone();
    match state.db(move |c| orgs::list(c, &tenant)).await {
        Ok(orgs) => {
            let can_edit =
                ankommen_domain::policy::can(&me.actor(), Action::Update, &Resource::Organisation)
                    .is_allowed();
            render(&OrgList {
                ctx: &ctx,
                orgs,
                can_edit,
            })
        }
        Err(e) => errors::page(&ctx, e),
    }
}

#[derive(Debug, Deserialize, Default, Clone)]
pub struct OrgForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub parent_id: String,
    #[serde(default)]
    pub municipality_id: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub disabled: Option<String>,
    #[serde(default)]
    pub version: i32,
}

impl OrgForm {
    fn raw(&self) -> RawOrg {
        RawOrg {
            name: self.name.clone(),
            kind: self.kind.clone(),
            parent_id: Some(self.parent_id.clone()),
            municipality_id: Some(self.municipality_id.clone()),
            email: Some(self.email.clone()),
            phone: Some(self.phone.clone()),
        }
    }

    fn from_org(o: &Organisation) -> Self {
        Self {
            name: o.name.clone(),
            kind: o.kind.clone(),
            parent_id: o.parent_id.clone().unwrap_or_default(),
            municipality_id: o.municipality_id.clone().unwrap_or_default(),
            email: o.email.clone().unwrap_or_default(),
            phone: o.phone.clone().unwrap_or_default(),
            disabled: o.disabled.then(|| "on".into()),
            version: o.version,
        }
    }

    pub fn is_disabled(&self) -> bool {
        self.disabled.is_some()
    }
}

#[derive(Template)]
#[template(path = "org_form.html")]
pub struct OrgFormPage<'a> {
    pub ctx: &'a Ctx,
    pub id: Option<String>,
    pub form: OrgForm,
    pub orgs: Vec<Organisation>,
    pub towns: Vec<Municipality>,
    pub kinds: Vec<&'static str>,
    pub errors: FormErrors,
}

impl OrgFormPage<'_> {
    /// Errors that belong to no field shown on the form (e.g. a stale version).
    pub fn general_errors(&self) -> Vec<&str> {
        self.errors.general_messages(&[
            "name",
            "kind",
            "parent_id",
            "municipality_id",
            "email",
            "phone",
        ])
    }
}

async fn form_page(
    state: &AppState,
    page: &Page,
    id: Option<String>,
    form: OrgForm,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let tenant = page.me.user.tenant_id.clone();
    match state
        .db(move |c| Ok((orgs::list(c, &tenant)?, municipalities::list(c, &tenant)?)))
        .await
    {
        Ok((orgs, towns)) => {
            let orgs = orgs
                .into_iter()
                .filter(|o| Some(&o.id) != id.as_ref())
                .collect();
            let kinds = OrgKind::ALL.iter().map(|k| k.as_str()).collect();
            render_status(
                status,
                &OrgFormPage {
                    ctx: &page.ctx,
                    id,
                    form,
                    orgs,
                    towns,
                    kinds,
                    errors,
                },
            )
        }
        Err(e) => errors::page(&page.ctx, e),
    }
}

pub async fn new_form(State(state): State<AppState>, page: Page) -> Response {
    if let Err(e) = page
        .me
        .authorize(&state, Action::Create, Resource::Organisation)
        .await
    {
        return errors::page(&page.ctx, e);
    }
    form_page(
        &state,
        &page,
        None,
        OrgForm {
            kind: "course_provider".into(),
            ..Default::default()
        },
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

pub async fn create(
    State(state): State<AppState>,
    page: Page,
    ApiForm(form): ApiForm<OrgForm>,
) -> Response {
    if let Err(e) = page
        .me
        .authorize(&state, Action::Create, Resource::Organisation)
        .await
    {
        return errors::page(&page.ctx, e);
    }
    let result = async {
        let input = crate::input::org(&form.raw()).map_err(AppError::Validation)?;
        let who = page.me.owned_who();
        state.db(move |c| orgs::create(c, who.get(), &input)).await
    }
    .await;
    match result {
        Ok(_) => Redirect::to("/admin/organisations?msg=org-created").into_response(),
        Err(e) => match form_errors(&page.ctx, e) {
            Ok(errs) => {
                form_page(
                    &state,
                    &page,
                    None,
                    form,
                    errs,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await
            }
            Err(e) => errors::page(&page.ctx, e),
        },
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
) -> Response {
    if let Err(e) = page
        .me
        .authorize(&state, Action::Read, Resource::Organisation)
        .await
    {
        return errors::page(&page.ctx, e);
    }
    let tenant = page.me.user.tenant_id.clone();
    let org = match path_id(&id) {
        Ok(id) => state.db(move |c| orgs::get(c, &tenant, &id)).await,
        Err(e) => Err(e),
    };
    match org {
        Ok(o) => {
            form_page(
                &state,
                &page,
                Some(o.id.clone()),
                OrgForm::from_org(&o),
                FormErrors::default(),
                StatusCode::OK,
            )
            .await
        }
        Err(e) => errors::page(&page.ctx, e),
    }
}

pub async fn update(
    State(state): State<AppState>,
    page: Page,
    Path(id): Path<String>,
    ApiForm(form): ApiForm<OrgForm>,
) -> Response {
    if let Err(e) = page
        .me
        .authorize(&state, Action::Update, Resource::Organisation)
        .await
    {
        return errors::page(&page.ctx, e);
    }
    let id = match path_id(&id) {
        Ok(id) => id,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let result = async {
        let input = crate::input::org(&form.raw()).map_err(AppError::Validation)?;
        let (who, oid, version, disabled) = (
            page.me.owned_who(),
            id.clone(),
            form.version,
            form.is_disabled(),
        );
        state
            .db(move |c| orgs::update(c, who.get(), &oid, version, &input, disabled))
            .await
    }
    .await;
    match result {
        Ok(_) => Redirect::to("/admin/organisations?msg=org-saved").into_response(),
        Err(e) => match form_errors(&page.ctx, e) {
            Ok(errs) => {
                form_page(
                    &state,
                    &page,
                    Some(id),
                    form,
                    errs,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await
            }
            Err(e) => errors::page(&page.ctx, e),
        },
    }
}
