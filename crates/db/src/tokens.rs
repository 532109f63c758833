//! Bearer API tokens that an administrator issues for a user (integrations, scripts) and
//! can revoke. Only the SHA-256 of a token is stored; the token is shown once.

use crate::dialect::ser_ts;
use ankommen_domain::ids::TokenId;
use diesel::prelude::*;
use serde::Serialize;
use time::PrimitiveDateTime;

use crate::audit::{self, Entry};
use crate::schema::{api_tokens as t, users};
use crate::{Db, DbError, DbResult, Who, now, write_tx};

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = t)]
pub struct ApiToken {
    pub id: String,
    pub user_id: String,
    pub name: String,
    #[serde(with = "crate::users::opt_ts")]
    pub expires_at: Option<PrimitiveDateTime>,
    #[serde(with = "crate::users::opt_ts")]
    pub revoked_at: Option<PrimitiveDateTime>,
    #[serde(with = "crate::users::opt_ts")]
    pub last_used_at: Option<PrimitiveDateTime>,
    #[serde(serialize_with = "ser_ts")]
    pub created_at: PrimitiveDateTime,
}

pub fn issue(
    conn: &mut Db,
    who: Who<'_>,
    user_id: &str,
    name: &str,
    token_hash: &str,
    expires_at: Option<PrimitiveDateTime>,
) -> DbResult<ApiToken> {
    let id = TokenId::new().into_string();
    write_tx(conn, who.tenant_id, |c| {
        crate::users::get(c, who.tenant_id, user_id)?;
        let at = now();
        diesel::insert_into(t::table)
            .values((
                t::id.eq(&id),
                t::tenant_id.eq(who.tenant_id),
                t::user_id.eq(user_id),
                t::name.eq(name),
                t::token_hash.eq(token_hash),
                t::expires_at.eq(expires_at),
                t::created_at.eq(at),
                t::created_by.eq(who.user_id),
                t::updated_at.eq(at),
                t::updated_by.eq(who.user_id),
                t::version.eq(1),
            ))
            .execute(c)?;
        audit::append(
            c,
            who,
            Entry::new("api_token.issue", "api_token", Some(&id))
                .detail(serde_json::json!({ "user_id": user_id })),
        )?;
        get(c, who.tenant_id, &id)
    })
}

pub fn get(conn: &mut Db, tenant_id: &str, id: &str) -> DbResult<ApiToken> {
    Ok(t::table
        .filter(t::tenant_id.eq(tenant_id))
        .filter(t::id.eq(id))
        .select(ApiToken::as_select())
        .first(conn)?)
}

pub fn list(conn: &mut Db, tenant_id: &str) -> DbResult<Vec<ApiToken>> {
    Ok(t::table
        .filter(t::tenant_id.eq(tenant_id))
        .order(t::created_at.desc())
        .select(ApiToken::as_select())
        .load(conn)?)
}

pub fn revoke(conn: &mut Db, who: Who<'_>, id: &str) -> DbResult<ApiToken> {
    write_tx(conn, who.tenant_id, |c| {
        let token = get(c, who.tenant_id, id)?;
        if token.revoked_at.is_some() {
            return Ok(token);
        }
        let at = now();
        diesel::update(t::table.find(id))
            .set((
                t::revoked_at.eq(at),
                t::revoked_by.eq(who.user_id),
                t::updated_at.eq(at),
                t::version.eq(t::version + 1),
            ))
            .execute(c)?;
        audit::append(
            c,
            who,
            Entry::new("api_token.revoke", "api_token", Some(id)),
        )?;
        get(c, who.tenant_id, id)
    })
}

/// (id, tenant, user, revoked at, expires at) of a token.
type TokenCheck = (
    String,
    String,
    String,
    Option<PrimitiveDateTime>,
    Option<PrimitiveDateTime>,
);

/// The user owning a valid (not revoked, not expired) token; records its use.
pub fn authenticate(conn: &mut Db, token_hash: &str) -> DbResult<Option<crate::users::User>> {
    let row: Option<TokenCheck> = t::table
        .inner_join(users::table)
        .filter(t::token_hash.eq(token_hash))
        .select((
            t::id,
            t::tenant_id,
            t::user_id,
            t::revoked_at,
            t::expires_at,
        ))
        .first(conn)
        .optional()?;
    let Some((id, tenant_id, user_id, revoked, expires)) = row else {
        return Ok(None);
    };
    let at = now();
    if revoked.is_some() || expires.is_some_and(|e| e <= at) {
        return Ok(None);
    }
    let user = match crate::users::get(conn, &tenant_id, &user_id) {
        Ok(u) if !u.disabled => u,
        Ok(_) | Err(DbError::NotFound) => return Ok(None),
        Err(e) => return Err(e),
    };
    diesel::update(t::table.find(&id))
        .set(t::last_used_at.eq(at))
        .execute(conn)?;
    Ok(Some(user))
}
