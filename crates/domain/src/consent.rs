//! Consent records (DESIGN.md §5, DOMAIN.md §7): a person allows one organisation to see
//! some classes of their data for a purpose, from a date, possibly until a date, until they
//! withdraw it. Withdrawal takes effect at once. Consent lets the recipient read, never write
//! (the policy, `policy::person_data`, says so); [`active`] computes what a consent grants.

use time::Date;

use crate::DataClass;
use crate::date::PartialDate;
use crate::validate::{FieldError, optional_text, required_text};

/// Maximum length of the purpose.
pub const PURPOSE_MAX: usize = 500;
/// Maximum length of the document reference.
pub const DOCUMENT_REF_MAX: usize = 200;

/// A consent as stored (given, possibly withdrawn).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consent {
    pub scope: Vec<DataClass>,
    pub recipient_org_id: String,
    pub purpose: String,
    pub given_on: Date,
    /// The consent no longer applies from this day on.
    pub expires_on: Option<Date>,
    /// The day it was withdrawn; it no longer applies from this day on.
    pub withdrawn_on: Option<Date>,
    pub document_ref: Option<String>,
}

/// Where a consent stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Given for a later day (only possible for consents stored with a date after today).
    Pending,
    Active,
    Expired,
    Withdrawn,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Active => "active",
            Status::Expired => "expired",
            Status::Withdrawn => "withdrawn",
        }
    }
}

impl Consent {
    /// The status on `today`; withdrawal wins over expiry.
    pub fn status(&self, today: Date) -> Status {
        if self.withdrawn_on.is_some_and(|w| w <= today) {
            Status::Withdrawn
        } else if self.expires_on.is_some_and(|e| e <= today) {
            Status::Expired
        } else if self.given_on > today {
            Status::Pending
        } else {
            Status::Active
        }
    }
}

/// The classes consented to `org_id` on `today` by consents that are given, not expired and
/// not withdrawn; sorted, without duplicates.
pub fn active(consents: &[Consent], org_id: &str, today: Date) -> Vec<DataClass> {
    let mut classes: Vec<DataClass> = consents
        .iter()
        .filter(|c| c.recipient_org_id == org_id && c.status(today) == Status::Active)
        .flat_map(|c| c.scope.iter().copied())
        .collect();
    classes.sort();
    classes.dedup();
    classes
}

/// A consent as typed (form or JSON), before validation.
#[derive(Debug, Clone, Copy, Default)]
pub struct ConsentInput<'a> {
    pub scope: &'a [String],
    pub recipient_org_id: &'a str,
    pub purpose: &'a str,
    pub given_on: &'a str,
    pub expires_on: Option<&'a str>,
    pub document_ref: Option<&'a str>,
}

/// Validates a new consent, collecting every field error. Codes: `scope_empty`,
/// `unknown_value`, `required`, `too_long`, `control_chars`, `malformed_date`,
/// `impossible_date`, `incomplete_date`, `future_date`, `expires_before_given`.
pub fn parse(input: &ConsentInput<'_>, today: Date) -> Result<Consent, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut scope = Vec::new();
    for raw in input.scope.iter().filter(|s| !s.trim().is_empty()) {
        match DataClass::parse(raw.trim()) {
            Ok(c) => scope.push(c),
            Err(e) => errors.push(FieldError::new("scope", "unknown_value", e.to_string())),
        }
    }
    scope.sort();
    scope.dedup();
    if scope.is_empty() && errors.is_empty() {
        errors.push(FieldError::new(
            "scope",
            "scope_empty",
            "choose at least one data class",
        ));
    }
    let recipient = required_text("recipient_org_id", input.recipient_org_id, 64)
        .map_err(|e| errors.push(e))
        .ok();
    let purpose = required_text("purpose", input.purpose, PURPOSE_MAX)
        .map_err(|e| errors.push(e))
        .ok();
    let document_ref = optional_text(
        "document_ref",
        input.document_ref.unwrap_or(""),
        DOCUMENT_REF_MAX,
    )
    .map_err(|e| errors.push(e))
    .ok()
    .flatten();
    let given_on = if input.given_on.trim().is_empty() {
        errors.push(FieldError::new("given_on", "required", "is required"));
        None
    } else {
        match full_date("given_on", input.given_on) {
            Ok(d) if d > today => {
                errors.push(FieldError::new(
                    "given_on",
                    "future_date",
                    format!("{d} lies in the future"),
                ));
                None
            }
            Ok(d) => Some(d),
            Err(e) => {
                errors.push(e);
                None
            }
        }
    };
    let expires_on = match input.expires_on.map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(raw) => match full_date("expires_on", raw) {
            Ok(d) => Some(d),
            Err(e) => {
                errors.push(e);
                None
            }
        },
    };
    if let (Some(g), Some(e)) = (given_on, expires_on)
        && e <= g
    {
        errors.push(FieldError::new(
            "expires_on",
            "expires_before_given",
            "must be after the day the consent was given",
        ));
    }
    match (recipient, purpose, given_on) {
        (Some(recipient_org_id), Some(purpose), Some(given_on)) if errors.is_empty() => {
            Ok(Consent {
                scope,
                recipient_org_id,
                purpose,
                given_on,
                expires_on,
                withdrawn_on: None,
                document_ref,
            })
        }
        _ => Err(errors),
    }
}

