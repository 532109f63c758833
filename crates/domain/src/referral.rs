//! Referrals (DESIGN.md §3, issue 7): the migration centre refers a person to a partner
//! organisation for an offer. A referral is a record with a state machine and a **data scope**:
//! which classes of the person's data the receiver may see while it works on the referral.
//! Sending needs a basis: the person's consent covering recipient and scope, or a named legal
//! basis for a statutory recipient (DOMAIN.md §7: prefer legal bases between agencies, consent
//! for voluntary extras such as volunteers and NGOs).

use time::Date;

use crate::consent::{Consent, Status};
use crate::validate::FieldError;
use crate::{DataClass, OrgKind};

/// Default days a receiver has to react before the sender and the receiver are reminded.
pub const DEFAULT_REMINDER_DAYS: i64 = 7;

crate::text_enum! {
    /// Where a referral stands.
    pub enum State ("referral state") {
        /// Written, not yet sent: the receiver does not see it.
        Draft = "draft",
        /// Waiting for the receiver.
        Sent = "sent",
        /// The receiver works on it and sees the scoped data.
        Accepted = "accepted",
        /// The receiver declined it (with a reason).
        Declined = "declined",
        /// Finished, with an outcome.
        Completed = "completed",
        /// The sender took it back (with a reason).
        Withdrawn = "withdrawn",
    }
}

crate::text_enum! {
    /// What someone does to a referral.
    pub enum Event ("referral action") {
        Send = "send",
        Accept = "accept",
        Decline = "decline",
        Complete = "complete",
        Withdraw = "withdraw",
    }
}

/// Which side of the referral the actor is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Sender,
    Receiver,
}

/// A transition that is not allowed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    #[error("a {from} referral does not allow '{event}'")]
    NotFrom { from: State, event: Event },
    #[error("only the {0} may do this")]
    WrongSide(&'static str),
    #[error("{0}")]
    Missing(&'static str),
}

impl State {
    /// Whether nothing can happen to it any more.
    pub fn is_final(self) -> bool {
        matches!(self, State::Declined | State::Completed | State::Withdrawn)
    }

    /// Whether the receiver may see the person's scoped data in this state.
    pub fn grants_access(self) -> bool {
        self == State::Accepted
    }
}

/// The next state when `side` does `event` to a referral in `from`. `text`: the reason
/// (decline, withdraw) or outcome (complete), required for those.
pub fn next(
    from: State,
    event: Event,
    side: Side,
    text: Option<&str>,
) -> Result<State, TransitionError> {
    use Event as E;
    use State as S;
    let has_text = text.is_some_and(|t| !t.trim().is_empty());
    let (to, allowed_side) = match (from, event) {
        (S::Draft, E::Send) => (S::Sent, Some(Side::Sender)),
        (S::Sent, E::Accept) => (S::Accepted, Some(Side::Receiver)),
        (S::Sent, E::Decline) => (S::Declined, Some(Side::Receiver)),
        (S::Accepted, E::Complete) => (S::Completed, None),
        (S::Draft | S::Sent | S::Accepted, E::Withdraw) => (S::Withdrawn, Some(Side::Sender)),
        _ => return Err(TransitionError::NotFrom { from, event }),
    };
    match allowed_side {
        Some(Side::Sender) if side != Side::Sender => {
            return Err(TransitionError::WrongSide("sender"));
        }
        Some(Side::Receiver) if side != Side::Receiver => {
            return Err(TransitionError::WrongSide("receiver"));
        }
        _ => {}
    }
    match event {
        E::Decline | E::Withdraw if !has_text => {
            Err(TransitionError::Missing("a reason is required"))
        }
        E::Complete if !has_text => Err(TransitionError::Missing("an outcome is required")),
        _ => Ok(to),
    }
}

crate::text_enum! {
    /// Legal bases for sharing without consent (DOMAIN.md §7).
    pub enum LegalBasis ("legal basis") {
        /// § 69 Abs. 1 Nr. 1 SGB X: transfer for a statutory task under the SGB.
        SgbX69 = "sgb_x_69",
        /// § 50 SGB II: data exchange between job centre and employment agency.
        SgbII50 = "sgb_ii_50",
        /// § 8a SGB VIII with § 4 KKG: protection of a child at risk.
        SgbVIII8a = "sgb_viii_8a",
        /// § 71 SGB X with § 87 AufenthG: transfers to the immigration office.
        SgbX71 = "sgb_x_71",
    }
}

impl LegalBasis {
    /// The kinds of recipient this basis allows sharing with.
    pub fn recipients(self) -> &'static [OrgKind] {
        use OrgKind as K;
        match self {
            LegalBasis::SgbX69 => &[
                K::JobCentre,
                K::EmploymentAgency,
                K::YouthWelfare,
                K::MigrationCentre,
            ],
            LegalBasis::SgbII50 => &[K::JobCentre, K::EmploymentAgency],
            LegalBasis::SgbVIII8a => &[K::YouthWelfare],
            LegalBasis::SgbX71 => &[K::ImmigrationOffice],
        }
    }

    /// The legal citation, for records and letters.
    pub fn citation(self) -> &'static str {
        match self {
            LegalBasis::SgbX69 => "§ 69 Abs. 1 Nr. 1 SGB X",
            LegalBasis::SgbII50 => "§ 50 SGB II",
            LegalBasis::SgbVIII8a => "§ 8a SGB VIII, § 4 KKG",
            LegalBasis::SgbX71 => "§ 71 SGB X, § 87 AufenthG",
        }
    }
}

