//! Administration of user accounts.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use ankommen_db::orgs;
use ankommen_db::orgs::Organisation;
use ankommen_db::users::{self, User, UserFilter};
use ankommen_domain::Role;
use ankommen_domain::policy::{Action, Resource};

use super::{Ctx, FormErrors, Page, errors, form_errors, render, render_status};
use crate::AppState;
use crate::api::path_id;
use crate::error::AppError;
use crate::extract::{ApiForm, ApiQuery};
use crate::input::RawUser;

#[derive(Template)]
#[template(path = "users.html")]
pub struct UserList<'a> {
    pub ctx: &'a Ctx,
    pub users: Vec<User>,
    pub q: String,
    pub include_disabled: bool,
    pub can_edit: bool,
}

#[derive(Debug, Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    include_disabled: Option<String>,
}

pub async fn list(
    State(state): State<AppState>,
    page: Page,
    ApiQuery(p): ApiQuery<ListQuery>,
) -> Response {
    let Page { ctx, me } = page;
    if let Err(e) = me
        .authorize(&state, Action::Read, Resource::UserAccount)
        .await
    {
        return errors::page(&ctx, e);
    }
    let include_disabled = p.include_disabled.is_some();
    let filter = UserFilter {
        query: Some(p.q.clone()),
        include_disabled,
        ..Default::default()
    };
    let tenant = me.user.tenant_id.clone();
    match state.db(move |c| users::list(c, &tenant, &filter)).await {
        Ok(users) => {
            let can_edit =
                ankommen_domain::policy::can(&me.actor(), Action::Update, &Resource::UserAccount)
                    .is_allowed();
            render(&UserList {
                ctx: &ctx,
                users,
                q: p.q,
                include_disabled,
                can_edit,
            })
        }
        Err(e) => errors::page(&ctx, e),
    }
}

/// The form's values (as typed, so they survive a failed submit).
#[derive(Debug, Deserialize, Default, Clone)]
pub struct UserForm {
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub org_id: String,
    #[serde(default)]
    pub locale: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub disabled: Option<String>,
    #[serde(default)]
    pub version: i32,
}

impl UserForm {
    fn raw(&self) -> RawUser {
        RawUser {
            username: self.username.clone(),
            display_name: self.display_name.clone(),
            email: Some(self.email.clone()),
            role: self.role.clone(),
            org_id: self.org_id.clone(),
            locale: Some(self.locale.clone()),
        }
    }

    fn from_user(u: &User) -> Self {
        Self {
            username: u.username.clone(),
            display_name: u.display_name.clone(),
            email: u.email.clone().unwrap_or_default(),
            role: u.role.as_str().to_owned(),
            org_id: u.org_id.clone(),
            locale: u.locale.clone(),
            password: String::new(),
            disabled: u.disabled.then(|| "on".to_owned()),
            version: u.version,
        }
    }

    pub fn is_disabled(&self) -> bool {
        self.disabled.is_some()
    }
}

#[derive(Template)]
#[template(path = "user_form.html")]
pub struct UserFormPage<'a> {
    pub ctx: &'a Ctx,
    /// `None` when creating.
    pub id: Option<String>,
    pub form: UserForm,
    pub orgs: Vec<Organisation>,
    pub roles: Vec<&'static str>,
    pub errors: FormErrors,
}

impl UserFormPage<'_> {
    /// Errors that belong to no field shown on the form (e.g. a stale version).
    pub fn general_errors(&self) -> Vec<&str> {
        self.errors.general_messages(&[
            "username",
            "display_name",
            "email",
            "role",
            "org_id",
            "locale",
            "password",
        ])
    }
}

async fn form_page(
    state: &AppState,
    page: &Page,
    id: Option<String>,
    form: UserForm,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let tenant = page.me.user.tenant_id.clone();
    match state.db(move |c| orgs::list(c, &tenant)).await {
        Ok(orgs) => {
            let roles = Role::ALL.iter().map(|r| r.as_str()).collect();
            render_status(
                status,
                &UserFormPage {
                    ctx: &page.ctx,
                    id,
                    form,
                    orgs,
                    roles,
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
        .authorize(&state, Action::Create, Resource::UserAccount)
        .await
    {
        return errors::page(&page.ctx, e);
    }
    let form = UserForm {
        locale: "de".into(),
        role: "counsellor".into(),
        ..Default::default()
    };
    form_page(
        &state,
        &page,
        None,
        form,
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

pub async fn create(
    State(state): State<AppState>,
    page: Page,
    ApiForm(form): ApiForm<UserForm>,
) -> Response {
    if let Err(e) = page
        .me
        .authorize(&state, Action::Create, Resource::UserAccount)
        .await
    {
        return errors::page(&page.ctx, e);
    }
    let result = async {
        let input =
            crate::input::new_user(&form.raw(), &form.password).map_err(AppError::Validation)?;
        let hash =
            crate::api::users::hash_new_password(form.password.clone(), input.username.clone())
                .await?;
        let who = page.me.owned_who();
        state
            .db(move |c| users::create(c, who.get(), &input, &hash))
            .await
    }
    .await;
    match result {
        Ok(_) => Redirect::to("/admin/users?msg=user-created").into_response(),
        Err(e) => match form_errors(&page.ctx, e) {
            Ok(errs) => {
                form_page(
                    &state,
                    &page,
                    None,
                    UserForm {
                        password: String::new(),
                        ..form
                    },
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
        .authorize(&state, Action::Read, Resource::UserAccount)
        .await
    {
        return errors::page(&page.ctx, e);
    }
    let tenant = page.me.user.tenant_id.clone();
    let user = match path_id(&id) {
        Ok(id) => state.db(move |c| users::get(c, &tenant, &id)).await,
        Err(e) => Err(e),
    };
    match user {
        Ok(u) => {
            form_page(
                &state,
                &page,
                Some(u.id.clone()),
                UserForm::from_user(&u),
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
    ApiForm(form): ApiForm<UserForm>,
) -> Response {
    if let Err(e) = page
        .me
        .authorize(&state, Action::Update, Resource::UserAccount)
        .await
    {
        return errors::page(&page.ctx, e);
    }
    let id = match path_id(&id) {
        Ok(id) => id,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let result = async {
        let input = crate::input::user(&form.raw()).map_err(AppError::Validation)?;
        if id == page.me.user.id && (form.is_disabled() || input.role != page.me.user.role) {
            return Err(AppError::invalid(
                ankommen_domain::validate::FieldError::new(
                    "role",
                    "self_lockout",
                    "you cannot disable yourself or change your own role",
                ),
            ));
        }
        let (who, uid, version, disabled) = (
            page.me.owned_who(),
            id.clone(),
            form.version,
            form.is_disabled(),
        );
        state
            .db(move |c| users::update(c, who.get(), &uid, version, &input, disabled))
            .await
    }
    .await;
    match result {
        Ok(_) => Redirect::to("/admin/users?msg=user-saved").into_response(),
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
