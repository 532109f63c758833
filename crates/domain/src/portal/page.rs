//! The page tree of a region: parent links with sibling positions and archiving, checked once
//! ([`PageTree::new`]) and then queried the way Integreat's API v3 needs it: `children/?depth=`
//! ([`PageTree::descendants`]) and `parents/` ([`PageTree::ancestors`]). A municipality also
//! shows the county's pages unless it has its own page with the same slug
//! ([`effective_pages`]).

use std::collections::{HashMap, HashSet};

use crate::validate::FieldError;

/// A page id: numeric, as Integreat's API (and so its app) expects.
pub type PageId = u64;

/// One page's place in the tree (language-independent; titles and slugs are per translation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageNode {
    /// Page id.
    pub id: PageId,
    /// `None` for a root page (Integreat's API shows parent id 0).
    pub parent: Option<PageId>,
    /// Order among siblings, ascending (Integreat's `order`).
    pub position: u32,
    /// Archived pages and everything below them are hidden from the public.
    pub archived: bool,
}

/// Checks a page list. Codes: `duplicate_page_id`, `unknown_parent`, `page_cycle`,
/// `duplicate_position`. All problems are reported at once.
pub fn validate_tree(pages: &[PageNode]) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut by_id: HashMap<PageId, &PageNode> = HashMap::new();
    for p in pages {
        if by_id.insert(p.id, p).is_some() {
            errors.push(FieldError::new(
                "id",
                "duplicate_page_id",
                format!("page {} appears more than once", p.id),
            ));
        }
    }
    let mut slots = HashSet::new();
    for p in pages {
        if let Some(parent) = p.parent
            && !by_id.contains_key(&parent)
        {
            errors.push(FieldError::new(
                "parent",
                "unknown_parent",
                format!("page {} has parent {parent}, which does not exist", p.id),
            ));
        }
        if !slots.insert((p.parent, p.position)) {
            errors.push(FieldError::new(
                "position",
                "duplicate_position",
                format!(
                    "two pages under {} have position {}",
                    p.parent
                        .map_or_else(|| "the root".to_owned(), |x| x.to_string()),
                    p.position
                ),
            ));
        }
    }
    let mut reported: HashSet<PageId> = HashSet::new();
    for p in pages {
        let mut at = p.parent;
        let mut steps = 0usize;
        while let Some(id) = at {
            steps += 1;
            if id == p.id || steps > pages.len() {
                if reported.insert(p.id) {
                    errors.push(FieldError::new(
                        "parent",
                        "page_cycle",
                        format!("page {} is its own ancestor", p.id),
                    ));
                }
                break;
            }
            at = by_id.get(&id).and_then(|n| n.parent);
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// A checked page tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageTree {
    by_id: HashMap<PageId, PageNode>,
    /// Children per parent (`None`: roots), sorted by position.
    children: HashMap<Option<PageId>, Vec<PageId>>,
}

impl PageTree {
    /// Builds the tree after [`validate_tree`].
    pub fn new(pages: &[PageNode]) -> Result<Self, Vec<FieldError>> {
        validate_tree(pages)?;
        let by_id: HashMap<PageId, PageNode> = pages.iter().map(|p| (p.id, *p)).collect();
        let mut children: HashMap<Option<PageId>, Vec<PageId>> = HashMap::new();
        let mut sorted: Vec<&PageNode> = pages.iter().collect();
        sorted.sort_by_key(|p| (p.position, p.id));
        for p in sorted {
            children.entry(p.parent).or_default().push(p.id);
        }
        Ok(Self { by_id, children })
    }

    /// The page with this id.
    pub fn get(&self, id: PageId) -> Option<&PageNode> {
        self.by_id.get(&id)
    }

    /// Number of pages.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether the tree has no pages.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// The children of `parent` (`None`: root pages) by position, archived ones included
    /// (the editor's tree view).
    pub fn ordered_children(&self, parent: Option<PageId>) -> Vec<&PageNode> {
        self.children
            .get(&parent)
            .into_iter()
            .flatten()
            .filter_map(|id| self.by_id.get(id))
            .collect()
    }

    /// The ancestors of `id`, root first, without the page itself (Integreat's `parents/`).
    /// Empty for a root page or an unknown id.
    pub fn ancestors(&self, id: PageId) -> Vec<&PageNode> {
        let mut out = Vec::new();
        let mut at = self.by_id.get(&id).and_then(|p| p.parent);
        while let Some(pid) = at {
            let Some(p) = self.by_id.get(&pid) else { break };
            out.push(p);
            if out.len() > self.by_id.len() {
                break;
            }
            at = p.parent;
        }
        out.reverse();
        out
    }

    /// Whether the page or one of its ancestors is archived (then the public does not see it).
    pub fn is_archived(&self, id: PageId) -> bool {
        self.by_id.get(&id).is_none_or(|p| p.archived)
            || self.ancestors(id).iter().any(|a| a.archived)
    }

    /// The public pages below `start` (`None`: the region root) down to `depth` levels
    /// (1: children only, 0: none), depth-first with siblings by position, without `start`
    /// itself (Integreat's `children/?url=&depth=`). Archived pages and their subtrees are
    /// left out, and so is everything below an archived or unknown `start`.
    pub fn descendants(&self, start: Option<PageId>, depth: u32) -> Vec<&PageNode> {
        let mut out = Vec::new();
        if start.is_some_and(|id| self.is_archived(id)) {
            return out;
        }
        let mut stack: Vec<(PageId, u32)> = Vec::new();
        let push_children = |stack: &mut Vec<(PageId, u32)>, parent, level| {
            if level <= depth {
                for c in self.children.get(&parent).into_iter().flatten().rev() {
                    stack.push((*c, level));
                }
            }
        };
        push_children(&mut stack, start, 1);
        while let Some((id, level)) = stack.pop() {
            let Some(p) = self.by_id.get(&id) else {
                continue;
            };
            if p.archived {
                continue;
            }
            out.push(p);
            push_children(&mut stack, Some(id), level.saturating_add(1));
        }
        out
    }
}

/// Something with a URL slug (a page translation in one language).
pub trait Slugged {
    /// The slug, as produced by [`crate::portal::slug::slug`].
    fn slug(&self) -> &str;
}

/// Where an effective page comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A county-wide page shown in the municipality.
    County,
    /// The municipality's own page.
    Town,
}

