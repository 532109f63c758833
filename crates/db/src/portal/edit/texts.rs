//! Texts of pages and of the region imprint: the publication workflow, saving an edit or a
//! new translation, and what a save does to the translations of a source text.

use ankommen_domain::portal::publication::{self, State as PubState};
use ankommen_domain::portal::slug;
use ankommen_domain::portal::translation::{self, Event as TrEvent, Status as TrStatus};
use ankommen_domain::validate::{FieldError, required_text};
use diesel::prelude::*;
use serde::Serialize;
use time::PrimitiveDateTime;

use super::pages::{bump_region, page_by_external_id};
use super::revisions::{has_revision, insert_revision};
use super::tree::{RegionLanguage, region_languages, targets_of};
use super::{CONTENT_MAX, EXCERPT_MAX, IMPRINT, TITLE_MAX, invalid, uuid};
use crate::audit::{self, Entry};
use crate::portal::{PAGE, TextRow};
use crate::schema::{portal_pages as pp, portal_texts as tx};
use crate::{Db, DbError, DbResult, Who, check_versioned_update, now, write_tx};

/// Whose text: a page (by external id) or the region's imprint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Page(i64),
    Imprint,
}

pub(super) struct OwnerRef {
    pub(super) kind: &'static str,
    pub(super) id: String,
}

pub(super) fn resolve_owner(c: &mut Db, region_id: &str, owner: Owner) -> DbResult<OwnerRef> {
    Ok(match owner {
        Owner::Page(ext) => OwnerRef {
            kind: PAGE,
            id: page_by_external_id(c, region_id, ext)?.id,
        },
        Owner::Imprint => OwnerRef {
            kind: IMPRINT,
            id: region_id.to_owned(),
        },
    })
}

/// An edit of one text in one language (content already cleaned by the caller).
#[derive(Debug, Clone)]
pub struct TextEdit {
    pub title: String,
    pub excerpt: String,
    pub content: String,
    /// A typo or layout fix of a source text: translations stay up to date.
    pub minor: bool,
    /// The publication state wanted (draft, review or published).
    pub status: PubState,
    /// The text's version as read; 0 for a text that does not exist yet.
    pub version: i32,
}

/// What a save did.
#[derive(Debug, Clone, Serialize)]
pub struct Saved {
    pub text: TextRow,
    /// Languages whose translation became outdated by this edit.
    pub outdated: Vec<String>,
}

/// The state after moving a text from `from` to `to` by one action of the publication
/// workflow (staying in the same state is an edit, not a transition).
fn publication_step(from: PubState, to: PubState) -> Result<PubState, FieldError> {
    use publication::Action as A;
    if from == to {
        return Ok(to);
    }
    if let Some(ok) = A::ALL
        .iter()
        .find_map(|a| publication::next(from, *a).ok().filter(|s| *s == to))
    {
        return Ok(ok);
    }
    let action = match to {
        PubState::Published => A::Publish,
        PubState::Review => A::SubmitForReview,
        PubState::Draft => A::Unpublish,
        PubState::Archived => A::Archive,
    };
    let e = publication::next(from, action)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    Err(FieldError::new(
        "status",
        publication::TransitionError::CODE,
        e,
    ))
}

/// The publication states a text in `from` can be saved in: its own, and those one action of
/// the workflow away (a new text starts as a draft). Archiving is done on pages.
pub fn allowed_states(from: Option<PubState>) -> Vec<PubState> {
    let from = from.unwrap_or(PubState::Draft);
    [PubState::Draft, PubState::Review, PubState::Published]
        .into_iter()
        .filter(|to| publication_step(from, *to).is_ok())
        .collect()
}

/// Edits (or, with version 0, creates) the text of `owner` in `lang`; see [`save_in`].
pub fn save_text(
    conn: &mut Db,
    who: Who<'_>,
    region_id: &str,
    owner: Owner,
    lang: &str,
    edit: &TextEdit,
) -> DbResult<Saved> {
    write_tx(conn, who.tenant_id, |c| {
        let languages = region_languages(c, region_id)?;
        let owner = resolve_owner(c, region_id, owner)?;
        save_in(c, who, region_id, &languages, &owner, lang, edit)
    })
}

/// The text of `owner` in one language with its region language (`None`: not written yet).
pub fn text_of(
    conn: &mut Db,
    region_id: &str,
    owner: Owner,
    lang: &str,
) -> DbResult<(RegionLanguage, Option<TextRow>)> {
    let language = region_languages(conn, region_id)?
        .into_iter()
        .find(|l| l.code() == lang)
        .ok_or(DbError::NotFound)?;
    let owner = resolve_owner(conn, region_id, owner)?;
    let text = find_text(conn, &owner, &language.language.id)?;
    Ok((language, text))
}

