//! Consent records of a person (DESIGN.md §5): create, list, withdraw (versioned; effective
//! at once). Every write lands in the person's history (`person_changes`, field
//! `consent.<id>`, class identity) and in the audit log, in the same transaction. Access
//! decisions are the caller's; the consent arrives validated (`ankommen_domain::consent`).

use crate::dialect::ser_ts;
use ankommen_domain::DataClass;
use ankommen_domain::consent::{self, Consent};
use diesel::prelude::*;
use serde::Serialize;
use time::{Date, PrimitiveDateTime};

use crate::audit::{self, Entry};
use crate::schema::{consents as k, person_changes as pc, persons};
use crate::{Db, DbError, DbResult, Who, check_versioned_update, now, write_tx};

/// One stored consent.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = k)]
pub struct ConsentRow {
    pub id: String,
    #[serde(skip)]
    pub tenant_id: String,
    pub person_id: String,
    pub recipient_org_id: String,
    /// Data class names, comma-separated.
    pub scope: String,
    pub purpose: String,
    pub given_on: String,
    pub expires_on: Option<String>,
    pub withdrawn_on: Option<String>,
    pub withdrawn_by: Option<String>,
    pub document_ref: Option<String>,
    #[serde(serialize_with = "ser_ts")]
    pub created_at: PrimitiveDateTime,
    pub created_by: Option<String>,
    #[serde(serialize_with = "ser_ts")]
    pub updated_at: PrimitiveDateTime,
    pub updated_by: Option<String>,
    pub version: i32,
}

fn iso(raw: &str) -> Option<Date> {
    consent::full_date("date", raw).ok()
}

impl ConsentRow {
    /// The domain value; `None` if the stored dates do not parse (then it grants nothing).
    pub fn to_domain(&self) -> Option<Consent> {
        Some(Consent {
            scope: consent::parse_scope(&self.scope),
            recipient_org_id: self.recipient_org_id.clone(),
            purpose: self.purpose.clone(),
            given_on: iso(&self.given_on)?,
            expires_on: match &self.expires_on {
                Some(e) => Some(iso(e)?),
                None => None,
            },
            // An unreadable withdrawal date counts as withdrawn long ago.
            withdrawn_on: self
                .withdrawn_on
                .as_ref()
                .map(|w| iso(w).unwrap_or(Date::MIN)),
            document_ref: self.document_ref.clone(),
        })
    }
}

/// A person's consents, the newest first.
pub fn list(conn: &mut Db, tenant_id: &str, person_id: &str) -> DbResult<Vec<ConsentRow>> {
    Ok(k::table
        .filter(k::tenant_id.eq(tenant_id))
        .filter(k::person_id.eq(person_id))
        .order((k::given_on.desc(), k::created_at.desc(), k::id.desc()))
        .select(ConsentRow::as_select())
        .load(conn)?)
}

/// The classes of `person_id` consented to `org_id` on `today` (one query).
pub fn active_for(
    conn: &mut Db,
    tenant_id: &str,
    person_id: &str,
    org_id: &str,
    today: Date,
) -> DbResult<Vec<DataClass>> {
    let rows: Vec<ConsentRow> = k::table
        .filter(k::tenant_id.eq(tenant_id))
        .filter(k::person_id.eq(person_id))
        .filter(k::recipient_org_id.eq(org_id))
        .filter(k::withdrawn_on.is_null())
        .select(ConsentRow::as_select())
        .load(conn)?;
    let consents: Vec<Consent> = rows.iter().filter_map(ConsentRow::to_domain).collect();
    Ok(consent::active(&consents, org_id, today))
}

fn get(conn: &mut Db, tenant_id: &str, person_id: &str, id: &str) -> DbResult<ConsentRow> {
    Ok(k::table
        .filter(k::tenant_id.eq(tenant_id))
        .filter(k::person_id.eq(person_id))
        .filter(k::id.eq(id))
        .select(ConsentRow::as_select())
        .first(conn)?)
}

fn summary(c: &ConsentRow) -> String {
    serde_json::json!({
        "recipient_org_id": c.recipient_org_id,
        "scope": c.scope,
        "purpose": c.purpose,
        "given_on": c.given_on,
        "expires_on": c.expires_on,
        "withdrawn_on": c.withdrawn_on,
        "document_ref": c.document_ref,
    })
    .to_string()
}

