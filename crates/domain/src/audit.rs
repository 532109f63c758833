//! The audit chain: each entry's hash covers its own fields and the previous entry's hash, so
//! altering or deleting any row breaks every link after it (DESIGN.md §5).

use sha2::{Digest, Sha256};

/// Hash of the (virtual) entry before the first one.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The fields of one audit entry that the hash covers, in a fixed order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryFields<'a> {
    pub seq: i64,
    pub tenant_id: &'a str,
    pub at: &'a str,
    pub actor_user_id: Option<&'a str>,
    pub action: &'a str,
    pub entity_type: &'a str,
    pub entity_id: Option<&'a str>,
    pub person_id: Option<&'a str>,
    pub data_classes: &'a str,
    pub purpose: Option<&'a str>,
    pub outcome: &'a str,
    pub request_id: Option<&'a str>,
    pub detail: &'a str,
}

/// `sha256(prev_hash ‖ fields)` as lower-case hex. Each field is length-prefixed so that no
/// two different entries serialise to the same bytes.
pub fn chain_hash(prev_hash: &str, e: &EntryFields<'_>) -> String {
    let mut h = Sha256::new();
    let mut put = |s: &str| {
        h.update((s.len() as u64).to_be_bytes());
        h.update(s.as_bytes());
    };
    let seq = e.seq.to_string();
    for field in [
        Some(prev_hash),
        Some(seq.as_str()),
        Some(e.tenant_id),
        Some(e.at),
        e.actor_user_id,
        Some(e.action),
        Some(e.entity_type),
        e.entity_id,
        e.person_id,
        Some(e.data_classes),
        e.purpose,
        Some(e.outcome),
        e.request_id,
        Some(e.detail),
    ] {
        match field {
            Some(s) => put(s),
            None => put("\u{0}null"),
        }
    }
    hex::encode(h.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(seq: i64, action: &str) -> EntryFields<'_> {
        EntryFields {
            seq,
            tenant_id: "t",
            at: "2026-11-23T10:00:00Z",
            actor_user_id: Some("u"),
            action,
            entity_type: "user",
            entity_id: Some("e"),
            person_id: None,
            data_classes: "",
            purpose: None,
            outcome: "ok",
            request_id: None,
            detail: "{}",
        }
    }

    #[test]
    fn hash_depends_on_every_field_and_on_prev() {
        let base = chain_hash(GENESIS, &entry(1, "user.create"));
        assert_eq!(base.len(), 64);
        assert_eq!(base, chain_hash(GENESIS, &entry(1, "user.create")));
        assert_ne!(base, chain_hash(GENESIS, &entry(2, "user.create")));
        assert_ne!(base, chain_hash(GENESIS, &entry(1, "user.update")));
        assert_ne!(base, chain_hash(&base, &entry(1, "user.create")));
        let mut none = entry(1, "user.create");
        none.actor_user_id = None;
        assert_ne!(base, chain_hash(GENESIS, &none));
    }

    #[test]
    fn field_boundaries_are_unambiguous() {
        let mut a = entry(1, "ab");
        a.entity_type = "c";
        let mut b = entry(1, "a");
        b.entity_type = "bc";
        assert_ne!(chain_hash(GENESIS, &a), chain_hash(GENESIS, &b));
    }
}