pub(super) fn find_text(
    c: &mut Db,
    owner: &OwnerRef,
    language_id: &str,
) -> DbResult<Option<TextRow>> {
    Ok(tx::table
        .filter(tx::kind.eq(owner.kind))
        .filter(tx::owner_id.eq(&owner.id))
        .filter(tx::language_id.eq(language_id))
        .select(TextRow::as_select())
        .first(c)
        .optional()?)
}

/// The stored passthrough without the dates an import kept: after an edit the API serves the
/// text's own `last_updated`.
fn edited_passthrough(stored: &str) -> String {
    let mut v: serde_json::Value =
        serde_json::from_str(stored).unwrap_or_else(|_| serde_json::json!({}));
    if let serde_json::Value::Object(m) = &mut v {
        m.remove("last_updated");
        m.remove("modified_gmt");
    }
    v.to_string()
}

/// One save inside a transaction: checks the version, keeps the old text as a revision,
/// applies the publication workflow and the translation-status machine (a major edit of a
/// source text outdates its translations; publishing a translation makes it up to date),
/// writes the new text as the next revision and bumps the region's version.
pub(super) fn save_in(
    c: &mut Db,
    who: Who<'_>,
    region_id: &str,
    languages: &[RegionLanguage],
    owner: &OwnerRef,
    lang: &str,
    edit: &TextEdit,
) -> DbResult<Saved> {
    let language = languages
        .iter()
        .find(|l| l.code() == lang)
        .ok_or(DbError::NotFound)?;
    let title = required_text("title", &edit.title, TITLE_MAX)?;
    let excerpt = edit.excerpt.trim().to_owned();
    if excerpt.chars().count() > EXCERPT_MAX {
        return Err(FieldError::new("excerpt", "too_long", "is too long")
            .with_limit(EXCERPT_MAX)
            .into());
    }
    if edit.content.chars().count() > CONTENT_MAX {
        return Err(FieldError::new("content", "too_long", "is too long")
            .with_limit(CONTENT_MAX)
            .into());
    }
    if edit.status == PubState::Archived {
        return Err(invalid(
            "status",
            "publication_transition",
            "archive the page, not its text",
        ));
    }
    let current = find_text(c, owner, &language.language.id)?;
    let from = match &current {
        Some(t) => PubState::parse(&t.status).unwrap_or(PubState::Draft),
        None => PubState::Draft,
    };
    let status = publication_step(from, edit.status)?;
    let is_translation = language.source_code.is_some();
    let old_tr = current
        .as_ref()
        .map(|t| TrStatus::parse(&t.translation_status).unwrap_or(TrStatus::Outdated))
        .unwrap_or(TrStatus::Missing);
    let tr_status = if !is_translation {
        if current.is_some() {
            old_tr
        } else {
            TrStatus::UpToDate
        }
    } else if status == PubState::Published {
        translation::next(old_tr, TrEvent::PublishTranslation)
            .map_err(|e| FieldError::new("status", e.code, e.to_string()))?
    } else if old_tr == TrStatus::InTranslation {
        old_tr
    } else {
        translation::next(old_tr, TrEvent::StartTranslation)
            .map_err(|e| FieldError::new("status", e.code, e.to_string()))?
    };
    let t = now();
    let text = match &current {
        Some(cur) => {
            if edit.version != cur.version {
                return Err(stale(c, cur));
            }
            if !has_revision(c, &cur.id, cur.version)? {
                insert_revision(
                    c,
                    who,
                    &cur.id,
                    cur.version,
                    (&cur.title, &cur.excerpt, &cur.content),
                    &cur.status,
                    false,
                    cur.updated_at,
                    cur.updated_by.as_deref(),
                )?;
            }
            let changed = diesel::update(
                tx::table
                    .filter(tx::id.eq(&cur.id))
                    .filter(tx::version.eq(edit.version)),
            )
            .set((
                tx::title.eq(&title),
                tx::excerpt.eq(&excerpt),
                tx::content.eq(&edit.content),
                tx::status.eq(status.as_str()),
                tx::translation_status.eq(tr_status.as_str()),
                tx::last_updated.eq(t),
                tx::passthrough.eq(edited_passthrough(&cur.passthrough)),
                tx::updated_at.eq(t),
                tx::updated_by.eq(who.user_id),
                tx::version.eq(edit.version + 1),
            ))
            .execute(c)?;
            let id = cur.id.clone();
            check_versioned_update(c, changed, |c| {
                tx::table
                    .find(&id)
                    .select((tx::updated_by, tx::updated_at))
                    .first(c)
            })?;
            cur.id.clone()
        }
        None => {
            if edit.version != 0 {
                return Err(DbError::NotFound);
            }
            create_text(
                c, who, region_id, owner, language, &title, status, tr_status, edit, t,
            )?
        }
    };
    let text: TextRow = tx::table
        .find(&text)
        .select(TextRow::as_select())
        .first(c)?;
    insert_revision(
        c,
        who,
        &text.id,
        text.version,
        (&text.title, &text.excerpt, &text.content),
        &text.status,
        edit.minor,
        t,
        who.user_id,
    )?;
    // The source changed: its translations follow the state machine.
    let event = if edit.minor {
        TrEvent::SourceMinorEdit
    } else {
        TrEvent::SourceMajorEdit
    };
    let mut outdated = Vec::new();
    for code in targets_of(languages, lang)? {
        let Some(target) = languages.iter().find(|l| l.code() == code) else {
            continue;
        };
        let Some(tt) = find_text(c, owner, &target.language.id)? else {
            continue;
        };
        let before = TrStatus::parse(&tt.translation_status).unwrap_or(TrStatus::Outdated);
        let mut after = [before];
        // Source edits are allowed in every status (see the domain's table).
        let _ = translation::apply_all(&mut after, event);
        if after[0] != before {
            diesel::update(tx::table.filter(tx::id.eq(&tt.id)))
                .set(tx::translation_status.eq(after[0].as_str()))
                .execute(c)?;
            if after[0] == TrStatus::Outdated {
                outdated.push(code);
            }
        }
    }
    bump_region(c, who, region_id)?;
    audit::append(
        c,
        who,
        Entry::new(
            if current.is_some() {
                "portal.text.update"
            } else {
                "portal.text.create"
            },
            "portal_text",
            Some(&text.id),
        )
        .detail(serde_json::json!({
            "kind": owner.kind, "language": lang, "version": text.version,
            "minor": edit.minor, "status": text.status,
            "translation_status": text.translation_status, "outdated": outdated,
        })),
    )?;
    Ok(Saved { text, outdated })
}

