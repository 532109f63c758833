//! Organisations of the network. Every change is audited in the same transaction.

use ankommen_domain::OrgKind;
use ankommen_domain::ids::OrgId;
use ankommen_domain::validate::FieldError;
use diesel::prelude::*;
use serde::Serialize;
use time::PrimitiveDateTime;

use crate::audit::{self, Entry};
use crate::schema::organisations as o;
use crate::{Db, DbError, DbResult, Who, check_versioned_update, now, write_tx};

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = o)]
pub struct Organisation {
    pub id: String,
    pub tenant_id: String,
    pub name: String,
    pub kind: String,
    pub parent_id: Option<String>,
    pub municipality_id: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub disabled: bool,
    #[serde(skip)]
    pub updated_at: PrimitiveDateTime,
    pub version: i32,
}

impl Organisation {
    /// The kind as an enum; rows are only ever written from `OrgKind`.
    pub fn kind(&self) -> Option<OrgKind> {
        OrgKind::parse(&self.kind).ok()
    }
}

/// Validated input for create and update.
#[derive(Debug, Clone)]
pub struct OrgInput {
    pub name: String,
    pub kind: OrgKind,
    pub parent_id: Option<String>,
    pub municipality_id: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

pub fn list(conn: &mut Db, tenant_id: &str) -> DbResult<Vec<Organisation>> {
    Ok(o::table
        .filter(o::tenant_id.eq(tenant_id))
        .order(o::name)
        .select(Organisation::as_select())
        .load(conn)?)
}

pub fn get(conn: &mut Db, tenant_id: &str, id: &str) -> DbResult<Organisation> {
    Ok(o::table
        .filter(o::tenant_id.eq(tenant_id))
        .filter(o::id.eq(id))
        .select(Organisation::as_select())
        .first(conn)?)
}

pub fn by_name(conn: &mut Db, tenant_id: &str, name: &str) -> DbResult<Option<Organisation>> {
    Ok(o::table
        .filter(o::tenant_id.eq(tenant_id))
        .filter(o::name.eq(name))
        .select(Organisation::as_select())
        .first(conn)
        .optional()?)
}

fn check_refs(
    conn: &mut Db,
    tenant_id: &str,
    input: &OrgInput,
    self_id: Option<&str>,
) -> DbResult<()> {
    if let Some(parent) = &input.parent_id {
        if Some(parent.as_str()) == self_id {
            return Err(FieldError::new(
                "parent_id",
                "own_parent",
                "an organisation cannot be its own parent",
            )
            .into());
        }
        get(conn, tenant_id, parent)
            .map_err(|_| FieldError::new("parent_id", "no_such_org", "no such organisation"))?;
    }
    if let Some(m) = &input.municipality_id {
        let found: i64 = crate::schema::municipalities::table
            .filter(crate::schema::municipalities::tenant_id.eq(tenant_id))
            .filter(crate::schema::municipalities::id.eq(m))
            .count()
            .get_result(conn)?;
        if found == 0 {
            return Err(FieldError::new(
                "municipality_id",
                "no_such_municipality",
                "no such municipality",
            )
            .into());
        }
    }
    Ok(())
}

fn name_taken(e: DbError) -> DbError {
    match e {
        DbError::Conflict(_) => DbError::Invalid(FieldError::new(
            "name",
            "name_taken",
            "an organisation with this name exists already",
        )),
        other => other,
    }
}

pub fn create(conn: &mut Db, who: Who<'_>, input: &OrgInput) -> DbResult<Organisation> {
    let id = OrgId::new().into_string();
    write_tx(conn, who.tenant_id, |c| {
        check_refs(c, who.tenant_id, input, None)?;
        let t = now();
        diesel::insert_into(o::table)
            .values((
                o::id.eq(&id),
                o::tenant_id.eq(who.tenant_id),
                o::name.eq(&input.name),
                o::kind.eq(input.kind.as_str()),
                o::parent_id.eq(&input.parent_id),
                o::municipality_id.eq(&input.municipality_id),
                o::email.eq(&input.email),
                o::phone.eq(&input.phone),
                o::disabled.eq(false),
                o::created_at.eq(t),
                o::created_by.eq(who.user_id),
                o::updated_at.eq(t),
                o::updated_by.eq(who.user_id),
                o::version.eq(1),
            ))
            .execute(c)
            .map_err(|e| name_taken(e.into()))?;
        audit::append(
            c,
            who,
            Entry::new("organisation.create", "organisation", Some(&id)),
        )?;
        get(c, who.tenant_id, &id)
    })
}

/// Updates all fields and the disabled flag, if `version` is still current.
pub fn update(
    conn: &mut Db,
    who: Who<'_>,
    id: &str,
    version: i32,
    input: &OrgInput,
    disabled: bool,
) -> DbResult<Organisation> {
    write_tx(conn, who.tenant_id, |c| {
        let before = get(c, who.tenant_id, id)?;
        check_refs(c, who.tenant_id, input, Some(id))?;
        let changed = diesel::update(
            o::table
                .filter(o::id.eq(id))
                .filter(o::tenant_id.eq(who.tenant_id))
                .filter(o::version.eq(version)),
        )
        .set((
            o::name.eq(&input.name),
            o::kind.eq(input.kind.as_str()),
            o::parent_id.eq(&input.parent_id),
            o::municipality_id.eq(&input.municipality_id),
            o::email.eq(&input.email),
            o::phone.eq(&input.phone),
            o::disabled.eq(disabled),
            o::updated_at.eq(now()),
            o::updated_by.eq(who.user_id),
            o::version.eq(version + 1),
        ))
        .execute(c)
        .map_err(|e| name_taken(e.into()))?;
        check_versioned_update(c, changed, |c| {
            o::table
                .find(id)
                .select((o::updated_by, o::updated_at))
                .first(c)
        })?;
        let after = get(c, who.tenant_id, id)?;
        let fields = changed_fields(&before, &after);
        audit::append(
            c,
            who,
            Entry::new("organisation.update", "organisation", Some(id))
                .detail(serde_json::json!({ "fields": fields })),
        )?;
        Ok(after)
    })
}

fn changed_fields(a: &Organisation, b: &Organisation) -> Vec<&'static str> {
    let mut f = Vec::new();
    let pairs: [(&'static str, bool); 8] = [
        ("name", a.name != b.name),
        ("kind", a.kind != b.kind),
        ("parent_id", a.parent_id != b.parent_id),
        ("municipality_id", a.municipality_id != b.municipality_id),
        ("email", a.email != b.email),
        ("phone", a.phone != b.phone),
        ("disabled", a.disabled != b.disabled),
        ("version", a.version != b.version),
    ];
    for (name, changed) in pairs {
        if changed && name != "version" {
            f.push(name);
        }
    }
    f
}
