//! The portal editor (issue 6, part 2) at `/editor`: an editor's regions with the coverage of
//! every language, the page tree with each language's status, new pages, moving and
//! archiving; texts side by side with their source (`text`), readers' feedback and the
//! binding of editors to regions (`people`). Editors see only the regions they are bound to
//! (others are 404), administrators all; other roles get 403. Writes follow the access policy
//! (`Resource::PortalContent`); the work is done in `ankommen_db::portal::edit`.

mod people;
mod text;

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use ankommen_db::portal::RegionRow;
use ankommen_db::portal::edit::{self, LanguageCoverage, NewPage, RegionTree};
use ankommen_domain::Role;
use ankommen_domain::policy::{Action, Resource, can};
use ankommen_domain::portal::translation::Status as TrStatus;

use super::{Ctx, FormErrors, Page, errors, render, render_status};
use crate::AppState;
use crate::error::AppError;
use crate::extract::ApiForm;
use crate::portal::sanitize;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/editor", get(home))
        .route("/editor/{region}", get(tree))
        .route("/editor/{region}/pages", post(create_page))
        .route("/editor/{region}/pages/{page}/move", post(move_page))
        .route("/editor/{region}/pages/{page}/archive", post(archive))
        .route(
            "/editor/{region}/pages/{page}/{lang}",
            get(text::page_text).post(text::save_page_text),
        )
        .route(
            "/editor/{region}/pages/{page}/{lang}/revisions",
            get(text::page_revisions),
        )
        .route(
            "/editor/{region}/pages/{page}/{lang}/revisions/{n}/restore",
            post(text::restore_page_text),
        )
        .route(
            "/editor/{region}/imprint/{lang}",
            get(text::imprint).post(text::save_imprint),
        )
        .route(
            "/editor/{region}/imprint/{lang}/revisions",
            get(text::imprint_revisions),
        )
        .route(
            "/editor/{region}/imprint/{lang}/revisions/{n}/restore",
            post(text::restore_imprint),
        )
        .route("/editor/{region}/feedback", get(people::feedback))
        .route(
            "/editor/{region}/feedback/{id}",
            post(people::mark_feedback),
        )
        .route(
            "/editor/{region}/editors",
            get(people::editors).post(people::bind),
        )
        .route(
            "/editor/{region}/editors/{user}/remove",
            post(people::unbind),
        )
}

/// Labels shared by the editor's pages.
pub trait EditorLabels {
    fn c(&self) -> &Ctx;
    /// "Up to date", "Outdated", …
    fn tr_label(&self, s: &TrStatus) -> String {
        self.c().t(&format!("pe-tr-{}", s.as_str()))
    }
    /// "Draft", "In review", "Published".
    fn pub_label(&self, s: &str) -> String {
        self.c().key_or(&format!("pe-state-{s}"), s)
    }
    fn opt_pub_label(&self, s: &Option<String>) -> String {
        s.as_deref()
            .map(|s| self.pub_label(s))
            .unwrap_or_else(|| "–".to_owned())
    }
}

/// Only editors and administrators use the editor.
fn ensure_role(page: &Page) -> Result<(), AppError> {
    if matches!(page.me.user.role, Role::Editor | Role::Admin) {
        Ok(())
    } else {
        Err(AppError::forbidden("the portal editor is for editors"))
    }
}

/// Whether the user may change portal content (the policy: editors).
pub fn may_write(page: &Page) -> bool {
    can(&page.me.actor(), Action::Update, &Resource::PortalContent).is_allowed()
}

fn ensure_write(page: &Page) -> Result<(), AppError> {
    if may_write(page) {
        Ok(())
    } else {
        Err(AppError::forbidden("portal content is edited by editors"))
    }
}

/// The region if the user may edit it: 403 for other roles, 404 for regions not theirs.
pub async fn region_for(state: &AppState, page: &Page, slug: &str) -> Result<RegionRow, AppError> {
    ensure_role(page)?;
    let (tenant, uid, role, slug) = (
        page.me.user.tenant_id.clone(),
        page.me.user.id.clone(),
        page.me.user.role,
        slug.to_owned(),
    );
    state
        .db(move |c| edit::editable_region(c, &tenant, &uid, role, &slug))
        .await
}

/// Like [`region_for`], for a write.
pub async fn region_to_write(
    state: &AppState,
    page: &Page,
    slug: &str,
) -> Result<RegionRow, AppError> {
    let region = region_for(state, page, slug).await?;
    ensure_write(page)?;
    Ok(region)
}

