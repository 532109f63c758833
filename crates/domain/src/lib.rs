//! Pure domain of ankommen: the kinds of organisations and roles in a county's migration
//! network, the access policy every handler consults, validated input types and the
//! audit chain's hashing. No I/O, no async: everything here is testable as plain functions.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod assessment;
pub mod attendance;
pub mod audit;
pub mod cefr;
pub mod consent;
pub mod course;
pub mod data_class;
pub mod date;
pub mod eligibility;
pub mod ids;
pub mod matching;
pub mod offer;
pub mod org;
pub mod password;
pub mod person;
pub mod plan;
pub mod policy;
pub mod portal;
pub mod referral;
pub mod residence;
pub mod retention;
pub mod role;
pub mod validate;

pub use data_class::DataClass;
pub use org::OrgKind;
pub use role::Role;

/// An enum value given as text that is not one of the known values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} '{value}'; expected one of: {expected}")]
pub struct UnknownValue {
    pub what: &'static str,
    pub value: String,
    pub expected: String,
}

/// Implements `as_str`, `parse`, `ALL`, `Display` and serde for a fieldless enum whose text
/// form is given per variant. The text form is what the database and the API carry.
#[macro_export]
macro_rules! text_enum {
    ($(#[$meta:meta])* $vis:vis enum $name:ident ($what:literal) { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable text form (database, API, CLI).
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the text form.
            pub fn parse(value: &str) -> Result<Self, $crate::UnknownValue> {
                match value {
                    $($text => Ok($name::$variant),)+
                    _ => Err($crate::UnknownValue {
                        what: $what,
                        value: value.chars().take(64).collect(),
                        expected: [$($text),+].join(", "),
                    }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                $name::parse(&text).map_err(serde::de::Error::custom)
            }
        }
    };
}
