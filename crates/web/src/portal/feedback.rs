//! `POST /api/v3/{region}/{lang}/feedback/{target}/`: a reader's rating (`up`/`down`) and
//! comment on a page, event, place, the search or the region, as Integreat's apps send it
//! (form data, `application/x-www-form-urlencoded`; JSON is accepted too). Anonymous: only a
//! hash of the client's address and user agent is kept, to limit spam (10 per client in ten
//! minutes, 300 per region in an hour; more is 429). Answers `{"success": "Feedback successfully submitted"}`
//! like the CMS.

use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, Path};
use axum::http::{HeaderMap, StatusCode, header};
use axum::{Extension, extract::State};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use ankommen_domain::portal::integreat::{FeedbackTarget, Rating};

use super::api_v3::{V3Error, V3Result, load_region};
use crate::AppState;

const COMMENT_MAX: usize = 1000;

pub(crate) fn client_key(headers: &HeaderMap, peer: Option<SocketAddr>) -> String {
    let forwarded = headers
        .get("x-forwarded-for")
        .and_then(|h| h.to_str().ok())
        .and_then(|h| h.split(',').next())
        .map(str::trim)
        .unwrap_or("");
    let ip = if forwarded.is_empty() {
        peer.map(|p| p.ip().to_string()).unwrap_or_default()
    } else {
        forwarded.to_owned()
    };
    let agent = headers
        .get(header::USER_AGENT)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    hex::encode(Sha256::digest(format!("{ip}\n{agent}").as_bytes()))
}

/// The fields from a form (`application/x-www-form-urlencoded` or, as the apps send
/// `FormData`, `multipart/form-data`) or a JSON body.
fn fields(headers: &HeaderMap, body: &[u8]) -> V3Result<Value> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if content_type.starts_with("application/json") {
        return serde_json::from_slice(body)
            .map_err(|_| V3Error::bad_request("The body is not valid JSON."));
    }
    let pairs: Vec<(String, String)> = if content_type.starts_with("multipart/form-data") {
        multipart_fields(content_type, body)?
    } else {
        serde_urlencoded::from_bytes(body)
            .map_err(|_| V3Error::bad_request("The form is not correctly encoded."))?
    };
    let map: serde_json::Map<String, Value> = pairs
        .into_iter()
        .map(|(k, v)| (k, Value::String(v)))
        .collect();
    Ok(Value::Object(map))
}

/// The text fields of a `multipart/form-data` body (RFC 7578). Files are refused: feedback
/// has none.
fn multipart_fields(content_type: &str, body: &[u8]) -> V3Result<Vec<(String, String)>> {
    let bad = || V3Error::bad_request("The multipart form is not correctly encoded.");
    let boundary = content_type
        .split(';')
        .map(str::trim)
        .find_map(|p| p.strip_prefix("boundary="))
        .map(|b| b.trim_matches('"'))
        .filter(|b| !b.is_empty() && b.len() <= 70)
        .ok_or_else(bad)?;
    let body = std::str::from_utf8(body).map_err(|_| bad())?;
    let delimiter = format!("--{boundary}");
    let mut parts = body.split(delimiter.as_str());
    // Text before the first delimiter is a preamble and ignored.
    parts.next();
    let mut out = Vec::new();
    let mut closed = false;
    for part in parts {
        if part.starts_with("--") {
            closed = true;
            break;
        }
        let part = part.strip_prefix("\r\n").ok_or_else(bad)?;
        let (head, value) = part.split_once("\r\n\r\n").ok_or_else(bad)?;
        let value = value.strip_suffix("\r\n").ok_or_else(bad)?;
        let mut name = None;
        for line in head.split("\r\n") {
            let Some((key, rest)) = line.split_once(':') else {
                return Err(bad());
            };
            if !key.trim().eq_ignore_ascii_case("content-disposition") {
                continue;
            }
            for param in rest.split(';').map(str::trim) {
                if param.starts_with("filename") {
                    return Err(V3Error::bad_request("Feedback takes no files."));
                }
                if let Some(n) = param.strip_prefix("name=") {
                    name = Some(n.trim_matches('"').to_owned());
                }
            }
        }
        out.push((name.ok_or_else(bad)?, value.to_owned()));
        if out.len() > 20 {
            return Err(V3Error::bad_request("The form has too many fields."));
        }
    }
    if !closed {
        return Err(bad());
    }
    Ok(out)
}

fn text(v: &Value, key: &str, max: usize) -> V3Result<Option<String>> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) if s.chars().count() > max => Err(V3Error::bad_request(format!(
            "The {key} may have at most {max} characters."
        ))),
        Some(Value::String(s))
            if s.chars()
                .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') =>
        {
            Err(V3Error::bad_request(format!(
                "The {key} contains control characters."
            )))
        }
        Some(Value::String(s)) => Ok(Some(s.trim().to_owned())),
        Some(_) => Err(V3Error::bad_request(format!("The {key} must be text."))),
    }
}

pub async fn post(
    State(state): State<AppState>,
    headers: HeaderMap,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    Path((region, lang, target)): Path<(String, String, String)>,
    body: axum::body::Bytes,
) -> V3Result<(StatusCode, Json<Value>)> {
    let target = FeedbackTarget::parse(target.trim_end_matches('/'))
        .map_err(|_| V3Error::not_found("No such feedback target."))?;
    let v = fields(&headers, &body)?;
    let key = client_key(&headers, peer.map(|Extension(ConnectInfo(a))| a));
    submit(&state, &region, &lang, target, &v, key).await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "success": "Feedback successfully submitted" })),
    ))
}

/// Checks and stores one feedback (`rating`, `comment`, `slug`, `query` of `v`); 429 over
/// the limits. Shared by the API and the portal's feedback form.
pub(crate) async fn submit(
    state: &AppState,
    region: &str,
    lang: &str,
    target: FeedbackTarget,
    v: &Value,
    client_key: String,
) -> V3Result<()> {
    let (r, languages) = load_region(state, region).await?;
    if !languages.iter().any(|l| l.code == lang) {
        return Err(V3Error::not_found(
            "No language with this slug exists in this region.",
        ));
    }
    let rating = match text(v, "rating", 10)? {
        Some(r) => Some(
            Rating::parse(&r)
                .map_err(|_| V3Error::bad_request("The rating must be up or down."))?,
        ),
        None => None,
    };
    let comment = text(v, "comment", COMMENT_MAX)?;
    if rating.is_none() && comment.is_none() {
        return Err(V3Error::bad_request(
            "Give a rating (up or down) or a comment.",
        ));
    }
    let input = ankommen_db::portal::FeedbackIn {
        region_id: r.id.clone(),
        language_code: lang.to_owned(),
        target_kind: target.as_str().to_owned(),
        target_slug: text(v, "slug", 300)?,
        rating: rating.map(|r| r.as_str().to_owned()),
        comment,
        query: text(v, "query", 300)?,
        client_key,
    };
    let tenant = r.tenant_id.clone();
    let stored = state
        .db(move |c| ankommen_db::portal::add_feedback(c, &tenant, &input))
        .await?;
    if !stored {
        return Err(V3Error(
            StatusCode::TOO_MANY_REQUESTS,
            "Too much feedback from here in a short time; please try again later.".into(),
        ));
    }
    Ok(())
}
