use super::*;
use proptest::prelude::*;

fn p(id: PageId, parent: Option<PageId>, position: u32) -> PageNode {
    PageNode {
        id,
        parent,
        position,
        archived: false,
    }
}

fn ids(pages: &[&PageNode]) -> Vec<PageId> {
    pages.iter().map(|p| p.id).collect()
}

fn codes(errors: &[FieldError]) -> Vec<&str> {
    errors.iter().map(|e| e.code).collect()
}

/// 1 Ankommen (2 Anmeldung (4 Bürgerbüro), 3 Ausländerbehörde), 5 Deutschkurse (6 Kosten).
fn sample() -> Vec<PageNode> {
    vec![
        p(5, None, 2),
        p(3, Some(1), 2),
        p(1, None, 1),
        p(2, Some(1), 1),
        p(4, Some(2), 1),
        p(6, Some(5), 1),
    ]
}

#[test]
fn children_ancestors_and_descendants() {
    let tree = PageTree::new(&sample()).unwrap();
    assert_eq!(tree.len(), 6);
    assert_eq!(ids(&tree.ordered_children(None)), [1, 5]);
    assert_eq!(ids(&tree.ordered_children(Some(1))), [2, 3]);
    assert!(tree.ordered_children(Some(4)).is_empty());
    assert_eq!(ids(&tree.ancestors(4)), [1, 2]);
    assert!(tree.ancestors(1).is_empty());
    assert!(tree.ancestors(99).is_empty());
    assert_eq!(ids(&tree.descendants(None, 1)), [1, 5]);
    assert_eq!(ids(&tree.descendants(None, 9)), [1, 2, 4, 3, 5, 6]);
    assert_eq!(ids(&tree.descendants(Some(1), 1)), [2, 3]);
    assert_eq!(ids(&tree.descendants(Some(1), 2)), [2, 4, 3]);
    assert!(tree.descendants(Some(1), 0).is_empty());
    assert!(tree.descendants(Some(99), 3).is_empty());
}

#[test]
fn archived_pages_and_their_subtrees_are_not_public() {
    let mut pages = sample();
    for page in &mut pages {
        page.archived = page.id == 2;
    }
    let tree = PageTree::new(&pages).unwrap();
    assert!(tree.is_archived(2) && tree.is_archived(4) && !tree.is_archived(3));
    assert_eq!(ids(&tree.descendants(None, 9)), [1, 3, 5, 6]);
    assert!(tree.descendants(Some(2), 9).is_empty());
    assert!(tree.descendants(Some(4), 9).is_empty());
    assert_eq!(
        ids(&tree.ordered_children(Some(1))),
        [2, 3],
        "editors see archived pages"
    );
}

#[test]
fn broken_trees_are_reported_at_once() {
    let errors = validate_tree(&[
        p(1, None, 1),
        p(1, None, 2),
        p(2, Some(7), 1),
        p(3, None, 1),
    ])
    .unwrap_err();
    assert_eq!(
        codes(&errors),
        ["duplicate_page_id", "unknown_parent", "duplicate_position"]
    );
    let errors =
        validate_tree(&[p(1, Some(2), 1), p(2, Some(3), 1), p(3, Some(1), 1)]).unwrap_err();
    assert_eq!(codes(&errors), ["page_cycle"; 3]);
    let errors = validate_tree(&[p(1, Some(1), 1)]).unwrap_err();
    assert_eq!(codes(&errors), ["page_cycle"]);
    assert!(PageTree::new(&[p(1, Some(1), 1)]).is_err());
    assert!(PageTree::new(&[]).unwrap().is_empty());
}

struct T(&'static str, &'static str);

impl Slugged for T {
    fn slug(&self) -> &str {
        self.0
    }
}

#[test]
fn towns_inherit_county_pages_and_override_by_slug() {
    let county = [
        T("anmeldung", "county"),
        T("deutschkurse", "county"),
        T("gesundheit", "county"),
    ];
    let town = [T("sprachcafe", "town"), T("anmeldung", "town")];
    let pages = effective_pages(&county, &town);
    let shown: Vec<(&str, &str, Origin, bool)> = pages
        .iter()
        .map(|e| (e.page.0, e.page.1, e.origin, e.replaces.is_some()))
        .collect();
    assert_eq!(
        shown,
        [
            ("anmeldung", "town", Origin::Town, true),
            ("deutschkurse", "county", Origin::County, false),
            ("gesundheit", "county", Origin::County, false),
            ("sprachcafe", "town", Origin::Town, false),
        ]
    );
    assert_eq!(pages[0].replaces.map(|r| r.1), Some("county"));
    assert_eq!(effective_pages::<T>(&[], &[]).len(), 0);
}

fn forest() -> impl Strategy<Value = Vec<PageNode>> {
    // Page i's parent is one of the pages before it (or none): always a valid tree.
    proptest::collection::vec((any::<bool>(), any::<u8>(), any::<bool>()), 1..40).prop_map(|spec| {
        spec.iter()
            .enumerate()
            .map(|(i, (root, pick, archived))| PageNode {
                id: i as PageId + 1,
                parent: (!root && i > 0).then(|| u64::from(*pick) % i as u64 + 1),
                position: i as u32,
                archived: *archived,
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn descendants_are_public_below_the_start_and_within_depth(
        pages in forest(),
        start in proptest::option::of(1u64..40),
        depth in 0u32..6,
    ) {
        let tree = PageTree::new(&pages).unwrap();
        let found = tree.descendants(start, depth);
        let mut seen = std::collections::HashSet::new();
        for d in &found {
            prop_assert!(seen.insert(d.id), "no page twice");
            prop_assert!(!tree.is_archived(d.id));
            let ancestors = ids(&tree.ancestors(d.id));
            let level = match start {
                None => ancestors.len() + 1,
                Some(s) => {
                    let at = ancestors.iter().position(|a| *a == s);
                    prop_assert!(at.is_some(), "below the start");
                    ancestors.len() - at.unwrap_or(0)
                }
            };
            prop_assert!(level as u32 <= depth);
        }
    }

    #[test]
    fn a_parent_link_back_into_the_subtree_is_a_cycle(pages in forest(), pick in any::<usize>()) {
        let mut pages = pages;
        let i = pick % pages.len();
        let id = pages[i].id;
        let below = PageTree::new(&pages).unwrap().descendants(Some(id), u32::MAX).first().map(|d| d.id);
        pages[i].parent = Some(below.unwrap_or(id));
        let errors = validate_tree(&pages).unwrap_err();
        prop_assert!(errors.iter().any(|e| e.code == "page_cycle"));
    }
}
