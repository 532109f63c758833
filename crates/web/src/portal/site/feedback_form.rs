//! The feedback form on every portal page: helpful yes/no and a comment, posted as a plain
//! form (no JavaScript), stored like the API's feedback (same checks and spam limits), then
//! back to the page with a thank-you (303, so a reload does not send it again).

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use serde::Deserialize;
use serde_json::{Value, json};

use ankommen_domain::portal::integreat::FeedbackTarget;

use super::strings::t;
use crate::AppState;
use crate::portal::feedback::{client_key, submit};

/// The form as a page shows it.
pub struct FeedbackBox {
    pub target: String,
    pub slug: String,
    pub back: String,
    pub query: String,
    /// `sent`, `empty`, `too-many`, `invalid` after a post.
    pub state: String,
}

impl FeedbackBox {
    pub fn new(target: &str, slug: &str, back: &str, state: Option<&str>) -> Self {
        Self {
            target: target.to_owned(),
            slug: slug.to_owned(),
            back: back.to_owned(),
            query: String::new(),
            state: state
                .filter(|s| ["sent", "empty", "too-many", "invalid"].contains(s))
                .unwrap_or("")
                .to_owned(),
        }
    }
}

/// `?feedback=` on a page after a post.
#[derive(Debug, Deserialize, Default)]
pub struct Shown {
    pub feedback: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Posted {
    #[serde(default)]
    target: String,
    #[serde(default)]
    slug: String,
    #[serde(default)]
    rating: String,
    #[serde(default)]
    comment: String,
    #[serde(default)]
    query: String,
    #[serde(default)]
    back: String,
}

pub async fn post(
    State(state): State<AppState>,
    headers: HeaderMap,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    Path((region, lang)): Path<(String, String)>,
    Form(f): Form<Posted>,
) -> Response {
    let base = format!("/portal/{region}/{lang}");
    // Only back to a page of this portal (never an open redirect).
    let back = if (f.back == base || f.back.starts_with(&format!("{base}/")))
        && f.back.chars().all(|c| c.is_ascii_graphic())
    {
        f.back.split(['?', '#']).next().unwrap_or(&base).to_owned()
    } else {
        base.clone()
    };
    let Ok(target) = FeedbackTarget::parse(&f.target) else {
        return (StatusCode::BAD_REQUEST, t(&lang, "feedback-invalid")).into_response();
    };
    let mut v = json!({ "comment": f.comment, "rating": f.rating });
    if let Value::Object(m) = &mut v {
        if !f.slug.is_empty() {
            m.insert("slug".into(), json!(f.slug));
        }
        if !f.query.is_empty() {
            m.insert("query".into(), json!(f.query));
        }
    }
    let key = client_key(&headers, peer.map(|Extension(ConnectInfo(a))| a));
    let outcome = match submit(&state, &region, &lang, target, &v, key).await {
        Ok(()) => "sent",
        Err(e) if e.0 == StatusCode::TOO_MANY_REQUESTS => "too-many",
        Err(e) if e.0 == StatusCode::NOT_FOUND => {
            return (StatusCode::NOT_FOUND, t(&lang, "not-found")).into_response();
        }
        Err(_) if f.rating.trim().is_empty() && f.comment.trim().is_empty() => "empty",
        Err(_) => "invalid",
    };
    if !back.chars().all(|c| c.is_ascii_graphic()) {
        return (StatusCode::BAD_REQUEST, t(&lang, "feedback-invalid")).into_response();
    }
    Redirect::to(&format!("{back}?feedback={outcome}#feedback")).into_response()
}
