//! One text side by side with its source: the source language's text on the left (read
//! only, rendered), the target's form on the right; saving as draft, for review or published
//! as the publication workflow allows; the revision history with restore. Pages and the
//! region imprint share it (`Owner`).

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use ankommen_db::portal::edit::{self, Owner, RegionLanguage, Revision, TextEdit};
use ankommen_db::portal::{RegionRow, TextRow};
use ankommen_domain::portal::publication::State as PubState;
use ankommen_domain::portal::translation::Status as TrStatus;

use super::{
    EditorLabels, excerpt_or_summary, form_failure, may_write, page_id, region_for,
    region_to_write, who, who_parts,
};
use crate::AppState;
use crate::error::AppError;
use crate::extract::ApiForm;
use crate::portal::sanitize;
use crate::ui::{Ctx, FormErrors, Page, errors, render, render_status};

/// The text form as posted; `status` is the button pressed.
#[derive(Debug, Default, Deserialize, Clone)]
pub struct TextForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub excerpt: String,
    #[serde(default)]
    pub content: String,
    #[serde(default)]
    pub version: String,
    #[serde(default)]
    pub minor: Option<String>,
    #[serde(default)]
    pub status: String,
}

impl TextForm {
    fn of(text: &Option<TextRow>) -> Self {
        match text {
            Some(t) => Self {
                title: t.title.clone(),
                excerpt: t.excerpt.clone(),
                content: t.content.clone(),
                version: t.version.to_string(),
                minor: None,
                status: t.status.clone(),
            },
            None => Self {
                version: "0".into(),
                ..Self::default()
            },
        }
    }
}

/// A language in the switcher with the text's status there.
pub struct LangLink {
    pub code: String,
    pub name: String,
    pub status: TrStatus,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "editor_text.html")]
pub struct TextView<'a> {
    pub ctx: &'a Ctx,
    pub region: RegionRow,
    /// What the text belongs to: the page's title or "Imprint".
    pub owner_label: String,
    /// `/editor/{region}/pages/{id}` or `/editor/{region}/imprint`.
    pub base: String,
    pub langs: Vec<LangLink>,
    pub target: RegionLanguage,
    pub text: Option<TextRow>,
    pub source: Option<(RegionLanguage, Option<TextRow>)>,
    pub source_html: String,
    pub form: TextForm,
    pub states: Vec<&'static str>,
    pub is_source: bool,
    pub can_write: bool,
    pub errors: FormErrors,
}

impl EditorLabels for TextView<'_> {
    fn c(&self) -> &Ctx {
        self.ctx
    }
}

impl TextView<'_> {
    pub fn err(&self, field: &str) -> &str {
        self.errors.get(field).unwrap_or("")
    }
    pub fn general(&self) -> Vec<&str> {
        self.errors
            .general_messages(&["title", "excerpt", "content"])
    }
    pub fn tr_status(&self) -> TrStatus {
        self.text
            .as_ref()
            .and_then(|t| TrStatus::parse(&t.translation_status).ok())
            .unwrap_or(TrStatus::Missing)
    }
    pub fn tr_status_label(&self) -> String {
        self.tr_label(&self.tr_status())
    }
    pub fn dir(&self) -> &str {
        if self.target.is_rtl() { "rtl" } else { "ltr" }
    }
    pub fn source_dir(&self) -> &str {
        match &self.source {
            Some((l, _)) if l.is_rtl() => "rtl",
            _ => "ltr",
        }
    }
    /// The label of a save button for `state`.
    pub fn button_label(&self, state: &str) -> String {
        let current = self.text.as_ref().map(|t| t.status.as_str());
        if current == Some(state) {
            self.ctx.t(&format!("pe-save-keep-{state}"))
        } else {
            self.ctx.t(&format!("pe-save-as-{state}"))
        }
    }
}

