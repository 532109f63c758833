//! Editing the portal (issue 6, part 2): which regions an editor may edit, the page tree with
//! each language's status, new pages, moving and archiving, texts with revisions, the
//! translation-status and publication state machines of `ankommen_domain::portal`, the
//! coverage report, the region imprint and readers' feedback.
//!
//! Every write runs in one transaction, is audited, and bumps `portal_regions.version` when
//! it changes what the public API serves (its caches are keyed by that version).

use std::collections::HashMap;

use ankommen_domain::Role;
use ankommen_domain::portal::language::{LanguageCode, LanguageNode, LanguageTree};
use ankommen_domain::portal::page::{PageNode, PageTree};
use ankommen_domain::portal::publication::{self, State as PubState};
use ankommen_domain::portal::slug;
use ankommen_domain::portal::translation::{self, Coverage, Event as TrEvent, Status as TrStatus};
use ankommen_domain::validate::{FieldError, required_text};
use diesel::prelude::*;
use serde::Serialize;
use time::PrimitiveDateTime;

use super::{LanguageRow, PAGE, PageRow, RegionRow, TextRow};
use crate::audit::{self, Entry};
use crate::schema::{
    portal_editor_regions as er, portal_feedback as fb, portal_pages as pp, portal_regions as pr,
    portal_text_revisions as rev, portal_texts as tx, users as u,
};
use crate::{Db, DbError, DbResult, Who, check_versioned_update, now, write_tx};

/// `kind` of the region imprint's texts (`owner_id` is the region's id).
pub use super::IMPRINT;

/// Longest title and excerpt an editor may save; content up to 200,000 characters.
pub const TITLE_MAX: usize = 250;
pub const EXCERPT_MAX: usize = 2_000;
pub const CONTENT_MAX: usize = 200_000;

fn uuid() -> String {
    uuid::Uuid::now_v7().to_string()
}

fn invalid(field: &'static str, code: &'static str, message: impl Into<String>) -> DbError {
    DbError::Invalid(FieldError::new(field, code, message))
}

// ---------------------------------------------------------------------------------------
// Who may edit which region.

/// Regions the user may open in the editor: administrators all, editors those they are bound
/// to (by slug), everybody else none.
pub fn editable_regions(
    conn: &mut Db,
    tenant_id: &str,
    user_id: &str,
    role: Role,
) -> DbResult<Vec<RegionRow>> {
    let all = super::regions(conn, tenant_id)?;
    match role {
        Role::Admin => Ok(all),
        Role::Editor => {
            let slugs: Vec<String> = er::table
                .filter(er::tenant_id.eq(tenant_id))
                .filter(er::user_id.eq(user_id))
                .select(er::region_slug)
                .load(conn)?;
            Ok(all
                .into_iter()
                .filter(|r| slugs.contains(&r.slug))
                .collect())
        }
        _ => Ok(vec![]),
    }
}

/// One region the user may edit; `NotFound` when it does not exist or is not theirs.
pub fn editable_region(
    conn: &mut Db,
    tenant_id: &str,
    user_id: &str,
    role: Role,
    slug: &str,
) -> DbResult<RegionRow> {
    editable_regions(conn, tenant_id, user_id, role)?
        .into_iter()
        .find(|r| r.slug == slug)
        .ok_or(DbError::NotFound)
}

/// An editor bound to a region.
#[derive(Debug, Clone, Serialize)]
pub struct Binding {
    pub user_id: String,
    pub username: String,
    pub display_name: String,
    pub region_slug: String,
}

/// The editors bound to a region.
pub fn editors_of(conn: &mut Db, tenant_id: &str, region_slug: &str) -> DbResult<Vec<Binding>> {
    let rows: Vec<(String, String, String, String)> = er::table
        .inner_join(u::table.on(u::id.eq(er::user_id)))
        .filter(er::tenant_id.eq(tenant_id))
        .filter(er::region_slug.eq(region_slug))
        .order(u::username)
        .select((er::user_id, u::username, u::display_name, er::region_slug))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(user_id, username, display_name, region_slug)| Binding {
            user_id,
            username,
            display_name,
            region_slug,
        })
        .collect())
}

