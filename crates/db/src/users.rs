//! User accounts. Passwords are stored as argon2id PHC strings only.

use ankommen_domain::ids::UserId;
use ankommen_domain::validate::FieldError;
use ankommen_domain::{OrgKind, Role};
use diesel::prelude::*;
use serde::Serialize;
use time::PrimitiveDateTime;

use crate::audit::{self, Entry};
use crate::schema::{organisations, sessions, users as u};
use crate::{Db, DbError, DbResult, Who, check_versioned_update, now, orgs, write_tx};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = u)]
pub struct UserRow {
    pub id: String,
    pub tenant_id: String,
    pub org_id: String,
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub role: String,
    pub password_hash: String,
    pub locale: String,
    pub disabled: bool,
    pub last_login_at: Option<PrimitiveDateTime>,
    pub updated_at: PrimitiveDateTime,
    pub version: i32,
}

/// A user as the rest of the system sees it (no password hash), with the organisation.
#[derive(Debug, Clone, Serialize)]
pub struct User {
    pub id: String,
    pub tenant_id: String,
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub role: Role,
    pub org_id: String,
    pub org_name: String,
    pub org_kind: OrgKind,
    pub locale: String,
    pub disabled: bool,
    #[serde(with = "crate::users::opt_ts")]
    pub last_login_at: Option<PrimitiveDateTime>,
    pub version: i32,
}

pub(crate) mod opt_ts {
    use time::PrimitiveDateTime;
    pub fn serialize<S: serde::Serializer>(
        ts: &Option<PrimitiveDateTime>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match ts {
            Some(t) => s.serialize_some(&crate::dialect::format_ts(*t)),
            None => s.serialize_none(),
        }
    }
}

fn assemble(row: UserRow, org_name: String, org_kind: String) -> DbResult<User> {
    let bad = |what: &str| {
        DbError::Other(format!(
            "user {} has an invalid {what} in the database",
            row.id
        ))
    };
    Ok(User {
        role: Role::parse(&row.role).map_err(|_| bad("role"))?,
        org_kind: OrgKind::parse(&org_kind).map_err(|_| bad("organisation kind"))?,
        id: row.id,
        tenant_id: row.tenant_id,
        username: row.username,
        display_name: row.display_name,
        email: row.email,
        org_id: row.org_id,
        org_name,
        locale: row.locale,
        disabled: row.disabled,
        last_login_at: row.last_login_at,
        version: row.version,
    })
}

type Joined = (UserRow, String, String);

/// Users joined with their organisation's name and kind.
macro_rules! joined {
    () => {
        u::table.inner_join(organisations::table).select((
            UserRow::as_select(),
            organisations::name,
            organisations::kind,
        ))
    };
}

/// Validated input for create and update.
#[derive(Debug, Clone)]
pub struct UserInput {
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    pub role: Role,
    pub org_id: String,
    pub locale: String,
}

/// Filters for the user list.
#[derive(Debug, Clone, Default)]
pub struct UserFilter {
    pub org_id: Option<String>,
    pub role: Option<Role>,
    pub include_disabled: bool,
    /// Part of the user name or display name.
    pub query: Option<String>,
}

pub fn list(conn: &mut Db, tenant_id: &str, filter: &UserFilter) -> DbResult<Vec<User>> {
    let mut q = joined!().filter(u::tenant_id.eq(tenant_id)).into_boxed();
    if let Some(org) = &filter.org_id {
        q = q.filter(u::org_id.eq(org));
    }
    if let Some(role) = filter.role {
        q = q.filter(u::role.eq(role.as_str()));
    }
    if !filter.include_disabled {
        q = q.filter(u::disabled.eq(false));
    }
    if let Some(text) = filter.query.as_deref().filter(|t| !t.trim().is_empty()) {
        let pattern = crate::dialect::like_pattern(text.trim());
        q = q.filter(
            diesel::dsl::sql::<diesel::sql_types::Bool>("(lower(users.username) LIKE ")
                .bind::<diesel::sql_types::Text, _>(pattern.clone())
                .sql(" ESCAPE '\\' OR lower(users.display_name) LIKE ")
                .bind::<diesel::sql_types::Text, _>(pattern)
                .sql(" ESCAPE '\\')"),
        );
    }
    let rows: Vec<Joined> = q.order(u::username).load(conn)?;
    rows.into_iter()
        .map(|(r, n, k)| assemble(r, n, k))
        .collect()
}