fn stale(c: &mut Db, cur: &TextRow) -> DbError {
    let by = match &cur.updated_by {
        Some(id) => crate::users::display_name_of(c, id).unwrap_or_else(|| id.clone()),
        None => "the system".to_owned(),
    };
    DbError::Stale {
        by,
        at: crate::dialect::format_ts(cur.updated_at),
    }
}

#[allow(clippy::too_many_arguments)]
fn create_text(
    c: &mut Db,
    who: Who<'_>,
    region_id: &str,
    owner: &OwnerRef,
    language: &RegionLanguage,
    title: &str,
    status: PubState,
    tr_status: TrStatus,
    edit: &TextEdit,
    t: PrimitiveDateTime,
) -> DbResult<String> {
    let external_id = next_text_external_id(c, who.tenant_id)?;
    // Slugs are unique per region and language.
    let taken: Vec<String> = if owner.kind == PAGE {
        let pages: Vec<String> = pp::table
            .filter(pp::region_id.eq(region_id))
            .select(pp::id)
            .load(c)?;
        let mut out = Vec::new();
        for chunk in pages.chunks(500) {
            out.extend(
                tx::table
                    .filter(tx::kind.eq(PAGE))
                    .filter(tx::language_id.eq(&language.language.id))
                    .filter(tx::owner_id.eq_any(chunk))
                    .select(tx::slug)
                    .load::<String>(c)?,
            );
        }
        out
    } else {
        vec![]
    };
    let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
    let slug = slug::unique_slug(
        &slug::slug_or_id(title, u64::try_from(external_id).unwrap_or(0)),
        &taken,
    );
    let id = uuid();
    diesel::insert_into(tx::table)
        .values((
            tx::id.eq(&id),
            tx::tenant_id.eq(who.tenant_id),
            tx::kind.eq(owner.kind),
            tx::owner_id.eq(&owner.id),
            tx::language_id.eq(&language.language.id),
            tx::external_id.eq(external_id),
            tx::slug.eq(slug),
            tx::title.eq(title),
            tx::excerpt.eq(edit.excerpt.trim()),
            tx::content.eq(&edit.content),
            tx::status.eq(status.as_str()),
            tx::translation_status.eq(tr_status.as_str()),
            tx::last_updated.eq(t),
            tx::passthrough.eq("{}"),
            tx::created_at.eq(t),
            tx::created_by.eq(who.user_id),
            tx::updated_at.eq(t),
            tx::updated_by.eq(who.user_id),
            tx::version.eq(1),
        ))
        .execute(c)?;
    Ok(id)
}

fn next_text_external_id(c: &mut Db, tenant_id: &str) -> DbResult<i64> {
    let max: Option<i64> = tx::table
        .filter(tx::tenant_id.eq(tenant_id))
        .select(diesel::dsl::max(tx::external_id))
        .first(c)?;
    Ok(max.unwrap_or(0).saturating_add(1))
}