async fn load_view<'a>(
    state: &AppState,
    page: &'a Page,
    slug: &str,
    owner: Owner,
    lang: &str,
) -> Result<TextView<'a>, AppError> {
    let region = region_for(state, page, slug).await?;
    let (rid, lang_owned) = (region.id.clone(), lang.to_owned());
    let (langs, target, text, source, owner_label, is_source) = state
        .db(move |c| {
            let languages = edit::region_languages(c, &rid)?;
            let (target, text) = edit::text_of(c, &rid, owner, &lang_owned)?;
            let source = match &target.source_code {
                Some(code) => Some(edit::text_of(c, &rid, owner, code)?),
                None => None,
            };
            let mut links = Vec::new();
            for l in &languages {
                let (_, t) = edit::text_of(c, &rid, owner, l.code())?;
                links.push((
                    l.language.code.clone(),
                    l.language.native_name.clone(),
                    t.map(|t| TrStatus::parse(&t.translation_status).unwrap_or(TrStatus::Outdated))
                        .unwrap_or(TrStatus::Missing),
                ));
            }
            let label = match owner {
                Owner::Page(_) => {
                    let root = languages
                        .iter()
                        .find(|l| l.source_code.is_none())
                        .map(|l| l.code().to_owned())
                        .unwrap_or_else(|| "de".into());
                    edit::text_of(c, &rid, owner, &root)?.1.map(|t| t.title)
                }
                Owner::Imprint => None,
            };
            let is_source = edit::is_source_language(&languages, &lang_owned);
            Ok((links, target, text, source, label, is_source))
        })
        .await?;
    let base = match owner {
        Owner::Page(ext) => format!("/editor/{}/pages/{ext}", region.slug),
        Owner::Imprint => format!("/editor/{}/imprint", region.slug),
    };
    let owner_label = match owner {
        Owner::Page(ext) => owner_label.unwrap_or_else(|| format!("#{ext}")),
        Owner::Imprint => page.ctx.t("pe-imprint"),
    };
    let source_html = source
        .as_ref()
        .and_then(|(_, t)| t.as_ref())
        .map(|t| sanitize::clean(&t.content))
        .unwrap_or_default();
    let states = edit::allowed_states(
        text.as_ref()
            .map(|t| PubState::parse(&t.status).unwrap_or(PubState::Draft)),
    )
    .into_iter()
    .map(|s| s.as_str())
    .collect();
    let code = target.code().to_owned();
    let langs_links = langs
        .into_iter()
        .map(|(c, name, status)| LangLink {
            current: c == code,
            code: c,
            name,
            status,
        })
        .collect();
    Ok(TextView {
        ctx: &page.ctx,
        form: TextForm::of(&text),
        region,
        owner_label,
        base,
        langs: langs_links,
        target,
        text,
        source,
        source_html,
        states,
        is_source,
        can_write: may_write(page),
        errors: FormErrors::default(),
    })
}

async fn show(state: AppState, page: Page, slug: String, owner: Owner, lang: String) -> Response {
    match load_view(&state, &page, &slug, owner, &lang).await {
        Ok(v) => render(&v),
        Err(e) => errors::page(&page.ctx, e),
    }
}

async fn save(
    state: AppState,
    page: Page,
    slug: String,
    owner: Owner,
    lang: String,
    form: TextForm,
) -> Response {
    let region = match region_to_write(&state, &page, &slug).await {
        Ok(r) => r,
        Err(e) => return errors::page(&page.ctx, e),
    };
    let status = match PubState::parse(form.status.trim()) {
        Ok(s) => s,
        Err(_) => {
            return errors::page(
                &page.ctx,
                AppError::bad_request("status must be draft, review or published"),
            );
        }
    };
    let version = form.version.trim().parse::<i32>().unwrap_or(-1);
    let content = sanitize::clean(&form.content);
    let edit = TextEdit {
        title: form.title.clone(),
        excerpt: excerpt_or_summary(&form.excerpt, &content),
        content,
        minor: form.minor.is_some(),
        status,
        version,
    };
    let (tenant, uid, rid) = who_parts(&page);
    let (region_id, code) = (region.id.clone(), lang.clone());
    let saved = state
        .db(move |c| edit::save_text(c, who(&tenant, &uid, &rid), &region_id, owner, &code, &edit))
        .await;
    match saved {
        Ok(_) => {
            let base = match owner {
                Owner::Page(ext) => format!("/editor/{}/pages/{ext}", region.slug),
                Owner::Imprint => format!("/editor/{}/imprint", region.slug),
            };
            Redirect::to(&format!("{base}/{lang}?msg=editor-saved")).into_response()
        }
        Err(e) => match form_failure(&page.ctx, e) {
            Ok((status, errs)) => {
                match load_view(&state, &page, &slug, owner, &lang).await {
                    Ok(mut v) => {
                        // Keep what was typed; the version stays the one the form was read at.
                        v.form = TextForm { ..form };
                        v.errors = errs;
                        render_status(status, &v)
                    }
                    Err(e) => errors::page(&page.ctx, e),
                }
            }
            Err(e) => errors::page(&page.ctx, e),
        },
    }
}

pub async fn page_text(
    State(state): State<AppState>,
    page: Page,
    Path((region, id, lang)): Path<(String, String, String)>,
) -> Response {
    match page_id(&id) {
        Ok(ext) => show(state, page, region, Owner::Page(ext), lang).await,
        Err(e) => errors::page(&page.ctx, e),
    }
}

pub async fn save_page_text(
    State(state): State<AppState>,
    page: Page,
    Path((region, id, lang)): Path<(String, String, String)>,
    ApiForm(form): ApiForm<TextForm>,
) -> Response {
    match page_id(&id) {
        Ok(ext) => save(state, page, region, Owner::Page(ext), lang, form).await,
        Err(e) => errors::page(&page.ctx, e),
    }
}

pub async fn imprint(
    State(state): State<AppState>,
    page: Page,
    Path((region, lang)): Path<(String, String)>,
) -> Response {
    show(state, page, region, Owner::Imprint, lang).await
}