pub fn get(conn: &mut Db, tenant_id: &str, id: &str) -> DbResult<User> {
    let (r, n, k): Joined = joined!()
        .filter(u::tenant_id.eq(tenant_id))
        .filter(u::id.eq(id))
        .first(conn)?;
    assemble(r, n, k)
}

/// For login: the user and the stored hash, by user name (unique across tenants).
pub fn credentials(conn: &mut Db, username: &str) -> DbResult<Option<(User, String)>> {
    let row: Option<Joined> = joined!()
        .filter(u::username.eq(username))
        .first(conn)
        .optional()?;
    match row {
        Some((r, n, k)) => {
            let hash = r.password_hash.clone();
            Ok(Some((assemble(r, n, k)?, hash)))
        }
        None => Ok(None),
    }
}

pub fn display_name_of(conn: &mut Db, id: &str) -> Option<String> {
    u::table.find(id).select(u::display_name).first(conn).ok()
}

fn check_org(conn: &mut Db, tenant_id: &str, input: &UserInput) -> DbResult<()> {
    let org = orgs::get(conn, tenant_id, &input.org_id).map_err(|e| match e {
        DbError::NotFound => DbError::Invalid(FieldError::new(
            "org_id",
            "no_such_org",
            "no such organisation",
        )),
        other => other,
    })?;
    let kind = org
        .kind()
        .ok_or_else(|| DbError::Other("organisation with unknown kind".into()))?;
    if !input.role.fits(kind) {
        return Err(FieldError::new(
            "role",
            "role_mismatch",
            format!(
                "the role {} does not fit an organisation of kind {}",
                input.role, kind
            ),
        )
        .into());
    }
    Ok(())
}

fn username_taken(e: diesel::result::Error) -> DbError {
    match DbError::from(e) {
        DbError::Conflict(_) => DbError::Invalid(FieldError::new(
            "username",
            "username_taken",
            "this user name is taken",
        )),
        other => other,
    }
}

/// Creates a user with an already hashed password.
pub fn create(
    conn: &mut Db,
    who: Who<'_>,
    input: &UserInput,
    password_hash: &str,
) -> DbResult<User> {
    let id = UserId::new().into_string();
    write_tx(conn, who.tenant_id, |c| {
        check_org(c, who.tenant_id, input)?;
        let t = now();
        diesel::insert_into(u::table)
            .values((
                u::id.eq(&id),
                u::tenant_id.eq(who.tenant_id),
                u::org_id.eq(&input.org_id),
                u::username.eq(&input.username),
                u::display_name.eq(&input.display_name),
                u::email.eq(&input.email),
                u::role.eq(input.role.as_str()),
                u::password_hash.eq(password_hash),
                u::locale.eq(&input.locale),
                u::disabled.eq(false),
                u::password_changed_at.eq(t),
                u::created_at.eq(t),
                u::created_by.eq(who.user_id),
                u::updated_at.eq(t),
                u::updated_by.eq(who.user_id),
                u::version.eq(1),
            ))
            .execute(c)
            .map_err(username_taken)?;
        audit::append(
            c,
            who,
            Entry::new("user.create", "user", Some(&id))
                .detail(serde_json::json!({ "role": input.role, "org_id": input.org_id })),
        )?;
        get(c, who.tenant_id, &id)
    })
}