/// A page's external id from the URL (404 when it is not a number).
pub fn page_id(raw: &str) -> Result<i64, AppError> {
    raw.parse::<i64>().map_err(|_| AppError::not_found())
}

/// The editor's response to a failed form: the form again with 422 (invalid input) or 409
/// (changed meanwhile); anything else stays an error, for an error page.
pub fn form_failure(ctx: &Ctx, e: AppError) -> Result<(StatusCode, FormErrors), AppError> {
    match e {
        AppError::Validation(errs) => Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            FormErrors::from_fields(ctx, &errs),
        )),
        AppError::Conflict(msg) => Ok((
            StatusCode::CONFLICT,
            FormErrors::general(format!("{} {}", ctx.t("error-409-text"), msg)),
        )),
        other => Err(other),
    }
}

// ---------------------------------------------------------------------------------------
// `/editor`: my regions and their coverage.

pub struct RegionCoverage {
    pub region: RegionRow,
    pub languages: Vec<LanguageCoverage>,
}

#[derive(Template)]
#[template(path = "editor_home.html")]
pub struct HomeView<'a> {
    pub ctx: &'a Ctx,
    pub regions: Vec<RegionCoverage>,
}

impl EditorLabels for HomeView<'_> {
    fn c(&self) -> &Ctx {
        self.ctx
    }
}

pub async fn home(State(state): State<AppState>, page: Page) -> Response {
    if let Err(e) = ensure_role(&page) {
        return errors::page(&page.ctx, e);
    }
    let (tenant, uid, role) = (
        page.me.user.tenant_id.clone(),
        page.me.user.id.clone(),
        page.me.user.role,
    );
    let regions = state
        .db(move |c| {
            let mut out = Vec::new();
            for region in edit::editable_regions(c, &tenant, &uid, role)? {
                let languages = edit::coverage(c, &region.id)?;
                out.push(RegionCoverage { region, languages });
            }
            Ok(out)
        })
        .await;
    match regions {
        Ok(regions) => render(&HomeView {
            ctx: &page.ctx,
            regions,
        }),
        Err(e) => errors::page(&page.ctx, e),
    }
}

// ---------------------------------------------------------------------------------------
// `/editor/{region}`: the page tree.

#[derive(Debug, Default, Deserialize)]
pub struct NewPageForm {
    #[serde(default)]
    pub parent: String,
    #[serde(default)]
    pub position: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub excerpt: String,
    #[serde(default)]
    pub content: String,
}

#[derive(Template)]
#[template(path = "editor_region.html")]
pub struct TreeView<'a> {
    pub ctx: &'a Ctx,
    pub region: RegionRow,
    pub tree: RegionTree,
    pub coverage: Vec<LanguageCoverage>,
    pub can_write: bool,
    pub is_admin: bool,
    pub form: NewPageForm,
    pub errors: FormErrors,
}

impl EditorLabels for TreeView<'_> {
    fn c(&self) -> &Ctx {
        self.ctx
    }
}

impl TreeView<'_> {
    /// Indentation class of a tree row (capped).
    pub fn depth_class(&self, depth: &usize) -> String {
        format!("pe-depth-{}", (*depth).min(8))
    }
    pub fn root_code(&self) -> String {
        self.tree
            .languages
            .iter()
            .find(|l| l.source_code.is_none())
            .map(|l| l.language.code.clone())
            .unwrap_or_else(|| "de".to_owned())
    }
    pub fn err(&self, field: &str) -> &str {
        self.errors.get(field).unwrap_or("")
    }
    pub fn general(&self) -> Vec<&str> {
        self.errors
            .general_messages(&["title", "excerpt", "content", "parent"])
    }
}

