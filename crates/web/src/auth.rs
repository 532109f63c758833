//! Authentication: session cookies for the browser, bearer tokens (session tokens from
//! `POST /api/v1/session` or API tokens issued by an administrator) for programs, login with
//! argon2id and a per-user-name rate limit. The access *policy* is `ankommen_domain::policy`.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use rand::RngCore;
use sha2::{Digest, Sha256};

use ankommen_db::users::User;
use ankommen_db::{Who, sessions, throttle, tokens, users};
use ankommen_domain::password;
use ankommen_domain::policy::{self, Action, Actor, Resource};
use ankommen_domain::validate::Username;

use crate::AppState;
use crate::error::{AppError, AppResult};

pub const SESSION_COOKIE: &str = "ankommen_session";
/// With secure cookies the `__Host-` prefix binds the cookie to this host, path `/`, HTTPS.
pub const SESSION_COOKIE_SECURE: &str = "__Host-ankommen_session";

/// A fresh random token (256 bits, hex) and the hash we store.
pub fn new_token() -> (String, String) {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    let token = hex::encode(bytes);
    let hash = hash_token(&token);
    (token, hash)
}

pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Owned form of [`Who`] for a logged-in user.
#[derive(Debug, Clone)]
pub struct OwnedWho {
    pub tenant_id: String,
    pub user_id: String,
    pub request_id: Option<String>,
}

impl OwnedWho {
    pub fn get(&self) -> Who<'_> {
        Who {
            tenant_id: &self.tenant_id,
            user_id: Some(&self.user_id),
            request_id: self.request_id.as_deref(),
        }
    }
}

/// How the request authenticated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Via {
    /// Session cookie; the hash identifies the session.
    Cookie(String),
    /// Bearer session token from `POST /api/v1/session`.
    BearerSession(String),
    /// Bearer API token.
    ApiToken,
}

/// The logged-in user of a request. Extracting it rejects with 401 when nobody is logged in.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub user: User,
    pub via: Via,
    pub request_id: Option<String>,
}

impl CurrentUser {
    pub fn actor(&self) -> Actor<'_> {
        Actor {
            role: self.user.role,
            org_id: &self.user.org_id,
            org_kind: self.user.org_kind,
        }
    }

    pub fn who(&self) -> Who<'_> {
        Who {
            tenant_id: &self.user.tenant_id,
            user_id: Some(&self.user.id),
            request_id: self.request_id.as_deref(),
        }
    }

    /// An owned copy of [`Self::who`], to move into database closures.
    pub fn owned_who(&self) -> OwnedWho {
        OwnedWho {
            tenant_id: self.user.tenant_id.clone(),
            user_id: self.user.id.clone(),
            request_id: self.request_id.clone(),
        }
    }

    pub fn session_hash(&self) -> Option<&str> {
        match &self.via {
            Via::Cookie(h) | Via::BearerSession(h) => Some(h),
            Via::ApiToken => None,
        }
    }

    /// Asks the policy; a denial is audited and answered 403.
    pub async fn authorize(
        &self,
        state: &AppState,
        action: Action,
        resource: Resource<'_>,
    ) -> AppResult<()> {
        match policy::can(&self.actor(), action, &resource) {
            policy::Decision::Allow => Ok(()),
            policy::Decision::Deny(reason) => {
                let tenant = self.user.tenant_id.clone();
                let user_id = self.user.id.clone();
                let request_id = self.request_id.clone();
                let what = format!("{action:?} {}", resource_name(&resource));
                let audited = state
                    .db(move |c| {
                        let who = Who {
                            tenant_id: &tenant,
                            user_id: Some(&user_id),
                            request_id: request_id.as_deref(),
                        };
                        ankommen_db::audit::record(
                            c,
                            who,
                            ankommen_db::audit::Entry::new("access.denied", "policy", None)
                                .detail(serde_json::json!({ "attempted": what, "reason": reason }))
                                .denied(),
                        )
                    })
                    .await;
                if let Err(e) = audited {
                    tracing::error!(error = %e, "could not audit a denial");
                }
                Err(AppError::forbidden(reason))
            }
        }
    }
}

fn resource_name(r: &Resource<'_>) -> String {
    match r {
        Resource::PersonData { class, .. } => format!("person data ({class})"),
        Resource::Course { .. } => "course".into(),
        other => format!("{other:?}").to_lowercase(),
    }
}

/// The value of cookie `name` in the request.
pub fn cookie<'a>(parts: &'a Parts, name: &str) -> Option<&'a str> {
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

pub fn request_id(parts: &Parts) -> Option<String> {
    parts
        .headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .map(|s| s.chars().take(64).collect())
}

