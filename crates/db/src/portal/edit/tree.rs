//! A region's languages, its page tree with each language's status, and the coverage report.

use std::collections::HashMap;

use ankommen_domain::portal::language::{LanguageCode, LanguageNode, LanguageTree};
use ankommen_domain::portal::page::{PageNode, PageTree};
use ankommen_domain::portal::translation::{self, Coverage, Status as TrStatus};
use ankommen_domain::validate::FieldError;
use diesel::prelude::*;
use serde::Serialize;

use crate::portal::{LanguageRow, PAGE, PageRow, TextRow};
use crate::schema::{portal_pages as pp, portal_texts as tx};
use crate::{Db, DbError, DbResult};

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
    Ok(crate::portal::languages(conn, region_id)?
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
pub(super) fn targets_of(languages: &[RegionLanguage], code: &str) -> DbResult<Vec<String>> {
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

pub(super) fn all_pages(c: &mut Db, region_id: &str) -> DbResult<Vec<PageRow>> {
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
