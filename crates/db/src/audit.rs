//! The audit log: append-only, written in the same transaction as the change it records,
//! hash-chained per tenant (DESIGN.md §5). `verify` walks the chain and reports the first
//! broken link.

use crate::dialect::ser_ts;
use ankommen_domain::DataClass;
use ankommen_domain::audit::{EntryFields, GENESIS, chain_hash};
use diesel::prelude::*;
use serde::Serialize;
use time::PrimitiveDateTime;

use crate::dialect::format_ts;
use crate::schema::{audit_heads, audit_log};
use crate::{Db, DbResult, Who, now};

/// How an audited action ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    /// The access policy said no.
    Denied,
}

impl Outcome {
    fn as_str(self) -> &'static str {
        match self {
            Outcome::Ok => "ok",
            Outcome::Denied => "denied",
        }
    }
}

/// An entry to append. `action` is dotted: `user.create`, `session.login`, `person.read`.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    pub action: &'a str,
    pub entity_type: &'a str,
    pub entity_id: Option<&'a str>,
    pub person_id: Option<&'a str>,
    pub data_classes: &'a [DataClass],
    /// Purpose or break-the-glass reason.
    pub purpose: Option<&'a str>,
    pub outcome: Outcome,
    /// Ids and field names only — never names or case data.
    pub detail: serde_json::Value,
}

impl<'a> Entry<'a> {
    pub fn new(action: &'a str, entity_type: &'a str, entity_id: Option<&'a str>) -> Self {
        Self {
            action,
            entity_type,
            entity_id,
            person_id: None,
            data_classes: &[],
            purpose: None,
            outcome: Outcome::Ok,
            detail: serde_json::Value::Object(Default::default()),
        }
    }

    pub fn detail(mut self, detail: serde_json::Value) -> Self {
        self.detail = detail;
        self
    }

    pub fn denied(mut self) -> Self {
        self.outcome = Outcome::Denied;
        self
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = audit_log)]
pub struct AuditRow {
    pub tenant_id: String,
    pub seq: i64,
    #[serde(serialize_with = "ser_ts")]
    pub at: PrimitiveDateTime,
    pub actor_user_id: Option<String>,
    pub action: String,
    pub entity_type: String,
    pub entity_id: Option<String>,
    pub person_id: Option<String>,
    pub data_classes: String,
    pub purpose: Option<String>,
    pub outcome: String,
    pub request_id: Option<String>,
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
}

impl AuditRow {
    fn fields(&self, at: &str) -> String {
        chain_hash(
            &self.prev_hash,
            &EntryFields {
                seq: self.seq,
                tenant_id: &self.tenant_id,
                at,
                actor_user_id: self.actor_user_id.as_deref(),
                action: &self.action,
                entity_type: &self.entity_type,
                entity_id: self.entity_id.as_deref(),
                person_id: self.person_id.as_deref(),
                data_classes: &self.data_classes,
                purpose: self.purpose.as_deref(),
                outcome: &self.outcome,
                request_id: self.request_id.as_deref(),
                detail: &self.detail,
            },
        )
    }

    /// The hash this row should carry given its fields and `prev_hash`.
    pub fn computed_hash(&self) -> String {
        self.fields(&format_ts(self.at))
    }
}