/// Resolves the user of a request, or `None`.
pub async fn resolve(parts: &Parts, state: &AppState) -> AppResult<Option<CurrentUser>> {
    let rid = request_id(parts);
    if let Some(value) = parts.headers.get(header::AUTHORIZATION) {
        let text = value
            .to_str()
            .map_err(|_| AppError::Unauthorized("malformed Authorization header".into()))?;
        let token = text
            .strip_prefix("Bearer ")
            .or_else(|| text.strip_prefix("bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty() && t.len() <= 128)
            .ok_or_else(|| AppError::Unauthorized("use 'Authorization: Bearer <token>'".into()))?;
        let hash = hash_token(token);
        let h = hash.clone();
        let found = state
            .db(move |c| {
                if let Some(u) = sessions::lookup(c, &h)? {
                    return Ok(Some((u, true)));
                }
                Ok(tokens::authenticate(c, &h)?.map(|u| (u, false)))
            })
            .await?;
        return match found {
            Some((user, true)) => Ok(Some(CurrentUser {
                user,
                via: Via::BearerSession(hash),
                request_id: rid,
            })),
            Some((user, false)) => Ok(Some(CurrentUser {
                user,
                via: Via::ApiToken,
                request_id: rid,
            })),
            None => Err(AppError::Unauthorized(
                "the token is invalid, expired or revoked".into(),
            )),
        };
    }
    let token = cookie(parts, SESSION_COOKIE_SECURE).or_else(|| cookie(parts, SESSION_COOKIE));
    let Some(token) = token.filter(|t| !t.is_empty() && t.len() <= 128) else {
        return Ok(None);
    };
    let hash = hash_token(token);
    let h = hash.clone();
    let user = state.db(move |c| sessions::lookup(c, &h)).await?;
    Ok(user.map(|user| CurrentUser {
        user,
        via: Via::Cookie(hash),
        request_id: rid,
    }))
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        match resolve(parts, state).await? {
            Some(user) => Ok(user),
            None => Err(AppError::unauthorized()),
        }
    }
}

/// The user if logged in; never rejects (for the login page and error pages).
#[derive(Debug, Clone)]
pub struct MaybeUser(pub Option<CurrentUser>);

impl FromRequestParts<AppState> for MaybeUser {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(MaybeUser(resolve(parts, state).await.ok().flatten()))
    }
}

/// Why a login failed.
#[derive(Debug, Clone)]
pub enum LoginError {
    /// Wrong user name or password (deliberately the same answer for both).
    Invalid,
    /// Too many failures; seconds to wait.
    Locked(i64),
    /// The account is disabled.
    Disabled,
    Failed(AppError),
}

impl From<AppError> for LoginError {
    fn from(e: AppError) -> Self {
        LoginError::Failed(e)
    }
}

/// Checks the credentials under the rate limit and opens a session. Returns the user and
/// the session token. Failures are counted, not written to the audit log (DESIGN.md §5).
pub async fn login(
    state: &AppState,
    username: &str,
    password: &str,
    request_id: Option<String>,
) -> Result<(User, String), LoginError> {
    // Normalise as user names are stored; an impossible name still counts as a failure.
    let name = Username::parse(username)
        .map(|u| u.as_str().to_owned())
        .unwrap_or_else(|_| username.trim().to_lowercase());
    let lookup_name = name.clone();
    let (locked, creds) = state
        .db(move |c| {
            Ok((
                throttle::locked_for(c, &lookup_name)?,
                users::credentials(c, &lookup_name)?,
            ))
        })
        .await?;
    if let Some(wait) = locked {
        return Err(LoginError::Locked(wait));
    }
    let password = password.to_owned();
    let stored = creds
        .as_ref()
        .map(|(_, h)| h.clone())
        .unwrap_or_else(|| password::dummy_hash().to_owned());
    let ok = tokio::task::spawn_blocking(move || password::verify(&password, &stored))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let Some((user, _)) = creds.filter(|_| ok) else {
        let n = name.clone();
        state.db(move |c| throttle::record_failure(c, &n)).await?;
        return Err(LoginError::Invalid);
    };
    if user.disabled {
        return Err(LoginError::Disabled);
    }
    let (token, hash) = new_token();
    let (tenant, uid) = (user.tenant_id.clone(), user.id.clone());
    state
        .db(move |c| {
            throttle::clear(c, &name)?;
            sessions::create(c, &tenant, &uid, &hash)?;
            users::touch_login(c, &uid)?;
            let who = Who {
                tenant_id: &tenant,
                user_id: Some(&uid),
                request_id: request_id.as_deref(),
            };
            ankommen_db::audit::record(
                c,
                who,
                ankommen_db::audit::Entry::new("session.login", "user", Some(&uid)),
            )?;
            Ok(())
        })
        .await?;
    Ok((user, token))
}

/// Ends the session of `current` (if it is a session) and audits the logout.
pub async fn logout(state: &AppState, current: &CurrentUser) -> AppResult<()> {
    let Some(hash) = current.session_hash().map(str::to_owned) else {
        return Err(AppError::bad_request(
            "API tokens are revoked by an administrator, not logged out",
        ));
    };
    let (tenant, uid, rid) = (
        current.user.tenant_id.clone(),
        current.user.id.clone(),
        current.request_id.clone(),
    );
    state
        .db(move |c| {
            sessions::delete(c, &hash)?;
            let who = Who {
                tenant_id: &tenant,
                user_id: Some(&uid),
                request_id: rid.as_deref(),
            };
            ankommen_db::audit::record(
                c,
                who,
                ankommen_db::audit::Entry::new("session.logout", "user", Some(&uid)),
            )?;
            Ok(())
        })
        .await
}

/// The `Set-Cookie` value for a new session (or, with `None`, one that removes it).
pub fn session_cookie(state: &AppState, token: Option<&str>) -> String {
    let secure = state.config().secure_cookies;
    let name = if secure {
        SESSION_COOKIE_SECURE
    } else {
        SESSION_COOKIE
    };
    let flags = if secure { "; Secure" } else { "" };
    match token {
        Some(t) => format!(
            "{name}={t}; Path=/; HttpOnly; SameSite=Strict{flags}; Max-Age={}",
            sessions::IDLE.whole_seconds()
        ),
        None => format!("{name}=; Path=/; HttpOnly; SameSite=Strict{flags}; Max-Age=0"),
    }
}
