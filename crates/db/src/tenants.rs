//! Tenants: one county each.

use ankommen_domain::ids::TenantId;
use diesel::prelude::*;
use serde::Serialize;

use crate::schema::tenants;
use crate::{Db, DbResult, audit, now};

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = tenants)]
pub struct Tenant {
    pub id: String,
    pub name: String,
    pub slug: String,
}

/// Creates a tenant and its audit chain head.
pub fn create(conn: &mut Db, name: &str, slug: &str) -> DbResult<Tenant> {
    let id = TenantId::new().into_string();
    let t = now();
    conn.transaction(|c| {
        diesel::insert_into(tenants::table)
            .values((
                tenants::id.eq(&id),
                tenants::name.eq(name),
                tenants::slug.eq(slug),
                tenants::created_at.eq(t),
                tenants::updated_at.eq(t),
                tenants::version.eq(1),
            ))
            .execute(c)?;
        audit::create_head(c, &id)
    })?;
    Ok(Tenant {
        id,
        name: name.to_owned(),
        slug: slug.to_owned(),
    })
}

pub fn all(conn: &mut Db) -> DbResult<Vec<Tenant>> {
    Ok(tenants::table
        .order(tenants::name)
        .select(Tenant::as_select())
        .load(conn)?)
}

/// The only tenant, or the first by name when there are several (single-county installations).
pub fn default_tenant(conn: &mut Db) -> DbResult<Option<Tenant>> {
    Ok(tenants::table
        .order(tenants::created_at)
        .select(Tenant::as_select())
        .first(conn)
        .optional()?)
}
