//! Editing the portal (issue 6, part 2): which regions an editor may edit, the page tree with
//! each language's status, new pages, moving and archiving, texts with revisions, the
//! translation-status and publication state machines of `ankommen_domain::portal`, the
//! coverage report, the region imprint and readers' feedback.
//!
//! Every write runs in one transaction, is audited, and bumps `portal_regions.version` when
//! it changes what the public API serves (its caches are keyed by that version).
//!
//! - `access`: editable regions, editors bound to a region;
//! - `tree`: a region's languages, the page tree, the coverage report;
//! - `pages`: creating, moving and archiving pages;
//! - `texts`: saving texts of pages and of the imprint (publication workflow, translation
//!   status);
//! - `revisions`: a text's revisions and restoring one;
//! - `feedback`: readers' feedback.

use ankommen_domain::validate::FieldError;

use crate::DbError;

mod access;
mod feedback;
mod pages;
mod revisions;
mod texts;
mod tree;

pub(crate) use access::insert_binding;
pub use access::{
    Binding, bind_editor, editable_region, editable_regions, editors_of, unbind_editor,
};
pub use feedback::{FeedbackRow, feedback, mark_feedback};
pub use pages::{NewPage, create_page, move_page, page_by_external_id, set_archived};
pub use revisions::{Revision, RevisionRow, restore_revision, revisions};
pub use texts::{Owner, Saved, TextEdit, allowed_states, save_text, text_of};
pub use tree::{
    LanguageCoverage, RegionLanguage, RegionTree, TextState, TreePage, coverage, coverage_of,
    is_source_language, page_tree, region_languages,
};

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