/// One page a municipality shows, and the county page it replaces, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Effective<'a, P> {
    /// County or town.
    pub origin: Origin,
    /// The page shown.
    pub page: &'a P,
    /// The same-slug county page this town page overrides: the town page takes its place,
    /// so the caller re-attaches that page's children to it.
    pub replaces: Option<&'a P>,
}

/// The pages a municipality shows in one language: the county's pages in their order, each
/// replaced by the municipality's page with the same slug if there is one, followed by the
/// municipality's remaining pages in their order. Of pages sharing a slug, the first wins.
pub fn effective_pages<'a, P: Slugged>(
    county_pages: &'a [P],
    town_pages: &'a [P],
) -> Vec<Effective<'a, P>> {
    let mut town_by_slug: HashMap<&str, &P> = HashMap::new();
    for t in town_pages {
        town_by_slug.entry(t.slug()).or_insert(t);
    }
    let mut used: HashSet<&str> = HashSet::new();
    let mut out = Vec::with_capacity(county_pages.len() + town_pages.len());
    for c in county_pages {
        match town_by_slug.get(c.slug()) {
            Some(t) => {
                if used.insert(c.slug()) {
                    out.push(Effective {
                        origin: Origin::Town,
                        page: *t,
                        replaces: Some(c),
                    });
                }
            }
            None => out.push(Effective {
                origin: Origin::County,
                page: c,
                replaces: None,
            }),
        }
    }
    for t in town_pages {
        if !used.contains(t.slug()) {
            used.insert(t.slug());
            out.push(Effective {
                origin: Origin::Town,
                page: t,
                replaces: None,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests;