fn history(
    c: &mut Db,
    who: Who<'_>,
    row: &ConsentRow,
    old: Option<String>,
    t: PrimitiveDateTime,
) -> DbResult<()> {
    diesel::insert_into(pc::table)
        .values((
            pc::id.eq(uuid::Uuid::now_v7().to_string()),
            pc::tenant_id.eq(who.tenant_id),
            pc::person_id.eq(&row.person_id),
            pc::changed_at.eq(t),
            pc::changed_by.eq(who.user_id),
            pc::field.eq(format!("consent.{}", row.id)),
            pc::data_class.eq(DataClass::Identity.as_str()),
            pc::old_value.eq(old),
            pc::new_value.eq(Some(summary(row))),
        ))
        .execute(c)?;
    Ok(())
}

fn audit_entry(c: &mut Db, who: Who<'_>, action: &str, row: &ConsentRow) -> DbResult<()> {
    let classes = [DataClass::Identity];
    let mut entry = Entry::new(action, "person", Some(&row.person_id)).detail(serde_json::json!({
        "consent_id": row.id,
        "recipient_org_id": row.recipient_org_id,
        "scope": row.scope,
    }));
    entry.person_id = Some(&row.person_id);
    entry.data_classes = &classes;
    audit::append(c, who, entry)?;
    Ok(())
}

/// Records a consent of `person_id`.
pub fn create(
    conn: &mut Db,
    who: Who<'_>,
    person_id: &str,
    input: &Consent,
) -> DbResult<ConsentRow> {
    write_tx(conn, who.tenant_id, |c| {
        persons::table
            .filter(persons::tenant_id.eq(who.tenant_id))
            .filter(persons::id.eq(person_id))
            .select(persons::id)
            .first::<String>(c)?;
        let id = uuid::Uuid::now_v7().to_string();
        let t = now();
        diesel::insert_into(k::table)
            .values((
                k::id.eq(&id),
                k::tenant_id.eq(who.tenant_id),
                k::person_id.eq(person_id),
                k::recipient_org_id.eq(&input.recipient_org_id),
                k::scope.eq(consent::scope_text(&input.scope)),
                k::purpose.eq(&input.purpose),
                k::given_on.eq(input.given_on.to_string()),
                k::expires_on.eq(input.expires_on.map(|d| d.to_string())),
                k::document_ref.eq(&input.document_ref),
                k::created_at.eq(t),
                k::created_by.eq(who.user_id),
                k::updated_at.eq(t),
                k::updated_by.eq(who.user_id),
                k::version.eq(1),
            ))
            .execute(c)?;
        let row = get(c, who.tenant_id, person_id, &id)?;
        history(c, who, &row, None, t)?;
        audit_entry(c, who, "consent.create", &row)?;
        Ok(row)
    })
}

/// Withdraws a consent as of `today` if `version` is current (stale → 409 naming who changed
/// it). A consent already withdrawn cannot be withdrawn again.
pub fn withdraw(
    conn: &mut Db,
    who: Who<'_>,
    person_id: &str,
    id: &str,
    version: i32,
    today: Date,
) -> DbResult<ConsentRow> {
    write_tx(conn, who.tenant_id, |c| {
        let before = get(c, who.tenant_id, person_id, id)?;
        if before.withdrawn_on.is_some() {
            return Err(DbError::Conflict(format!(
                "the consent was already withdrawn on {}",
                before.withdrawn_on.as_deref().unwrap_or("")
            )));
        }
        let t = now();
        let changed = diesel::update(
            k::table
                .filter(k::id.eq(id))
                .filter(k::tenant_id.eq(who.tenant_id))
                .filter(k::version.eq(version)),
        )
        .set((
            k::withdrawn_on.eq(Some(today.to_string())),
            k::withdrawn_by.eq(who.user_id),
            k::updated_at.eq(t),
            k::updated_by.eq(who.user_id),
            k::version.eq(version + 1),
        ))
        .execute(c)?;
        check_versioned_update(c, changed, |c| {
            k::table
                .find(id)
                .select((k::updated_by, k::updated_at))
                .first(c)
        })?;
        let row = get(c, who.tenant_id, person_id, id)?;
        history(c, who, &row, Some(summary(&before)), t)?;
        audit_entry(c, who, "consent.withdraw", &row)?;
        crate::referrals::withdraw_for_consent(c, who, id)?;
        Ok(row)
    })
}