/// Binds an editor to a region (by slug, so it survives a re-import); binding twice is fine.
pub fn bind_editor(conn: &mut Db, who: Who<'_>, user_id: &str, region_slug: &str) -> DbResult<()> {
    write_tx(conn, who.tenant_id, |c| {
        super::region(c, who.tenant_id, region_slug)?;
        let user = crate::users::get(c, who.tenant_id, user_id)?;
        if user.role != Role::Editor {
            return Err(invalid(
                "user_id",
                "not_an_editor",
                "only users with the editor role can be bound to a region",
            ));
        }
        if !insert_binding(c, who, user_id, region_slug)? {
            return Ok(());
        }
        audit::append(
            c,
            who,
            Entry::new("portal.editor.bind", "user", Some(user_id))
                .detail(serde_json::json!({ "region": region_slug })),
        )?;
        Ok(())
    })
}

/// Stores a binding unless it exists (`false`: it did). The region need not exist yet (the
/// demo binds before it imports the portal). Inside a write transaction.
pub(crate) fn insert_binding(
    c: &mut Db,
    who: Who<'_>,
    user_id: &str,
    region_slug: &str,
) -> DbResult<bool> {
    let exists: i64 = er::table
        .filter(er::user_id.eq(user_id))
        .filter(er::region_slug.eq(region_slug))
        .count()
        .get_result(c)?;
    if exists > 0 {
        return Ok(false);
    }
    diesel::insert_into(er::table)
        .values((
            er::id.eq(uuid()),
            er::tenant_id.eq(who.tenant_id),
            er::user_id.eq(user_id),
            er::region_slug.eq(region_slug),
            er::created_at.eq(now()),
            er::created_by.eq(who.user_id),
        ))
        .execute(c)?;
    Ok(true)
}

/// Removes an editor's binding to a region.
pub fn unbind_editor(
    conn: &mut Db,
    who: Who<'_>,
    user_id: &str,
    region_slug: &str,
) -> DbResult<()> {
    write_tx(conn, who.tenant_id, |c| {
        let n = diesel::delete(
            er::table
                .filter(er::tenant_id.eq(who.tenant_id))
                .filter(er::user_id.eq(user_id))
                .filter(er::region_slug.eq(region_slug)),
        )
        .execute(c)?;
        if n == 0 {
            return Err(DbError::NotFound);
        }
        audit::append(
            c,
            who,
            Entry::new("portal.editor.unbind", "user", Some(user_id))
                .detail(serde_json::json!({ "region": region_slug })),
        )?;
        Ok(())
    })
}

// ---------------------------------------------------------------------------------------
// Languages.

/// A language of a region with the code of the language its texts are translated from.
#[derive(Debug, Clone, Serialize)]
pub struct RegionLanguage {
    pub language: LanguageRow,
    /// `None` for the root language (German).
    pub source_code: Option<String>,
}

impl RegionLanguage {
    pub fn code(&self) -> &str {
        &self.language.code
    }
    pub fn is_rtl(&self) -> bool {
        self.language.dir == "rtl"
    }
}

/// A region's languages in their order.
pub fn region_languages(conn: &mut Db, region_id: &str) -> DbResult<Vec<RegionLanguage>> {
    Ok(super::languages(conn, region_id)?
        .into_iter()
        .map(|(language, source_code)| RegionLanguage {
            language,
            source_code,
        })
        .collect())
}

/// The domain's source-language tree of a region.
fn language_tree(languages: &[RegionLanguage]) -> DbResult<LanguageTree> {
    let mut nodes = Vec::with_capacity(languages.len());
    for l in languages {
        nodes.push(LanguageNode {
            code: LanguageCode::parse(l.code())?,
            source: l
                .source_code
                .as_deref()
                .map(LanguageCode::parse)
                .transpose()?,
        });
    }
    LanguageTree::new(&nodes).map_err(|mut e| {
        DbError::Invalid(
            e.pop()
                .unwrap_or_else(|| FieldError::new("language", "invalid", "bad language tree")),
        )
    })
}

/// The codes of the languages translated from `code`.
fn targets_of(languages: &[RegionLanguage], code: &str) -> DbResult<Vec<String>> {
    let tree = language_tree(languages)?;
    let code = LanguageCode::parse(code)?;
    Ok(tree
        .targets_of(&code)
        .into_iter()
        .map(|c| c.as_str().to_owned())
        .collect())
}

/// Whether other languages are translated from `code` (only such texts have minor edits).
pub fn is_source_language(languages: &[RegionLanguage], code: &str) -> bool {
    targets_of(languages, code).is_ok_and(|t| !t.is_empty())
}