/// What a referral is based on.
#[derive(Debug, Clone, Copy)]
pub enum Basis<'a> {
    Consent(&'a Consent),
    Legal(LegalBasis),
    None,
}

/// Checks that `basis` allows sending `scope` to the organisation `recipient_org_id` of kind
/// `recipient_kind` on `today`. Codes: `basis_required`, `consent_other_recipient`,
/// `consent_not_active`, `scope_wider_than_consent`, `legal_basis_not_applicable`,
/// `special_category_needs_consent`, `scope_empty`.
pub fn check_basis(
    basis: Basis<'_>,
    scope: &[DataClass],
    recipient_org_id: &str,
    recipient_kind: OrgKind,
    today: Date,
) -> Result<(), FieldError> {
    if scope.is_empty() {
        return Err(FieldError::new(
            "scope",
            "scope_empty",
            "choose at least one data class",
        ));
    }
    match basis {
        Basis::None => Err(FieldError::new(
            "basis",
            "basis_required",
            "a referral needs the person's consent or a legal basis",
        )),
        Basis::Consent(c) => {
            if c.recipient_org_id != recipient_org_id {
                return Err(FieldError::new(
                    "consent_id",
                    "consent_other_recipient",
                    "the consent was given for another organisation",
                ));
            }
            let status = c.status(today);
            if status != Status::Active {
                return Err(FieldError::new(
                    "consent_id",
                    "consent_not_active",
                    format!(
                        "the consent is {} and covers nothing today",
                        status.as_str()
                    ),
                ));
            }
            let wider: Vec<&str> = scope
                .iter()
                .filter(|s| !c.scope.contains(s))
                .map(|s| s.as_str())
                .collect();
            if wider.is_empty() {
                Ok(())
            } else {
                Err(FieldError::new(
                    "scope",
                    "scope_wider_than_consent",
                    format!("the consent does not cover: {}", wider.join(", ")),
                ))
            }
        }
        Basis::Legal(l) => {
            if !l.recipients().contains(&recipient_kind) {
                return Err(FieldError::new(
                    "legal_basis",
                    "legal_basis_not_applicable",
                    format!(
                        "{} does not allow sharing with a {}; this needs the person's consent",
                        l.citation(),
                        recipient_kind.as_str().replace('_', " ")
                    ),
                ));
            }
            // GDPR Art. 9: health data leave only with explicit consent or to protect a child.
            if scope.contains(&DataClass::Health) && l != LegalBasis::SgbVIII8a {
                return Err(FieldError::new(
                    "scope",
                    "special_category_needs_consent",
                    "health data (GDPR Art. 9) may be shared only with the person's explicit consent",
                ));
            }
            Ok(())
        }
    }
}

/// The classes a referral currently lets its receiver read: its scope while accepted,
/// narrowed to what the consent still covers when it rests on consent (withdrawn or expired
/// consent: nothing).
pub fn readable(
    state: State,
    scope: &[DataClass],
    consent: Option<&Consent>,
    today: Date,
) -> Vec<DataClass> {
    if !state.grants_access() {
        return vec![];
    }
    match consent {
        None => scope.to_vec(),
        Some(c) if c.status(today) == Status::Active => scope
            .iter()
            .copied()
            .filter(|s| c.scope.contains(s))
            .collect(),
        Some(_) => vec![],
    }
}

#[cfg(test)]
mod tests;
