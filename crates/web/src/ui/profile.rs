//! One's own profile: language and password.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{
    Ctx, FormErrors, LANG_COOKIE, Page, PublicPage, errors, form_errors, render, render_status,
};
use ankommen_domain::policy::{Action, Resource};

use crate::AppState;
use crate::extract::ApiForm;
use crate::i18n::Lang;

#[derive(Template)]
#[template(path = "profile.html")]
pub struct Profile<'a> {
    pub ctx: &'a Ctx,
    pub errors: FormErrors,
}

pub async fn show(State(state): State<AppState>, page: Page) -> Response {
    if let Err(e) = page
        .me
        .authorize(&state, Action::Read, Resource::OwnProfile)
        .await
    {
        return errors::page(&page.ctx, e);
    }
    render(&Profile {
        ctx: &page.ctx,
        errors: FormErrors::default(),
    })
}

#[derive(Debug, Deserialize, Default)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    new_password_repeat: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    page: Page,
    ApiForm(f): ApiForm<PasswordForm>,
) -> Response {
    let Page { ctx, me } = page;
    if f.new_password != f.new_password_repeat {
        let errors = FormErrors(vec![(
            "new_password_repeat".into(),
            ctx.t("field-error-password_mismatch"),
        )]);
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &Profile { ctx: &ctx, errors },
        );
    }
    match crate::api::users::change_password(&state, &me, f.current_password, f.new_password).await
    {
        Ok(()) => Redirect::to("/profile?msg=password-changed").into_response(),
        Err(e) => match form_errors(&ctx, e) {
            Ok(errors) => render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &Profile { ctx: &ctx, errors },
            ),
            Err(e) => errors::page(&ctx, e),
        },
    }
}

#[derive(Debug, Deserialize, Default)]
pub struct LanguageForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    back: Option<String>,
}

/// Switches the UI language: saved with the user when logged in, in a cookie otherwise.
pub async fn set_language(
    State(state): State<AppState>,
    PublicPage(ctx, me): PublicPage,
    _h: HeaderMap,
    ApiForm(f): ApiForm<LanguageForm>,
) -> Response {
    let Some(lang) = Lang::parse(&f.lang) else {
        return errors::page(
            &ctx,
            crate::error::AppError::bad_request("unknown language"),
        );
    };
    if let Some(me) = &me {
        if let Err(e) = me
            .authorize(&state, Action::Update, Resource::OwnProfile)
            .await
        {
            return errors::page(&ctx, e);
        }
        let who = me.owned_who();
        let code = lang.code();
        if let Err(e) = state
            .db(move |c| ankommen_db::users::set_locale(c, who.get(), &who.user_id, code))
            .await
        {
            return errors::page(&ctx, e);
        }
    }
    let back = match f.back.as_deref() {
        Some(b) if b.starts_with('/') && !b.starts_with("//") => b.to_owned(),
        _ => "/".to_owned(),
    };
    let mut res = Redirect::to(&back).into_response();
    if let Ok(v) = format!(
        "{LANG_COOKIE}={}; Path=/; SameSite=Strict; Max-Age=31536000",
        lang.code()
    )
    .parse()
    {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}