// ---------------------------------------------------------------------------------------
// The page tree.

/// One language's text of a page, as the tree shows it.
#[derive(Debug, Clone, Serialize)]
pub struct TextState {
    pub code: String,
    pub title: Option<String>,
    /// Publication state (`draft`, `review`, `published`); `None` without a text.
    pub status: Option<String>,
    pub translation: TrStatus,
}

/// A page in tree order.
#[derive(Debug, Clone, Serialize)]
pub struct TreePage {
    pub page: PageRow,
    pub depth: usize,
    /// The title in the root language, else the first language that has one.
    pub title: String,
    /// Archived itself or below an archived page.
    pub archived: bool,
    pub first: bool,
    pub last: bool,
    /// One entry per region language, in the region's order.
    pub texts: Vec<TextState>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RegionTree {
    pub languages: Vec<RegionLanguage>,
    pub pages: Vec<TreePage>,
}

fn all_pages(c: &mut Db, region_id: &str) -> DbResult<Vec<PageRow>> {
    Ok(pp::table
        .filter(pp::region_id.eq(region_id))
        .order((pp::position, pp::external_id))
        .select(PageRow::as_select())
        .load(c)?)
}

/// Texts of `kind` for the owners, in every language and state.
fn texts_of(c: &mut Db, kind: &str, owners: &[String]) -> DbResult<Vec<TextRow>> {
    let mut out = Vec::new();
    for chunk in owners.chunks(500) {
        out.extend(
            tx::table
                .filter(tx::kind.eq(kind))
                .filter(tx::owner_id.eq_any(chunk))
                .select(TextRow::as_select())
                .load(c)?,
        );
    }
    Ok(out)
}

/// The domain's page tree over the rows (page ids are indexes into `pages`; positions are
/// ranks among siblings, so imported duplicates of `order` do not break it).
fn domain_tree(pages: &[PageRow]) -> DbResult<PageTree> {
    let index: HashMap<&str, u64> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i as u64))
        .collect();
    let mut siblings: HashMap<Option<&str>, Vec<usize>> = HashMap::new();
    for (i, p) in pages.iter().enumerate() {
        siblings.entry(p.parent_id.as_deref()).or_default().push(i);
    }
    let mut rank = vec![0u32; pages.len()];
    for list in siblings.values_mut() {
        list.sort_by_key(|i| (pages[*i].position, pages[*i].external_id));
        for (r, i) in list.iter().enumerate() {
            rank[*i] = r as u32;
        }
    }
    let nodes: Vec<PageNode> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| PageNode {
            id: i as u64,
            parent: p
                .parent_id
                .as_deref()
                .and_then(|pid| index.get(pid).copied()),
            position: rank[i],
            archived: p.archived,
        })
        .collect();
    PageTree::new(&nodes).map_err(|mut e| {
        DbError::Invalid(
            e.pop()
                .unwrap_or_else(|| FieldError::new("parent", "invalid", "bad page tree")),
        )
    })
}

/// All pages of a region (archived ones too) in tree order, with each language's status.
pub fn page_tree(conn: &mut Db, region_id: &str) -> DbResult<RegionTree> {
    let languages = region_languages(conn, region_id)?;
    let pages = all_pages(conn, region_id)?;
    let ids: Vec<String> = pages.iter().map(|p| p.id.clone()).collect();
    let texts = texts_of(conn, PAGE, &ids)?;
    let by_key: HashMap<(&str, &str), &TextRow> = texts
        .iter()
        .map(|t| ((t.owner_id.as_str(), t.language_id.as_str()), t))
        .collect();
    let tree = domain_tree(&pages)?;
    let mut order: Vec<(u64, usize, bool, bool)> = Vec::new();
    fn walk(
        tree: &PageTree,
        parent: Option<u64>,
        depth: usize,
        out: &mut Vec<(u64, usize, bool, bool)>,
    ) {
        let children = tree.ordered_children(parent);
        let n = children.len();
        for (k, c) in children.into_iter().enumerate() {
            out.push((c.id, depth, k == 0, k + 1 == n));
            if depth < 64 {
                walk(tree, Some(c.id), depth + 1, out);
            }
        }
    }
    walk(&tree, None, 0, &mut order);
    let mut out = Vec::with_capacity(order.len());
    for (id, depth, first, last) in order {
        let Some(page) = pages.get(id as usize) else {
            continue;
        };
        let states: Vec<TextState> = languages
            .iter()
            .map(|l| {
                let t = by_key.get(&(page.id.as_str(), l.language.id.as_str()));
                TextState {
                    code: l.language.code.clone(),
                    title: t.map(|t| t.title.clone()),
                    status: t.map(|t| t.status.clone()),
                    translation: t
                        .map(|t| {
                            TrStatus::parse(&t.translation_status).unwrap_or(TrStatus::Outdated)
                        })
                        .unwrap_or(TrStatus::Missing),
                }
            })
            .collect();
        let title = languages
            .iter()
            .filter(|l| l.source_code.is_none())
            .chain(languages.iter())
            .find_map(|l| by_key.get(&(page.id.as_str(), l.language.id.as_str())))
            .map(|t| t.title.clone())
            .unwrap_or_else(|| format!("#{}", page.external_id));
        out.push(TreePage {
            page: page.clone(),
            depth,
            title,
            archived: tree.is_archived(id),
            first,
            last,
            texts: states,
        });
    }
    Ok(RegionTree {
        languages,
        pages: out,
    })
}