async fn tree_page(
    state: &AppState,
    page: &Page,
    slug: &str,
    form: NewPageForm,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let region = match region_for(state, page, slug).await {
        Ok(r) => r,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let id = region.id.clone();
    let tree = match state.db(move |c| edit::page_tree(c, &id)).await {
        Ok(t) => t,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let coverage = edit::coverage_of(&tree);
    render_status(
        status,
        &TreeView {
            ctx: &page.ctx,
            region,
            tree,
            coverage,
            can_write: may_write(page),
            is_admin: page.me.user.role == Role::Admin,
            form,
            errors,
        },
    )
}

pub async fn tree(
    State(state): State<AppState>,
    page: Page,
    Path(region): Path<String>,
) -> Response {
    tree_page(
        &state,
        &page,
        &region,
        NewPageForm::default(),
        FormErrors::default(),
        StatusCode::OK,
    )
    .await
}

/// The excerpt as written, else the start of the content as plain text.
pub fn excerpt_or_summary(excerpt: &str, clean_content: &str) -> String {
    if excerpt.trim().is_empty() {
        sanitize::plain_text(clean_content, 200)
    } else {
        excerpt.trim().to_owned()
    }
}

pub async fn create_page(
    State(state): State<AppState>,
    page: Page,
    Path(slug): Path<String>,
    ApiForm(form): ApiForm<NewPageForm>,
) -> Response {
    let region = match region_to_write(&state, &page, &slug).await {
        Ok(r) => r,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let content = sanitize::clean(&form.content);
    let new = NewPage {
        parent: form.parent.trim().parse::<i64>().ok(),
        position: form
            .position
            .trim()
            .parse::<usize>()
            .ok()
            .map(|p| p.saturating_sub(1)),
        title: form.title.clone(),
        excerpt: excerpt_or_summary(&form.excerpt, &content),
        content,
    };
    let (tenant, uid, rid) = who_parts(&page);
    let region_id = region.id.clone();
    let saved = state
        .db(move |c| edit::create_page(c, who(&tenant, &uid, &rid), &region_id, &new))
        .await;
    match saved {
        Ok(p) => Redirect::to(&format!(
            "/editor/{}?msg=editor-page-created#page-{}",
            region.slug, p.external_id
        ))
        .into_response(),
        Err(e) => match form_failure(&page.ctx, e) {
            Ok((status, errs)) => tree_page(&state, &page, &slug, form, errs, status).await,
            Err(e) => errors::page(&page.ctx, e),
        },
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    pub dir: String,
}

pub async fn move_page(
    State(state): State<AppState>,
    page: Page,
    Path((slug, page_ext)): Path<(String, String)>,
    ApiForm(form): ApiForm<MoveForm>,
) -> Response {
    let result = async {
        let region = region_to_write(&state, &page, &slug).await?;
        let ext = page_id(&page_ext)?;
        let up = match form.dir.as_str() {
            "up" => true,
            "down" => false,
            _ => return Err(AppError::bad_request("dir must be up or down")),
        };
        let (tenant, uid, rid) = who_parts(&page);
        state
            .db(move |c| {
                edit::move_page(c, who(&tenant, &uid, &rid), &region.id, ext, up)?;
                Ok(region.slug)
            })
            .await
            .map(|s| (s, ext))
    }
    .await;
    match result {
        Ok((slug, ext)) => {
            Redirect::to(&format!("/editor/{slug}?msg=editor-moved#page-{ext}")).into_response()
        }
        Err(e) => errors::page(&page.ctx, e),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct ArchiveForm {
    #[serde(default)]
    pub archived: String,
}

pub async fn archive(
    State(state): State<AppState>,
    page: Page,
    Path((slug, page_ext)): Path<(String, String)>,
    ApiForm(form): ApiForm<ArchiveForm>,
) -> Response {
    let archived = form.archived == "true";
    let result = async {
        let region = region_to_write(&state, &page, &slug).await?;
        let ext = page_id(&page_ext)?;
        let (tenant, uid, rid) = who_parts(&page);
        state
            .db(move |c| {
                edit::set_archived(c, who(&tenant, &uid, &rid), &region.id, ext, archived)?;
                Ok(region.slug)
            })
            .await
            .map(|s| (s, ext))
    }
    .await;
    let msg = if archived {
        "editor-archived"
    } else {
        "editor-unarchived"
    };
    match result {
        Ok((slug, ext)) => {
            Redirect::to(&format!("/editor/{slug}?msg={msg}#page-{ext}")).into_response()
        }
        Err(e) => errors::page(&page.ctx, e),
    }
}

/// Owned parts of the acting user, to move into a database closure.
pub fn who_parts(page: &Page) -> (String, String, Option<String>) {
    (
        page.me.user.tenant_id.clone(),
        page.me.user.id.clone(),
        page.me.request_id.clone(),
    )
}

pub fn who<'a>(tenant: &'a str, uid: &'a str, rid: &'a Option<String>) -> ankommen_db::Who<'a> {
    ankommen_db::Who {
        tenant_id: tenant,
        user_id: Some(uid),
        request_id: rid.as_deref(),
    }
}
