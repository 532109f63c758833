//! Retention (DESIGN.md §5, GDPR Art. 5(1)(e), § 84 SGB X): each kind of record has a rule,
//! a reference date plus a period; the nightly job anonymises or deletes what is due. The
//! defaults and their reasoning are in docs/data-protection.md. Also: what stands in the way of
//! erasing a person on request (Art. 17(3)(b): a legal obligation to keep the data).

use time::{Date, Month};

crate::text_enum! {
    /// A kind of record with a retention rule.
    pub enum RecordType ("record type") {
        /// A person whose case is closed: anonymised (statistics stay, the person does not).
        ClosedCase = "closed_case",
        /// A referral that ended (declined, completed, withdrawn): deleted.
        Referral = "referral",
        /// A consent that expired or was withdrawn: deleted.
        Consent = "consent",
        /// A break-the-glass access: deleted once its review period is over.
        BreakGlass = "break_glass",
        /// An in-app notification: deleted.
        Notification = "notification",
    }
}

/// What happens to a record that is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disposal {
    Anonymise,
    Delete,
}

/// Shortest and longest period an operator may set, in months.
pub const MIN_MONTHS: u32 = 1;
pub const MAX_MONTHS: u32 = 240;

impl RecordType {
    /// The period when the tenant has not set one, in months (see docs/data-protection.md).
    pub fn default_months(self) -> u32 {
        match self {
            RecordType::ClosedCase => 60,
            RecordType::Referral => 36,
            RecordType::Consent => 36,
            RecordType::BreakGlass => 24,
            RecordType::Notification => 12,
        }
    }

    pub fn disposal(self) -> Disposal {
        match self {
            RecordType::ClosedCase => Disposal::Anonymise,
            _ => Disposal::Delete,
        }
    }

    /// The reference date the period counts from (for display and docs).
    pub fn reference(self) -> &'static str {
        match self {
            RecordType::ClosedCase => "the day the case was closed",
            RecordType::Referral => "the day the referral ended",
            RecordType::Consent => "the day the consent expired or was withdrawn",
            RecordType::BreakGlass => "the day of the access",
            RecordType::Notification => "the day it was created",
        }
    }
}

/// `date` minus `months` calendar months, the day clamped to the month's length.
pub fn months_before(date: Date, months: u32) -> Date {
    let total = date.year() * 12 + i32::from(u8::from(date.month())) - 1 - months as i32;
    let (year, month0) = (total.div_euclid(12), total.rem_euclid(12));
    let month = Month::try_from(month0 as u8 + 1).unwrap_or(Month::January);
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(Date::MIN)
}

/// Records whose reference date lies on or before this day are due on `today`.
pub fn cutoff(today: Date, months: u32) -> Date {
    months_before(today, months)
}

/// Whether a record with `reference` is due on `today` under a period of `months`.
pub fn is_due(reference: Date, months: u32, today: Date) -> bool {
    reference <= cutoff(today, months)
}

/// Validates a period typed by an operator.
pub fn parse_months(raw: &str) -> Result<u32, crate::validate::FieldError> {
    match raw.trim().parse::<u32>() {
        Ok(m) if (MIN_MONTHS..=MAX_MONTHS).contains(&m) => Ok(m),
        _ => Err(crate::validate::FieldError::new(
            "months",
            "out_of_range",
            format!("must be a whole number of months from {MIN_MONTHS} to {MAX_MONTHS}"),
        )),
    }
}

/// What the record shows about a person when erasure is requested.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ErasureFacts {
    pub case_open: bool,
    /// Holds a seat in a course that has not ended: the provider reports attendance to BAMF
    /// for billing (IntV § 8, § 14) until it ends.
    pub course_not_ended: bool,
    /// A course obligation (AufenthG § 44a) on a need that is waiting or placed.
    pub obligation_active: bool,
    /// Referrals sent or accepted: withdraw them first so the receivers are told.
    pub open_referrals: bool,
}

/// Why the person cannot be erased now (empty: erasure may proceed). Codes:
/// `case_open`, `course_not_ended`, `obligation_active`, `open_referrals`.
pub fn erasure_blockers(f: ErasureFacts) -> Vec<&'static str> {
    let mut out = Vec::new();
    if f.case_open {
        out.push("case_open");
    }
    if f.course_not_ended {
        out.push("course_not_ended");
    }
    if f.obligation_active {
        out.push("obligation_active");
    }
    if f.open_referrals {
        out.push("open_referrals");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    #[test]
    fn months_are_calendar_months_clamped_to_the_month() {
        assert_eq!(
            months_before(date!(2026 - 11 - 24), 60),
            date!(2021 - 11 - 24)
        );
        assert_eq!(
            months_before(date!(2026 - 03 - 31), 1),
            date!(2026 - 02 - 28)
        );
        assert_eq!(
            months_before(date!(2026 - 01 - 15), 13),
            date!(2024 - 12 - 15)
        );
        assert_eq!(
            months_before(date!(2024 - 02 - 29), 12),
            date!(2023 - 02 - 28)
        );
    }

    #[test]
    fn due_on_the_anniversary_not_before() {
        let closed = date!(2021 - 11 - 24);
        assert!(is_due(closed, 60, date!(2026 - 11 - 24)));
        assert!(!is_due(closed, 60, date!(2026 - 11 - 23)));
    }

    #[test]
    fn periods_are_checked() {
        assert_eq!(parse_months("36"), Ok(36));
        assert!(parse_months("0").is_err());
        assert!(parse_months("241").is_err());
        assert!(parse_months("drei").is_err());
        for r in RecordType::ALL {
            assert!((MIN_MONTHS..=MAX_MONTHS).contains(&r.default_months()));
        }
    }

    #[test]
    fn erasure_is_blocked_by_each_legal_reason() {
        assert!(erasure_blockers(ErasureFacts::default()).is_empty());
        let all = ErasureFacts {
            case_open: true,
            course_not_ended: true,
            obligation_active: true,
            open_referrals: true,
        };
        assert_eq!(erasure_blockers(all).len(), 4);
    }

    proptest! {
        #[test]
        fn due_is_monotone_in_time_and_period(y in 2000i32..2040, d in 0u16..365, months in MIN_MONTHS..=MAX_MONTHS, later in 0i64..4000) {
            let reference = Date::from_ordinal_date(y, d + 1).unwrap();
            let today = date!(2026 - 11 - 24);
            if is_due(reference, months, today) {
                prop_assert!(is_due(reference, months, today + time::Duration::days(later)));
                prop_assert!(months == MIN_MONTHS || is_due(reference, months - 1, today));
            }
            prop_assert!(cutoff(today, months) < today);
        }
    }
}
