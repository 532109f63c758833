//! Request hardening: security headers on every response, and CSRF protection for every
//! state-changing request that a browser could send with our cookie (SameSite=Strict cookies
//! plus an Origin / Sec-Fetch-Site check, Django's CsrfViewMiddleware idea).

use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::AppError;

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/// The public portal's content may show images from the content's own servers (imported
/// Integreat pages link their CMS's media); nothing else is loosened.
const PORTAL_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; \
font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/// Adds CSP, anti-framing, no-sniff, referrer and permissions policies; personal data is
/// never cached (`no-store`) except for static assets.
pub async fn headers(req: Request, next: Next) -> Response {
    let is_static = req.uri().path().starts_with("/static/");
    let is_portal = req.uri().path().starts_with("/portal");
    let secure = req.extensions().get::<SecureCookies>().is_some_and(|s| s.0);
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(if is_portal { PORTAL_CSP } else { CSP }),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    if secure {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    if !is_static && !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// Marker extension telling middleware whether we run behind HTTPS.
#[derive(Debug, Clone, Copy)]
pub struct SecureCookies(pub bool);

/// Rejects cross-site state-changing requests. A request passes when it is safe (GET/HEAD/
/// OPTIONS), or its `Origin` matches our host, or `Sec-Fetch-Site` says same-origin, or it
/// carries neither a cookie nor an Origin (a program using a bearer token: no ambient
/// credentials, nothing to forge).
pub async fn csrf(req: Request, next: Next) -> Response {
    // The public portal API never reads cookies: readers' apps on other origins may post feedback.
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS)
        || req.uri().path().starts_with("/api/v3/")
    {
        return next.run(req).await;
    }
    match check_origin(req.headers()) {
        Ok(()) => next.run(req).await,
        Err(reason) => {
            tracing::warn!(
                reason,
                path = req.uri().path(),
                "cross-site request refused"
            );
            AppError::forbidden(format!("cross-site request refused ({reason})")).into_response()
        }
    }
}

fn check_origin(headers: &HeaderMap) -> Result<(), &'static str> {
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    if let Some(origin) = headers.get(header::ORIGIN) {
        let origin = origin.to_str().map_err(|_| "malformed Origin")?;
        let origin_host = origin
            .split_once("://")
            .map(|(_, h)| h.trim_end_matches('/'));
        return match (origin_host, host) {
            (Some(o), Some(h)) if o.eq_ignore_ascii_case(h) => Ok(()),
            _ => Err("Origin does not match Host"),
        };
    }
    match headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        Some("same-origin") | Some("none") => return Ok(()),
        Some(_) => return Err("Sec-Fetch-Site is not same-origin"),
        None => {}
    }
    if headers.contains_key(header::COOKIE) {
        return Err("a cookie-authenticated request without Origin");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut m = HeaderMap::new();
        for (k, v) in pairs {
            m.insert(*k, HeaderValue::from_static(v));
        }
        m
    }

    #[test]
    fn origin_rules() {
        assert!(check_origin(&h(&[("host", "a:8080"), ("origin", "http://a:8080")])).is_ok());
        assert!(check_origin(&h(&[("host", "a:8080"), ("origin", "http://evil")])).is_err());
        assert!(
            check_origin(&h(&[
                ("host", "a"),
                ("sec-fetch-site", "cross-site"),
                ("cookie", "x=1")
            ]))
            .is_err()
        );
        assert!(check_origin(&h(&[("host", "a"), ("cookie", "x=1")])).is_err());
        assert!(check_origin(&h(&[("host", "a"), ("authorization", "Bearer x")])).is_ok());
        assert!(
            check_origin(&h(&[
                ("host", "a"),
                ("sec-fetch-site", "same-origin"),
                ("cookie", "x=1")
            ]))
            .is_ok()
        );
    }
}
