//! Revisions of a text: storing them, listing them, restoring one.

use std::collections::HashMap;

use ankommen_domain::portal::publication::State as PubState;
use diesel::prelude::*;
use serde::Serialize;
use time::PrimitiveDateTime;

use super::texts::{Owner, Saved, TextEdit, find_text, resolve_owner, save_in, text_of};
use super::tree::{RegionLanguage, region_languages};
use super::uuid;
use crate::audit::{self, Entry};
use crate::portal::TextRow;
use crate::schema::portal_text_revisions as rev;
use crate::{Db, DbError, DbResult, Who, write_tx};

/// A stored earlier (or the current) version of a text.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = rev)]
pub struct RevisionRow {
    pub id: String,
    pub text_id: String,
    pub revision: i32,
    pub title: String,
    pub excerpt: String,
    pub content: String,
    pub status: String,
    pub minor_edit: bool,
    pub created_at: PrimitiveDateTime,
    pub created_by: Option<String>,
}

pub(super) fn has_revision(c: &mut Db, text_id: &str, revision: i32) -> DbResult<bool> {
    let n: i64 = rev::table
        .filter(rev::text_id.eq(text_id))
        .filter(rev::revision.eq(revision))
        .count()
        .get_result(c)?;
    Ok(n > 0)
}

#[allow(clippy::too_many_arguments)]
pub(super) fn insert_revision(
    c: &mut Db,
    who: Who<'_>,
    text_id: &str,
    revision: i32,
    (title, excerpt, content): (&str, &str, &str),
    status: &str,
    minor: bool,
    at: PrimitiveDateTime,
    by: Option<&str>,
) -> DbResult<()> {
    diesel::insert_into(rev::table)
        .values((
            rev::id.eq(uuid()),
            rev::tenant_id.eq(who.tenant_id),
            rev::text_id.eq(text_id),
            rev::revision.eq(revision),
            rev::title.eq(title),
            rev::excerpt.eq(excerpt),
            rev::content.eq(content),
            rev::status.eq(status),
            rev::minor_edit.eq(minor),
            rev::created_at.eq(at),
            rev::created_by.eq(by),
        ))
        .execute(c)?;
    Ok(())
}

/// A revision with the display name of its author.
#[derive(Debug, Clone, Serialize)]
pub struct Revision {
    pub revision: RevisionRow,
    pub author: Option<String>,
}

/// The revisions of a text, newest first (the newest is the current text).
pub fn revisions(
    conn: &mut Db,
    region_id: &str,
    owner: Owner,
    lang: &str,
) -> DbResult<(RegionLanguage, TextRow, Vec<Revision>)> {
    let (language, text) = text_of(conn, region_id, owner, lang)?;
    let text = text.ok_or(DbError::NotFound)?;
    let rows: Vec<RevisionRow> = rev::table
        .filter(rev::text_id.eq(&text.id))
        .order(rev::revision.desc())
        .select(RevisionRow::as_select())
        .load(conn)?;
    let mut names: HashMap<String, Option<String>> = HashMap::new();
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let author = match &r.created_by {
            Some(id) => names
                .entry(id.clone())
                .or_insert_with(|| crate::users::display_name_of(conn, id))
                .clone(),
            None => None,
        };
        out.push(Revision {
            revision: r,
            author,
        });
    }
    Ok((language, text, out))
}

/// Restores a revision: a new edit with the old title, excerpt and content (itself kept as
/// a revision), in the text's current publication state; a major edit.
pub fn restore_revision(
    conn: &mut Db,
    who: Who<'_>,
    region_id: &str,
    owner: Owner,
    lang: &str,
    revision: i32,
    version: i32,
) -> DbResult<Saved> {
    write_tx(conn, who.tenant_id, |c| {
        let languages = region_languages(c, region_id)?;
        let owner = resolve_owner(c, region_id, owner)?;
        let language = languages
            .iter()
            .find(|l| l.code() == lang)
            .ok_or(DbError::NotFound)?;
        let text = find_text(c, &owner, &language.language.id)?.ok_or(DbError::NotFound)?;
        let old: RevisionRow = rev::table
            .filter(rev::text_id.eq(&text.id))
            .filter(rev::revision.eq(revision))
            .select(RevisionRow::as_select())
            .first(c)?;
        let edit = TextEdit {
            title: old.title,
            excerpt: old.excerpt,
            content: old.content,
            minor: false,
            status: PubState::parse(&text.status).unwrap_or(PubState::Draft),
            version,
        };
        let saved = save_in(c, who, region_id, &languages, &owner, lang, &edit)?;
        audit::append(
            c,
            who,
            Entry::new("portal.text.restore", "portal_text", Some(&text.id))
                .detail(serde_json::json!({ "revision": revision })),
        )?;
        Ok(saved)
    })
}