/// Coverage of one language: counts of the statuses of the region's pages that are not
/// archived.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageCoverage {
    pub language: RegionLanguage,
    pub coverage: Coverage,
}

/// The coverage report of a region, one entry per language (domain `coverage`).
pub fn coverage(conn: &mut Db, region_id: &str) -> DbResult<Vec<LanguageCoverage>> {
    let tree = page_tree(conn, region_id)?;
    Ok(coverage_of(&tree))
}

/// The coverage report of a tree already loaded.
pub fn coverage_of(tree: &RegionTree) -> Vec<LanguageCoverage> {
    tree.languages
        .iter()
        .enumerate()
        .map(|(i, l)| LanguageCoverage {
            language: l.clone(),
            coverage: translation::coverage(
                tree.pages
                    .iter()
                    .filter(|p| !p.archived)
                    .filter_map(|p| p.texts.get(i).map(|t| t.translation)),
            ),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Pages: create, move, archive.

/// A new page with its text in the region's root language (cleaned HTML).
#[derive(Debug, Clone)]
pub struct NewPage {
    /// The parent's external id; `None`: top level.
    pub parent: Option<i64>,
    /// Place among its siblings (0 = first); `None` or too large: last.
    pub position: Option<usize>,
    pub title: String,
    pub excerpt: String,
    pub content: String,
}

fn bump_region(c: &mut Db, who: Who<'_>, region_id: &str) -> DbResult<()> {
    // Municipalities show the county's pages too: their caches go stale with it.
    diesel::update(
        pr::table.filter(
            pr::id
                .eq(region_id)
                .or(pr::parent_region_id.eq(Some(region_id))),
        ),
    )
    .set((
        pr::version.eq(pr::version + 1),
        pr::updated_at.eq(now()),
        pr::updated_by.eq(who.user_id),
    ))
    .execute(c)?;
    Ok(())
}

/// A page of the region by its external id (the id the API and the editor's URLs show).
pub fn page_by_external_id(conn: &mut Db, region_id: &str, external_id: i64) -> DbResult<PageRow> {
    Ok(pp::table
        .filter(pp::region_id.eq(region_id))
        .filter(pp::external_id.eq(external_id))
        .select(PageRow::as_select())
        .first(conn)?)
}

/// Puts `ids` (siblings, in their new order) at positions 0, 1, 2, …
fn renumber(c: &mut Db, ids: &[String]) -> DbResult<()> {
    for (i, id) in ids.iter().enumerate() {
        diesel::update(pp::table.filter(pp::id.eq(id)))
            .set(pp::position.eq(i32::try_from(i).unwrap_or(i32::MAX)))
            .execute(c)?;
    }
    Ok(())
}

fn siblings(c: &mut Db, region_id: &str, parent: Option<&str>) -> DbResult<Vec<String>> {
    let mut q = pp::table.filter(pp::region_id.eq(region_id)).into_boxed();
    q = match parent {
        Some(p) => q.filter(pp::parent_id.eq(p.to_owned())),
        None => q.filter(pp::parent_id.is_null()),
    };
    Ok(q.order((pp::position, pp::external_id))
        .select(pp::id)
        .load(c)?)
}

fn next_text_external_id(c: &mut Db, tenant_id: &str) -> DbResult<i64> {
    let max: Option<i64> = tx::table
        .filter(tx::tenant_id.eq(tenant_id))
        .select(diesel::dsl::max(tx::external_id))
        .first(c)?;
    Ok(max.unwrap_or(0).saturating_add(1))
}

/// Creates a page with its root-language text as a draft; returns the page.
pub fn create_page(
    conn: &mut Db,
    who: Who<'_>,
    region_id: &str,
    new: &NewPage,
) -> DbResult<PageRow> {
    let title = required_text("title", &new.title, TITLE_MAX)?;
    write_tx(conn, who.tenant_id, |c| {
        let languages = region_languages(c, region_id)?;
        let root = languages
            .iter()
            .find(|l| l.source_code.is_none())
            .ok_or_else(|| invalid("language", "no_root", "the region has no root language"))?
            .clone();
        let parent = match new.parent {
            Some(ext) => Some(page_by_external_id(c, region_id, ext).map_err(|e| match e {
                DbError::NotFound => invalid("parent", "unknown_parent", "no such parent page"),
                e => e,
            })?),
            None => None,
        };
        let max: Option<i64> = pp::table
            .filter(pp::region_id.eq(region_id))
            .select(diesel::dsl::max(pp::external_id))
            .first(c)?;
        let external_id = max.unwrap_or(0).saturating_add(1);
        let id = uuid();
        let t = now();
        diesel::insert_into(pp::table)
            .values((
                pp::id.eq(&id),
                pp::tenant_id.eq(who.tenant_id),
                pp::region_id.eq(region_id),
                pp::external_id.eq(external_id),
                pp::parent_id.eq(parent.as_ref().map(|p| p.id.clone())),
                pp::position.eq(i32::MAX),
                pp::archived.eq(false),
                pp::passthrough.eq("{}"),
                pp::created_at.eq(t),
                pp::created_by.eq(who.user_id),
                pp::updated_at.eq(t),
                pp::updated_by.eq(who.user_id),
                pp::version.eq(1),
            ))
            .execute(c)?;
        let mut order: Vec<String> =
            siblings(c, region_id, parent.as_ref().map(|p| p.id.as_str()))?
                .into_iter()
                .filter(|s| *s != id)
                .collect();
        let at = new.position.unwrap_or(order.len()).min(order.len());
        order.insert(at, id.clone());
        renumber(c, &order)?;
        let edit = TextEdit {
            title,
            excerpt: new.excerpt.clone(),
            content: new.content.clone(),
            minor: false,
            status: PubState::Draft,
            version: 0,
        };
        let owner = OwnerRef {
            kind: PAGE,
            id: id.clone(),
        };
        save_in(c, who, region_id, &languages, &owner, root.code(), &edit)?;
        audit::append(
            c,
            who,
            Entry::new("portal.page.create", "portal_page", Some(&id))
                .detail(serde_json::json!({ "external_id": external_id })),
        )?;
        Ok(pp::table.find(&id).select(PageRow::as_select()).first(c)?)
    })
}

/// Moves a page one place up or down among its siblings (nothing at either end).
pub fn move_page(
    conn: &mut Db,
    who: Who<'_>,
    region_id: &str,
    external_id: i64,
    up: bool,
) -> DbResult<()> {
    write_tx(conn, who.tenant_id, |c| {
        let page = page_by_external_id(c, region_id, external_id)?;
        let mut order = siblings(c, region_id, page.parent_id.as_deref())?;
        let Some(i) = order.iter().position(|s| *s == page.id) else {
            return Err(DbError::NotFound);
        };
        let j = if up { i.checked_sub(1) } else { Some(i + 1) };
        match j {
            Some(j) if j < order.len() => order.swap(i, j),
            _ => return Ok(()),
        }
        renumber(c, &order)?;
        bump_region(c, who, region_id)?;
        audit::append(
            c,
            who,
            Entry::new("portal.page.move", "portal_page", Some(&page.id))
                .detail(serde_json::json!({ "up": up })),
        )?;
        Ok(())
    })
}

/// Archives or unarchives a page together with every page below it.
pub fn set_archived(
    conn: &mut Db,
    who: Who<'_>,
    region_id: &str,
    external_id: i64,
    archived: bool,
) -> DbResult<usize> {
    write_tx(conn, who.tenant_id, |c| {
        let page = page_by_external_id(c, region_id, external_id)?;
        let pages = all_pages(c, region_id)?;
        let mut subtree = vec![page.id.clone()];
        let mut k = 0;
        while k < subtree.len() && subtree.len() <= pages.len() {
            let parent = subtree[k].clone();
            subtree.extend(
                pages
                    .iter()
                    .filter(|p| p.parent_id.as_deref() == Some(parent.as_str()))
                    .map(|p| p.id.clone()),
            );
            k += 1;
        }
        let t = now();
        for id in &subtree {
            diesel::update(pp::table.filter(pp::id.eq(id)))
                .set((
                    pp::archived.eq(archived),
                    pp::updated_at.eq(t),
                    pp::updated_by.eq(who.user_id),
                    pp::version.eq(pp::version + 1),
                ))
                .execute(c)?;
        }
        bump_region(c, who, region_id)?;
        audit::append(
            c,
            who,
            Entry::new(
                if archived {
                    "portal.page.archive"
                } else {
                    "portal.page.unarchive"
                },
                "portal_page",
                Some(&page.id),
            )
            .detail(serde_json::json!({ "pages": subtree.len() })),
        )?;
        Ok(subtree.len())
    })
}

// ---------------------------------------------------------------------------------------
// Texts: edit, create a translation, revisions, restore.

/// Whose text: a page (by external id) or the region's imprint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Page(i64),
    Imprint,
}

struct OwnerRef {
    kind: &'static str,
    id: String,
}

fn resolve_owner(c: &mut Db, region_id: &str, owner: Owner) -> DbResult<OwnerRef> {
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

fn find_text(c: &mut Db, owner: &OwnerRef, language_id: &str) -> DbResult<Option<TextRow>> {
    Ok(tx::table
        .filter(tx::kind.eq(owner.kind))
        .filter(tx::owner_id.eq(&owner.id))
        .filter(tx::language_id.eq(language_id))
        .select(TextRow::as_select())
        .first(c)
        .optional()?)
}

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

fn has_revision(c: &mut Db, text_id: &str, revision: i32) -> DbResult<bool> {
    let n: i64 = rev::table
        .filter(rev::text_id.eq(text_id))
        .filter(rev::revision.eq(revision))
        .count()
        .get_result(c)?;
    Ok(n > 0)
}

#[allow(clippy::too_many_arguments)]
fn insert_revision(
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
fn save_in(
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

// ---------------------------------------------------------------------------------------
// Feedback.

/// Readers' feedback as editors see it (without the rate-limit key).
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = fb)]
pub struct FeedbackRow {
    pub id: String,
    pub region_id: String,
    pub language_code: String,
    pub target_kind: String,
    pub target_slug: Option<String>,
    pub rating: Option<String>,
    pub comment: Option<String>,
    pub query: Option<String>,
    pub created_at: PrimitiveDateTime,
    pub read_at: Option<PrimitiveDateTime>,
    pub read_by: Option<String>,
}

/// A region's feedback, unread first, newest first within each (at most 500).
pub fn feedback(conn: &mut Db, region_id: &str) -> DbResult<Vec<FeedbackRow>> {
    let mut rows: Vec<FeedbackRow> = fb::table
        .filter(fb::region_id.eq(region_id))
        .order(fb::created_at.desc())
        .limit(500)
        .select(FeedbackRow::as_select())
        .load(conn)?;
    rows.sort_by_key(|r| r.read_at.is_some());
    Ok(rows)
}

/// Marks one feedback of the region as read or unread.
pub fn mark_feedback(
    conn: &mut Db,
    who: Who<'_>,
    region_id: &str,
    id: &str,
    read: bool,
) -> DbResult<()> {
    write_tx(conn, who.tenant_id, |c| {
        let (at, by) = if read {
            (Some(now()), who.user_id)
        } else {
            (None, None)
        };
        let n = diesel::update(
            fb::table
                .filter(fb::tenant_id.eq(who.tenant_id))
                .filter(fb::region_id.eq(region_id))
                .filter(fb::id.eq(id)),
        )
        .set((fb::read_at.eq(at), fb::read_by.eq(by)))
        .execute(c)?;
        if n == 0 {
            return Err(DbError::NotFound);
        }
        audit::append(
            c,
            who,
            Entry::new(
                if read {
                    "portal.feedback.read"
                } else {
                    "portal.feedback.unread"
                },
                "portal_feedback",
                Some(id),
            ),
        )?;
        Ok(())
    })
}