/// Creates the chain head for a new tenant.
pub fn create_head(conn: &mut Db, tenant_id: &str) -> DbResult<()> {
    diesel::insert_into(audit_heads::table)
        .values((
            audit_heads::tenant_id.eq(tenant_id),
            audit_heads::seq.eq(0i64),
            audit_heads::hash.eq(GENESIS),
            audit_heads::updated_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Takes the write lock for the tenant's chain (see [`crate::write_tx`]).
pub fn lock_head(conn: &mut Db, tenant_id: &str) -> DbResult<()> {
    let touched = diesel::update(audit_heads::table.find(tenant_id))
        .set(audit_heads::updated_at.eq(audit_heads::updated_at))
        .execute(conn)?;
    if touched == 0 {
        create_head(conn, tenant_id)?;
    }
    Ok(())
}

/// Appends one entry. Must run inside [`crate::write_tx`] for the same tenant.
pub fn append(conn: &mut Db, who: Who<'_>, entry: Entry<'_>) -> DbResult<i64> {
    let (seq, prev_hash): (i64, String) = audit_heads::table
        .find(who.tenant_id)
        .select((audit_heads::seq, audit_heads::hash))
        .first(conn)?;
    let classes: Vec<&str> = entry.data_classes.iter().map(|c| c.as_str()).collect();
    let mut row = AuditRow {
        tenant_id: who.tenant_id.to_owned(),
        seq: seq + 1,
        at: now(),
        actor_user_id: who.user_id.map(str::to_owned),
        action: entry.action.to_owned(),
        entity_type: entry.entity_type.to_owned(),
        entity_id: entry.entity_id.map(str::to_owned),
        person_id: entry.person_id.map(str::to_owned),
        data_classes: classes.join(","),
        purpose: entry.purpose.map(|p| p.chars().take(500).collect()),
        outcome: entry.outcome.as_str().to_owned(),
        request_id: who.request_id.map(str::to_owned),
        detail: entry.detail.to_string(),
        prev_hash,
        hash: String::new(),
    };
    row.hash = row.computed_hash();
    diesel::insert_into(audit_log::table)
        .values(&row)
        .execute(conn)?;
    diesel::update(audit_heads::table.find(who.tenant_id))
        .set((
            audit_heads::seq.eq(row.seq),
            audit_heads::hash.eq(&row.hash),
            audit_heads::updated_at.eq(row.at),
        ))
        .execute(conn)?;
    Ok(row.seq)
}

/// Appends one entry in its own transaction (for reads and denials, which change nothing else).
pub fn record(conn: &mut Db, who: Who<'_>, entry: Entry<'_>) -> DbResult<i64> {
    crate::write_tx(conn, who.tenant_id, |c| append(c, who, entry))
}

/// The newest entries, newest first, optionally of one actor or one entity.
pub fn recent(
    conn: &mut Db,
    tenant_id: &str,
    limit: i64,
    before_seq: Option<i64>,
    entity_id: Option<&str>,
) -> DbResult<Vec<AuditRow>> {
    let mut q = audit_log::table
        .filter(audit_log::tenant_id.eq(tenant_id))
        .into_boxed();
    if let Some(before) = before_seq {
        q = q.filter(audit_log::seq.lt(before));
    }
    if let Some(id) = entity_id {
        // An entity, an actor, or a person the entry is about (needs, attendance,
        // notifications name the person they concern).
        q = q.filter(
            audit_log::entity_id
                .eq(id)
                .or(audit_log::actor_user_id.eq(id))
                .or(audit_log::person_id.eq(id)),
        );
    }
    Ok(q.order(audit_log::seq.desc())
        .limit(limit.clamp(1, 500))
        .select(AuditRow::as_select())
        .load(conn)?)
}

/// Result of walking one tenant's chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verification {
    pub tenant_id: String,
    pub entries: i64,
    /// The first broken link, if any.
    pub broken: Option<BrokenLink>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BrokenLink {
    pub seq: i64,
    pub reason: String,
}

/// Walks the chain of every tenant in order of `seq`, in pages.
pub fn verify(conn: &mut Db) -> DbResult<Vec<Verification>> {
    let heads: Vec<(String, i64, String)> = audit_heads::table
        .select((audit_heads::tenant_id, audit_heads::seq, audit_heads::hash))
        .order(audit_heads::tenant_id)
        .load(conn)?;
    heads
        .into_iter()
        .map(|(tenant, seq, hash)| verify_tenant(conn, &tenant, seq, &hash))
        .collect()
}

fn verify_tenant(
    conn: &mut Db,
    tenant_id: &str,
    head_seq: i64,
    head_hash: &str,
) -> DbResult<Verification> {
    const PAGE: i64 = 2_000;
    let mut expected_seq = 1i64;
    let mut prev = GENESIS.to_owned();
    let broken = |seq, reason: String| Some(BrokenLink { seq, reason });
    loop {
        let page: Vec<AuditRow> = audit_log::table
            .filter(audit_log::tenant_id.eq(tenant_id))
            .filter(audit_log::seq.ge(expected_seq))
            .order(audit_log::seq.asc())
            .limit(PAGE)
            .select(AuditRow::as_select())
            .load(conn)?;
        let n = page.len() as i64;
        for row in page {
            let result = if row.seq != expected_seq {
                broken(
                    expected_seq,
                    format!(
                        "entry {expected_seq} is missing (next present is {})",
                        row.seq
                    ),
                )
            } else if row.prev_hash != prev {
                broken(row.seq, "its link to the previous entry does not match (an entry before it was changed or removed)".into())
            } else if row.computed_hash() != row.hash {
                broken(
                    row.seq,
                    "its content does not match its hash (the entry was altered)".into(),
                )
            } else {
                None
            };
            if result.is_some() {
                return Ok(Verification {
                    tenant_id: tenant_id.to_owned(),
                    entries: expected_seq - 1,
                    broken: result,
                });
            }
            prev = row.hash;
            expected_seq += 1;
        }
        if n < PAGE {
            break;
        }
    }
    let entries = expected_seq - 1;
    let tail = if entries != head_seq {
        broken(
            entries + 1,
            format!(
                "the chain ends at entry {entries}, but {head_seq} entries were written (entries at the end were removed)"
            ),
        )
    } else if prev != head_hash {
        broken(
            entries,
            "the last entry does not match the recorded chain head".into(),
        )
    } else {
        None
    };
    Ok(Verification {
        tenant_id: tenant_id.to_owned(),
        entries,
        broken: tail,
    })
}