/// Updates profile, role, organisation and the disabled flag if `version` is current.
/// Disabling a user ends their sessions at once.
pub fn update(
    conn: &mut Db,
    who: Who<'_>,
    id: &str,
    version: i32,
    input: &UserInput,
    disabled: bool,
) -> DbResult<User> {
    write_tx(conn, who.tenant_id, |c| {
        let before = get(c, who.tenant_id, id)?;
        check_org(c, who.tenant_id, input)?;
        let changed = diesel::update(
            u::table
                .filter(u::id.eq(id))
                .filter(u::tenant_id.eq(who.tenant_id))
                .filter(u::version.eq(version)),
        )
        .set((
            u::username.eq(&input.username),
            u::display_name.eq(&input.display_name),
            u::email.eq(&input.email),
            u::role.eq(input.role.as_str()),
            u::org_id.eq(&input.org_id),
            u::locale.eq(&input.locale),
            u::disabled.eq(disabled),
            u::updated_at.eq(now()),
            u::updated_by.eq(who.user_id),
            u::version.eq(version + 1),
        ))
        .execute(c)
        .map_err(username_taken)?;
        check_versioned_update(c, changed, |c| {
            u::table
                .find(id)
                .select((u::updated_by, u::updated_at))
                .first(c)
        })?;
        if disabled {
            diesel::delete(sessions::table.filter(sessions::user_id.eq(id))).execute(c)?;
        }
        let after = get(c, who.tenant_id, id)?;
        let mut fields = Vec::new();
        for (name, differs) in [
            ("username", before.username != after.username),
            ("display_name", before.display_name != after.display_name),
            ("email", before.email != after.email),
            ("role", before.role != after.role),
            ("org_id", before.org_id != after.org_id),
            ("locale", before.locale != after.locale),
            ("disabled", before.disabled != after.disabled),
        ] {
            if differs {
                fields.push(name);
            }
        }
        audit::append(
            c,
            who,
            Entry::new("user.update", "user", Some(id))
                .detail(serde_json::json!({ "fields": fields })),
        )?;
        Ok(after)
    })
}

/// Sets a new password hash; ends all other sessions of the user.
pub fn set_password(
    conn: &mut Db,
    who: Who<'_>,
    id: &str,
    password_hash: &str,
    keep_session: Option<&str>,
) -> DbResult<()> {
    write_tx(conn, who.tenant_id, |c| {
        let t = now();
        let n = diesel::update(
            u::table
                .filter(u::id.eq(id))
                .filter(u::tenant_id.eq(who.tenant_id)),
        )
        .set((
            u::password_hash.eq(password_hash),
            u::password_changed_at.eq(t),
            u::updated_at.eq(t),
            u::updated_by.eq(who.user_id),
            u::version.eq(u::version + 1),
        ))
        .execute(c)?;
        if n == 0 {
            return Err(DbError::NotFound);
        }
        let mut del = diesel::delete(sessions::table.filter(sessions::user_id.eq(id))).into_boxed();
        if let Some(keep) = keep_session {
            del = del.filter(sessions::token_hash.ne(keep));
        }
        del.execute(c)?;
        audit::append(c, who, Entry::new("user.password_change", "user", Some(id)))?;
        Ok(())
    })
}

/// Sets the user's UI language.
pub fn set_locale(conn: &mut Db, who: Who<'_>, id: &str, locale: &str) -> DbResult<()> {
    write_tx(conn, who.tenant_id, |c| {
        diesel::update(
            u::table
                .filter(u::id.eq(id))
                .filter(u::tenant_id.eq(who.tenant_id)),
        )
        .set((
            u::locale.eq(locale),
            u::updated_at.eq(now()),
            u::updated_by.eq(who.user_id),
            u::version.eq(u::version + 1),
        ))
        .execute(c)?;
        audit::append(
            c,
            who,
            Entry::new("user.update", "user", Some(id))
                .detail(serde_json::json!({ "fields": ["locale"] })),
        )?;
        Ok(())
    })
}

pub fn touch_login(conn: &mut Db, id: &str) -> DbResult<()> {
    diesel::update(u::table.find(id))
        .set(u::last_login_at.eq(now()))
        .execute(conn)?;
    Ok(())
}

pub fn count(conn: &mut Db, tenant_id: &str) -> DbResult<i64> {
    Ok(u::table
        .filter(u::tenant_id.eq(tenant_id))
        .count()
        .get_result(conn)?)
}
