//! Publication state of a page translation (Integreat's DRAFT / REVIEW / PUBLIC, plus
//! archiving): draft → review → published; published → draft (unpublish); archive from any
//! other state and unarchive back to draft, so archived content is checked again before it
//! returns to the public.

crate::text_enum! {
    /// Where a page translation stands in the editorial workflow.
    pub enum State ("publication state") {
        /// Being written; only editors see it.
        Draft = "draft",
        /// Waiting for a reviewer (an author may not publish).
        Review = "review",
        /// Visible in the portal and the API.
        Published = "published",
        /// Kept for the record, hidden everywhere but the archive view.
        Archived = "archived",
    }
}

crate::text_enum! {
    /// What an editor does.
    pub enum Action ("publication action") {
        /// Draft → review.
        SubmitForReview = "submit_for_review",
        /// Review → draft, with the reviewer's remarks.
        Reject = "reject",
        /// Review → published.
        Publish = "publish",
        /// Published → draft.
        Unpublish = "unpublish",
        /// Draft, review or published → archived.
        Archive = "archive",
        /// Archived → draft.
        Unarchive = "unarchive",
    }
}

impl State {
    /// Whether the public (portal, API v3) sees it.
    pub fn is_public(self) -> bool {
        self == State::Published
    }
}

/// A transition the workflow does not allow, with a hint what to do instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a {from} page cannot '{action}': {hint}")]
pub struct TransitionError {
    /// The state before.
    pub from: State,
    /// What was tried.
    pub action: Action,
    /// What would work instead, in English.
    pub hint: &'static str,
}

impl TransitionError {
    /// Stable code for translated messages.
    pub const CODE: &'static str = "publication_transition";
}

/// The state after `action` on a page translation in `from`.
pub fn next(from: State, action: Action) -> Result<State, TransitionError> {
    use Action as A;
    use State as S;
    let hint = match (from, action) {
        (S::Draft, A::SubmitForReview) => return Ok(S::Review),
        (S::Review, A::Reject) => return Ok(S::Draft),
        (S::Review, A::Publish) => return Ok(S::Published),
        (S::Published, A::Unpublish) => return Ok(S::Draft),
        (S::Draft | S::Review | S::Published, A::Archive) => return Ok(S::Archived),
        (S::Archived, A::Unarchive) => return Ok(S::Draft),
        (S::Archived, _) => "unarchive it first",
        (_, A::Unarchive) => "it is not archived",
        (S::Draft, A::Publish) => "submit it for review first",
        (S::Review, A::SubmitForReview) => "it is already waiting for review",
        (S::Published, A::Publish) => "it is already published",
        (S::Published, A::SubmitForReview) => "unpublish it first, then edit and submit it",
        (_, A::Reject) => "only a page in review can be rejected",
        (_, A::Unpublish) => "only a published page can be unpublished",
    };
    Err(TransitionError { from, action, hint })
}

#[cfg(test)]
mod tests;
