//! The feedback form of Integreat's API v3: `POST {region}/{lang}/feedback/{target}/` with
//! form data `rating` (`up`/`down`), `comment`, `category`, `slug` and `query`.

use serde::{Deserialize, Serialize};

crate::text_enum! {
    /// Was it helpful? (`rating` of the feedback form).
    pub enum Rating ("feedback rating") {
        /// Helpful.
        Up = "up",
        /// Not helpful.
        Down = "down",
    }
}

crate::text_enum! {
    /// What feedback is about: the last path segment of
    /// `POST {region}/{lang}/feedback/{target}/` (`extras`/`extra` are the old names of
    /// `offers`/`offer`).
    pub enum FeedbackTarget ("feedback target") {
        /// The page list (the region as a whole).
        Categories = "categories",
        /// One page (`slug` names it).
        Page = "page",
        /// One place (`slug`).
        Poi = "poi",
        /// One event (`slug`).
        Event = "event",
        /// The event list.
        Events = "events",
        /// The imprint.
        ImprintPage = "imprint-page",
        /// The map.
        Map = "map",
        /// Search results (`query`).
        Search = "search",
        /// The offer list.
        Offers = "offers",
        /// The offer list, old name.
        Extras = "extras",
        /// One offer (`slug`).
        Offer = "offer",
        /// One offer, old name.
        Extra = "extra",
    }
}

/// The feedback form (form data of `POST …/feedback/{target}/`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackForm {
    /// `up` or `down`.
    pub rating: Rating,
    /// Free text; may be empty.
    #[serde(default)]
    pub comment: String,
    /// Feedback category as the app sends it (`Technisches Feedback`, `Inhalte`).
    #[serde(default)]
    pub category: Option<String>,
    /// Slug of the page, event, place or offer the feedback is about.
    #[serde(default)]
    pub slug: Option<String>,
    /// The search query (search feedback).
    #[serde(default)]
    pub query: Option<String>,
}
