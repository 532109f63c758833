//! Identifiers: UUIDv7 (time-ordered, generated in Rust so no backend needs RETURNING),
//! stored as TEXT, wrapped per entity so a user id can't be passed where an org id is due.

use std::fmt;

macro_rules! id_type {
    ($($(#[$meta:meta])* $name:ident),+ $(,)?) => {$(
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// A fresh UUIDv7.
            pub fn new() -> Self {
                Self(uuid::Uuid::now_v7().to_string())
            }
            /// Parses a UUID given by a client; canonicalises to lower-case hyphenated form.
            pub fn parse(text: &str) -> Result<Self, InvalidId> {
                uuid::Uuid::parse_str(text)
                    .map(|u| Self(u.to_string()))
                    .map_err(|_| InvalidId(text.chars().take(64).collect()))
            }
            /// Wraps an id read from our own database.
            pub fn from_db(text: String) -> Self {
                Self(text)
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    )+};
}

id_type!(
    /// A tenant: one county (one in the demo; many in a state-wide installation).
    TenantId,
    OrgId,
    UserId,
    MunicipalityId,
    PersonId,
    TokenId,
    JobId,
);

/// Text that is not a UUID.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a valid id (expected a UUID)")]
pub struct InvalidId(pub String);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_ids_are_v7_and_ordered() {
        let a = UserId::new();
        let b = UserId::new();
        assert!(a < b || a.as_str()[..13] == b.as_str()[..13]);
        assert_eq!(
            uuid::Uuid::parse_str(a.as_str()).unwrap().get_version_num(),
            7
        );
    }

    #[test]
    fn parse_rejects_garbage_and_canonicalises() {
        assert!(OrgId::parse("not-an-id").is_err());
        let id = OrgId::parse("0192F0A4-7B8C-7D4E-9F00-0123456789AB").unwrap();
        assert_eq!(id.as_str(), "0192f0a4-7b8c-7d4e-9f00-0123456789ab");
    }
}