/// A complete date in ISO (`2026-11-23`) or German (`23.11.2026`) form.
pub fn full_date(field: &'static str, raw: &str) -> Result<Date, FieldError> {
    PartialDate::parse(field, raw)?
        .as_date()
        .ok_or_else(|| FieldError::new(field, "incomplete_date", "needs day, month and year"))
}

/// The scope as stored: class names joined by commas.
pub fn scope_text(scope: &[DataClass]) -> String {
    scope
        .iter()
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

/// The scope from its stored form; unknown names are skipped (never widen access).
pub fn parse_scope(text: &str) -> Vec<DataClass> {
    text.split(',')
        .filter_map(|s| DataClass::parse(s.trim()).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn consent(scope: &[DataClass], org: &str) -> Consent {
        Consent {
            scope: scope.to_vec(),
            recipient_org_id: org.into(),
            purpose: "Hilfeplan".into(),
            given_on: date!(2026 - 01 - 10),
            expires_on: None,
            withdrawn_on: None,
            document_ref: None,
        }
    }

    const TODAY: Date = date!(2026 - 11 - 23);

    #[test]
    fn active_consents_grant_their_classes_to_their_recipient_only() {
        let cs = [
            consent(&[DataClass::Family, DataClass::Identity], "jugendamt"),
            consent(&[DataClass::Identity, DataClass::Health], "jugendamt"),
            consent(&[DataClass::Contact], "jobcenter"),
        ];
        assert_eq!(
            active(&cs, "jugendamt", TODAY),
            vec![DataClass::Identity, DataClass::Family, DataClass::Health]
        );
        assert_eq!(active(&cs, "jobcenter", TODAY), vec![DataClass::Contact]);
        assert!(active(&cs, "other", TODAY).is_empty());
    }

    #[test]
    fn expired_withdrawn_and_future_consents_grant_nothing() {
        let mut expired = consent(&[DataClass::Family], "j");
        expired.expires_on = Some(TODAY);
        let mut withdrawn = consent(&[DataClass::Family], "j");
        withdrawn.withdrawn_on = Some(TODAY);
        let mut later = consent(&[DataClass::Family], "j");
        later.given_on = date!(2026 - 11 - 24);
        for c in [&expired, &withdrawn, &later] {
            assert!(
                active(std::slice::from_ref(c), "j", TODAY).is_empty(),
                "{c:?}"
            );
        }
        assert_eq!(expired.status(TODAY), Status::Expired);
        assert_eq!(withdrawn.status(TODAY), Status::Withdrawn);
        assert_eq!(later.status(TODAY), Status::Pending);
        // Not yet expired, withdrawn only tomorrow: still active today.
        let mut c = consent(&[DataClass::Family], "j");
        c.expires_on = Some(date!(2026 - 11 - 24));
        c.withdrawn_on = Some(date!(2026 - 11 - 24));
        assert_eq!(active(&[c], "j", TODAY), vec![DataClass::Family]);
    }

    fn input<'a>(
        scope: &'a [String],
        given: &'a str,
        expires: Option<&'a str>,
    ) -> ConsentInput<'a> {
        ConsentInput {
            scope,
            recipient_org_id: "org-1",
            purpose: "Hilfeplanung",
            given_on: given,
            expires_on: expires,
            document_ref: Some("Akte 12/26"),
        }
    }

    fn codes(r: Result<Consent, Vec<FieldError>>) -> Vec<(&'static str, &'static str)> {
        r.unwrap_err().iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn valid_input_parses() {
        let scope = vec!["family".to_owned(), "identity".to_owned(), "family".into()];
        let c = parse(&input(&scope, "23.11.2026", Some("2027-11-23")), TODAY).unwrap();
        assert_eq!(c.scope, vec![DataClass::Identity, DataClass::Family]);
        assert_eq!(c.given_on, TODAY);
        assert_eq!(c.expires_on, Some(date!(2027 - 11 - 23)));
        assert_eq!(scope_text(&c.scope), "identity,family");
        assert_eq!(parse_scope("identity,family,bogus"), c.scope);
    }

    #[test]
    fn invalid_input_names_every_field() {
        let empty: Vec<String> = vec![];
        assert_eq!(
            codes(parse(&input(&empty, "2026-11-24", None), TODAY)),
            vec![("scope", "scope_empty"), ("given_on", "future_date")]
        );
        let scope = vec!["family".to_owned()];
        assert_eq!(
            codes(parse(
                &input(&scope, "2026-11-01", Some("2026-10-01")),
                TODAY
            )),
            vec![("expires_on", "expires_before_given")]
        );
        assert_eq!(
            codes(parse(&input(&scope, "2026", Some("31.02.2027")), TODAY)),
            vec![
                ("given_on", "incomplete_date"),
                ("expires_on", "impossible_date")
            ]
        );
        let bad = vec!["secrets".to_owned()];
        let long = "x".repeat(501);
        let r = parse(
            &ConsentInput {
                purpose: &long,
                recipient_org_id: " ",
                given_on: "",
                document_ref: Some(&"y".repeat(201)),
                ..input(&bad, "", None)
            },
            TODAY,
        );
        assert_eq!(
            codes(r),
            vec![
                ("scope", "unknown_value"),
                ("recipient_org_id", "required"),
                ("purpose", "too_long"),
                ("document_ref", "too_long"),
                ("given_on", "required"),
            ]
        );
    }
}