pub async fn save_imprint(
    State(state): State<AppState>,
    page: Page,
    Path((region, lang)): Path<(String, String)>,
    ApiForm(form): ApiForm<TextForm>,
) -> Response {
    save(state, page, region, Owner::Imprint, lang, form).await
}

// ---------------------------------------------------------------------------------------
// Revisions.

#[derive(Template)]
#[template(path = "editor_revisions.html")]
pub struct RevisionsView<'a> {
    pub ctx: &'a Ctx,
    pub region: RegionRow,
    pub base: String,
    pub language: RegionLanguage,
    pub text: TextRow,
    pub revisions: Vec<Revision>,
    pub can_write: bool,
}

impl EditorLabels for RevisionsView<'_> {
    fn c(&self) -> &Ctx {
        self.ctx
    }
}

impl RevisionsView<'_> {
    pub fn dir(&self) -> &str {
        if self.language.is_rtl() { "rtl" } else { "ltr" }
    }
    pub fn html(&self, content: &str) -> String {
        sanitize::clean(content)
    }
}

async fn revisions(
    state: AppState,
    page: Page,
    slug: String,
    owner: Owner,
    lang: String,
) -> Response {
    let result = async {
        let region = region_for(&state, &page, &slug).await?;
        let rid = region.id.clone();
        let (language, text, revisions) = state
            .db(move |c| edit::revisions(c, &rid, owner, &lang))
            .await?;
        Ok::<_, AppError>((region, language, text, revisions))
    }
    .await;
    match result {
        Ok((region, language, text, revisions)) => {
            let base = match owner {
                Owner::Page(ext) => format!("/editor/{}/pages/{ext}", region.slug),
                Owner::Imprint => format!("/editor/{}/imprint", region.slug),
            };
            render(&RevisionsView {
                ctx: &page.ctx,
                region,
                base,
                language,
                text,
                revisions,
                can_write: may_write(&page),
            })
        }
        Err(e) => errors::page(&page.ctx, e),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct RestoreForm {
    #[serde(default)]
    pub version: String,
}

async fn restore(
    state: AppState,
    page: Page,
    slug: String,
    owner: Owner,
    lang: String,
    n: String,
    form: RestoreForm,
) -> Response {
    let result = async {
        let region = region_to_write(&state, &page, &slug).await?;
        let n = n.parse::<i32>().map_err(|_| AppError::not_found())?;
        let version = form
            .version
            .trim()
            .parse::<i32>()
            .map_err(|_| AppError::bad_request("version is missing"))?;
        let (tenant, uid, rid) = who_parts(&page);
        let (region_id, code) = (region.id.clone(), lang.clone());
        state
            .db(move |c| {
                edit::restore_revision(
                    c,
                    who(&tenant, &uid, &rid),
                    &region_id,
                    owner,
                    &code,
                    n,
                    version,
                )
            })
            .await?;
        Ok::<_, AppError>(region.slug)
    }
    .await;
    match result {
        Ok(slug) => {
            let base = match owner {
                Owner::Page(ext) => format!("/editor/{slug}/pages/{ext}"),
                Owner::Imprint => format!("/editor/{slug}/imprint"),
            };
            Redirect::to(&format!("{base}/{lang}?msg=editor-restored")).into_response()
        }
        Err(e) => {
            let status = e.status();
            let mut r = errors::page(&page.ctx, e);
            *r.status_mut() = status;
            r
        }
    }
}

pub async fn page_revisions(
    State(state): State<AppState>,
    page: Page,
    Path((region, id, lang)): Path<(String, String, String)>,
) -> Response {
    match page_id(&id) {
        Ok(ext) => revisions(state, page, region, Owner::Page(ext), lang).await,
        Err(e) => errors::page(&page.ctx, e),
    }
}

pub async fn imprint_revisions(
    State(state): State<AppState>,
    page: Page,
    Path((region, lang)): Path<(String, String)>,
) -> Response {
    revisions(state, page, region, Owner::Imprint, lang).await
}

pub async fn restore_page_text(
    State(state): State<AppState>,
    page: Page,
    Path((region, id, lang, n)): Path<(String, String, String, String)>,
    ApiForm(form): ApiForm<RestoreForm>,
) -> Response {
    match page_id(&id) {
        Ok(ext) => restore(state, page, region, Owner::Page(ext), lang, n, form).await,
        Err(e) => errors::page(&page.ctx, e),
    }
}

pub async fn restore_imprint(
    State(state): State<AppState>,
    page: Page,
    Path((region, lang, n)): Path<(String, String, String)>,
    ApiForm(form): ApiForm<RestoreForm>,
) -> Response {
    restore(state, page, region, Owner::Imprint, lang, n, form).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_text_form_has_version_zero() {
        assert_eq!(TextForm::of(&None).version, "0");
    }
}
