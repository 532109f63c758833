//! Municipalities of a county (towns, municipalities, members of a Samtgemeinde).

use ankommen_domain::ids::MunicipalityId;
use diesel::prelude::*;
use serde::Serialize;

use crate::schema::municipalities;
use crate::{Db, DbResult, Who, now};

#[derive(Debug, Clone, Queryable, Selectable, Serialize, PartialEq)]
#[diesel(table_name = municipalities)]
pub struct Municipality {
    pub id: String,
    pub name: String,
    /// `Stadt` or `Gemeinde`.
    pub kind: String,
    pub samtgemeinde: Option<String>,
    pub postcode: String,
    pub latitude: f64,
    pub longitude: f64,
}

pub struct NewMunicipality<'a> {
    pub name: &'a str,
    pub kind: &'a str,
    pub samtgemeinde: Option<&'a str>,
    pub postcode: &'a str,
    pub latitude: f64,
    pub longitude: f64,
}

pub fn create(conn: &mut Db, who: Who<'_>, m: &NewMunicipality<'_>) -> DbResult<String> {
    let id = MunicipalityId::new().into_string();
    let t = now();
    diesel::insert_into(municipalities::table)
        .values((
            municipalities::id.eq(&id),
            municipalities::tenant_id.eq(who.tenant_id),
            municipalities::name.eq(m.name),
            municipalities::kind.eq(m.kind),
            municipalities::samtgemeinde.eq(m.samtgemeinde),
            municipalities::postcode.eq(m.postcode),
            municipalities::latitude.eq(m.latitude),
            municipalities::longitude.eq(m.longitude),
            municipalities::created_at.eq(t),
            municipalities::created_by.eq(who.user_id),
            municipalities::updated_at.eq(t),
            municipalities::updated_by.eq(who.user_id),
            municipalities::version.eq(1),
        ))
        .execute(conn)?;
    Ok(id)
}

pub fn list(conn: &mut Db, tenant_id: &str) -> DbResult<Vec<Municipality>> {
    Ok(municipalities::table
        .filter(municipalities::tenant_id.eq(tenant_id))
        .order(municipalities::name)
        .select(Municipality::as_select())
        .load(conn)?)
}
