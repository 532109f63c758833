//! Login and logout pages.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{Ctx, Page, PublicPage, render, render_status};
use crate::AppState;
use crate::auth::{self, LoginError};
use crate::extract::ApiForm;

#[derive(Template)]
#[template(path = "login.html")]
pub struct LoginPage<'a> {
    pub ctx: &'a Ctx,
    pub next: String,
    pub username: String,
    pub error: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct NextParam {
    next: Option<String>,
}

/// Only local paths may be a target after login (no open redirect).
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n)
            if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') && n.len() < 500 =>
        {
            n.to_owned()
        }
        _ => "/".to_owned(),
    }
}

pub async fn form(PublicPage(ctx, me): PublicPage, Query(p): Query<NextParam>) -> Response {
    if me.is_some() {
        return Redirect::to(&safe_next(p.next.as_deref())).into_response();
    }
    render(&LoginPage {
        ctx: &ctx,
        next: safe_next(p.next.as_deref()),
        username: String::new(),
        error: None,
    })
}

#[derive(Debug, Deserialize, Default)]
pub struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: Option<String>,
}

pub async fn submit(
    State(state): State<AppState>,
    PublicPage(ctx, _): PublicPage,
    headers: HeaderMap,
    ApiForm(f): ApiForm<LoginForm>,
) -> Response {
    let next = safe_next(f.next.as_deref());
    let rid = headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let fail = |status, key: &str| {
        render_status(
            status,
            &LoginPage {
                ctx: &ctx,
                next: next.clone(),
                username: f.username.chars().take(64).collect(),
                error: Some(ctx.t(key)),
            },
        )
    };
    if f.username.trim().is_empty() || f.password.is_empty() {
        return fail(StatusCode::UNPROCESSABLE_ENTITY, "login-missing");
    }
    match auth::login(&state, &f.username, &f.password, rid).await {
        Ok((_user, token)) => {
            let mut res = Redirect::to(&next).into_response();
            if let Ok(v) = auth::session_cookie(&state, Some(&token)).parse() {
                res.headers_mut().append(header::SET_COOKIE, v);
            }
            res
        }
        Err(LoginError::Invalid) => fail(StatusCode::UNAUTHORIZED, "login-invalid"),
        Err(LoginError::Disabled) => fail(StatusCode::FORBIDDEN, "login-disabled"),
        Err(LoginError::Locked(wait)) => {
            let minutes = (wait + 59) / 60;
            let msg = ctx
                .lang
                .t_args("login-locked", &[("minutes", minutes.into())]);
            let mut res = render_status(
                StatusCode::TOO_MANY_REQUESTS,
                &LoginPage {
                    ctx: &ctx,
                    next: next.clone(),
                    username: f.username.chars().take(64).collect(),
                    error: Some(msg),
                },
            );
            if let Ok(v) = wait.to_string().parse() {
                res.headers_mut().insert(header::RETRY_AFTER, v);
            }
            res
        }
        Err(LoginError::Failed(e)) => super::errors::page(&ctx, e),
    }
}

pub async fn logout(State(state): State<AppState>, page: Page) -> Response {
    if let Err(e) = auth::logout(&state, &page.me).await {
        return super::errors::page(&page.ctx, e);
    }
    let mut res = Redirect::to("/login?msg=logged-out").into_response();
    if let Ok(v) = auth::session_cookie(&state, None).parse() {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}
