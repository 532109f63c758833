//! Readers' feedback of a region (unread first, marked read or unread by editors) and, for
//! administrators, which editors are bound to the region.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use ankommen_db::portal::RegionRow;
use ankommen_db::portal::edit::{self, Binding, FeedbackRow};
use ankommen_db::users::{User, UserFilter};
use ankommen_domain::Role;

use super::{EditorLabels, may_write, region_for, region_to_write, who, who_parts};
use crate::AppState;
use crate::error::AppError;
use crate::extract::ApiForm;
use crate::ui::{Ctx, Page, errors, render};

#[derive(Template)]
#[template(path = "editor_feedback.html")]
pub struct FeedbackView<'a> {
    pub ctx: &'a Ctx,
    pub region: RegionRow,
    pub items: Vec<FeedbackRow>,
    pub can_write: bool,
}

impl EditorLabels for FeedbackView<'_> {
    fn c(&self) -> &Ctx {
        self.ctx
    }
}

impl FeedbackView<'_> {
    pub fn unread(&self) -> usize {
        self.items.iter().filter(|f| f.read_at.is_none()).count()
    }
    /// "Page „anmeldung“", "Search", …
    pub fn target(&self, f: &FeedbackRow) -> String {
        let kind = self
            .ctx
            .key_or(&format!("pe-target-{}", f.target_kind), &f.target_kind);
        match &f.target_slug {
            Some(s) if !s.is_empty() => format!("{kind} {}", self.ctx.quoted(s)),
            _ => kind,
        }
    }
    pub fn rating(&self, f: &FeedbackRow) -> String {
        match f.rating.as_deref() {
            Some(r) => self.ctx.key_or(&format!("pe-rating-{r}"), r),
            None => "–".to_owned(),
        }
    }
}

pub async fn feedback(
    State(state): State<AppState>,
    page: Page,
    Path(slug): Path<String>,
) -> Response {
    let result = async {
        let region = region_for(&state, &page, &slug).await?;
        let rid = region.id.clone();
        let items = state.db(move |c| edit::feedback(c, &rid)).await?;
        Ok::<_, AppError>((region, items))
    }
    .await;
    match result {
        Ok((region, items)) => render(&FeedbackView {
            ctx: &page.ctx,
            region,
            items,
            can_write: may_write(&page),
        }),
        Err(e) => errors::page(&page.ctx, e),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct MarkForm {
    #[serde(default)]
    pub read: String,
}

pub async fn mark_feedback(
    State(state): State<AppState>,
    page: Page,
    Path((slug, id)): Path<(String, String)>,
    ApiForm(form): ApiForm<MarkForm>,
) -> Response {
    let read = form.read != "false";
    let result = async {
        let region = region_to_write(&state, &page, &slug).await?;
        let (tenant, uid, rid) = who_parts(&page);
        let region_id = region.id.clone();
        state
            .db(move |c| edit::mark_feedback(c, who(&tenant, &uid, &rid), &region_id, &id, read))
            .await?;
        Ok::<_, AppError>(region.slug)
    }
    .await;
    match result {
        Ok(slug) => {
            Redirect::to(&format!("/editor/{slug}/feedback?msg=editor-feedback")).into_response()
        }
        Err(e) => errors::page(&page.ctx, e),
    }
}

// ---------------------------------------------------------------------------------------
// Editors of a region (administrators).

#[derive(Template)]
#[template(path = "editor_editors.html")]
pub struct EditorsView<'a> {
    pub ctx: &'a Ctx,
    pub region: RegionRow,
    pub bound: Vec<Binding>,
    /// Editors not bound to the region yet.
    pub candidates: Vec<User>,
}

fn ensure_admin(page: &Page) -> Result<(), AppError> {
    if page.me.user.role == Role::Admin {
        Ok(())
    } else {
        Err(AppError::forbidden(
            "administrators bind editors to regions",
        ))
    }
}

pub async fn editors(
    State(state): State<AppState>,
    page: Page,
    Path(slug): Path<String>,
) -> Response {
    let result = async {
        let region = region_for(&state, &page, &slug).await?;
        ensure_admin(&page)?;
        let tenant = page.me.user.tenant_id.clone();
        let rslug = region.slug.clone();
        let (bound, all) = state
            .db(move |c| {
                let bound = edit::editors_of(c, &tenant, &rslug)?;
                let filter = UserFilter {
                    role: Some(Role::Editor),
                    ..UserFilter::default()
                };
                let all = ankommen_db::users::list(c, &tenant, &filter)?;
                Ok((bound, all))
            })
            .await?;
        let candidates = all
            .into_iter()
            .filter(|u| !bound.iter().any(|b| b.user_id == u.id))
            .collect();
        Ok::<_, AppError>(EditorsView {
            ctx: &page.ctx,
            region,
            bound,
            candidates,
        })
    }
    .await;
    match result {
        Ok(v) => render(&v),
        Err(e) => errors::page(&page.ctx, e),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct BindForm {
    #[serde(default)]
    pub user_id: String,
}

pub async fn bind(
    State(state): State<AppState>,
    page: Page,
    Path(slug): Path<String>,
    ApiForm(form): ApiForm<BindForm>,
) -> Response {
    let result = async {
        let region = region_for(&state, &page, &slug).await?;
        ensure_admin(&page)?;
        let (tenant, uid, rid) = who_parts(&page);
        let rslug = region.slug.clone();
        state
            .db(move |c| edit::bind_editor(c, who(&tenant, &uid, &rid), &form.user_id, &rslug))
            .await?;
        Ok::<_, AppError>(region.slug)
    }
    .await;
    match result {
        Ok(slug) => {
            Redirect::to(&format!("/editor/{slug}/editors?msg=editor-bound")).into_response()
        }
        Err(e) => errors::page(&page.ctx, e),
    }
}

pub async fn unbind(
    State(state): State<AppState>,
    page: Page,
    Path((slug, user)): Path<(String, String)>,
) -> Response {
    let result = async {
        let region = region_for(&state, &page, &slug).await?;
        ensure_admin(&page)?;
        let (tenant, uid, rid) = who_parts(&page);
        let rslug = region.slug.clone();
        state
            .db(move |c| edit::unbind_editor(c, who(&tenant, &uid, &rid), &user, &rslug))
            .await?;
        Ok::<_, AppError>(region.slug)
    }
    .await;
    match result {
        Ok(slug) => {
            Redirect::to(&format!("/editor/{slug}/editors?msg=editor-unbound")).into_response()
        }
        Err(e) => errors::page(&page.ctx, e),
    }
}
