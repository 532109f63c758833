use super::*;
use proptest::prelude::*;
use time::macros::date;

const TODAY: Date = date!(2026 - 11 - 24);

fn consent(scope: &[DataClass]) -> Consent {
    Consent {
        scope: scope.to_vec(),
        recipient_org_id: "volunteers".into(),
        purpose: "Begleitung".into(),
        given_on: date!(2026 - 10 - 01),
        expires_on: Some(date!(2027 - 10 - 01)),
        withdrawn_on: None,
        document_ref: None,
    }
}

#[test]
fn the_happy_path_and_its_sides() {
    let s = next(State::Draft, Event::Send, Side::Sender, None).unwrap();
    assert_eq!(s, State::Sent);
    assert_eq!(
        next(s, Event::Accept, Side::Sender, None),
        Err(TransitionError::WrongSide("receiver"))
    );
    let s = next(s, Event::Accept, Side::Receiver, None).unwrap();
    assert!(s.grants_access());
    assert!(next(s, Event::Complete, Side::Receiver, Some("  ")).is_err());
    assert_eq!(
        next(s, Event::Complete, Side::Sender, Some("Platz gefunden")),
        Ok(State::Completed)
    );
    assert_eq!(
        next(s, Event::Complete, Side::Receiver, Some("Platz gefunden")),
        Ok(State::Completed)
    );
}

#[test]
fn decline_and_withdraw_need_a_reason_and_the_right_side() {
    assert_eq!(
        next(State::Sent, Event::Decline, Side::Receiver, Some("voll")),
        Ok(State::Declined)
    );
    assert!(next(State::Sent, Event::Decline, Side::Receiver, None).is_err());
    assert!(next(State::Sent, Event::Decline, Side::Sender, Some("x")).is_err());
    assert_eq!(
        next(
            State::Accepted,
            Event::Withdraw,
            Side::Sender,
            Some("Einwilligung widerrufen")
        ),
        Ok(State::Withdrawn)
    );
    assert!(next(State::Accepted, Event::Withdraw, Side::Receiver, Some("x")).is_err());
    assert!(
        next(State::Draft, Event::Accept, Side::Receiver, None).is_err(),
        "drafts are invisible to the receiver"
    );
}

fn any_event() -> impl Strategy<Value = (Event, Side, Option<String>)> {
    (
        proptest::sample::select(Event::ALL.to_vec()),
        proptest::bool::ANY.prop_map(|b| if b { Side::Sender } else { Side::Receiver }),
        proptest::option::of("[a-z ]{0,5}"),
    )
}

proptest! {
    #[test]
    fn final_states_stay_final_and_access_needs_acceptance_by_the_receiver(
        events in proptest::collection::vec(any_event(), 0..12)
    ) {
        let mut state = State::Draft;
        let mut accepted_by_receiver = false;
        for (event, side, text) in &events {
            if let Ok(to) = next(state, *event, *side, text.as_deref()) {
                prop_assert!(!state.is_final(), "left final state {state}");
                if to == State::Accepted {
                    prop_assert_eq!(state, State::Sent);
                    prop_assert_eq!(*side, Side::Receiver);
                    accepted_by_receiver = true;
                }
                if matches!(to, State::Declined | State::Withdrawn | State::Completed) {
                    prop_assert!(text.as_deref().is_some_and(|t| !t.trim().is_empty()));
                }
                state = to;
            }
        }
        if state.grants_access() {
            prop_assert!(accepted_by_receiver);
        }
    }

    #[test]
    fn the_receiver_never_reads_more_than_scope_and_consent(
        scope in proptest::sample::subsequence(DataClass::ALL.to_vec(), 0..=DataClass::ALL.len()),
        granted in proptest::sample::subsequence(DataClass::ALL.to_vec(), 0..=DataClass::ALL.len()),
        state in proptest::sample::select(State::ALL.to_vec()),
        withdrawn in proptest::bool::ANY,
    ) {
        let mut c = consent(&granted);
        if withdrawn {
            c.withdrawn_on = Some(TODAY);
        }
        let r = readable(state, &scope, Some(&c), TODAY);
        prop_assert!(r.iter().all(|x| scope.contains(x) && granted.contains(x)));
        prop_assert!(state == State::Accepted && !withdrawn || r.is_empty());
    }
}

#[test]
fn consent_must_cover_recipient_scope_and_today() {
    let c = consent(&[
        DataClass::Identity,
        DataClass::Contact,
        DataClass::Education,
    ]);
    let k = OrgKind::VolunteerInitiative;
    assert!(
        check_basis(
            Basis::Consent(&c),
            &[DataClass::Contact, DataClass::Education],
            "volunteers",
            k,
            TODAY
        )
        .is_ok()
    );
    let e = check_basis(
        Basis::Consent(&c),
        &[DataClass::Contact, DataClass::Residence],
        "volunteers",
        k,
        TODAY,
    )
    .unwrap_err();
    assert_eq!(e.code, "scope_wider_than_consent");
    assert!(e.message.contains("residence"));
    assert_eq!(
        check_basis(
            Basis::Consent(&c),
            &[DataClass::Contact],
            "others",
            k,
            TODAY
        )
        .unwrap_err()
        .code,
        "consent_other_recipient"
    );
    let e = check_basis(
        Basis::Consent(&c),
        &[DataClass::Contact],
        "volunteers",
        k,
        date!(2027 - 10 - 01),
    )
    .unwrap_err();
    assert_eq!(e.code, "consent_not_active");
    assert!(e.message.contains("expired"));
    assert_eq!(
        check_basis(Basis::None, &[DataClass::Contact], "volunteers", k, TODAY)
            .unwrap_err()
            .code,
        "basis_required"
    );
    assert_eq!(
        check_basis(Basis::Consent(&c), &[], "volunteers", k, TODAY)
            .unwrap_err()
            .code,
        "scope_empty"
    );
}

#[test]
fn legal_bases_only_reach_statutory_recipients_and_never_carry_health_data() {
    let e = check_basis(
        Basis::Legal(LegalBasis::SgbX69),
        &[DataClass::Contact],
        "v",
        OrgKind::VolunteerInitiative,
        TODAY,
    )
    .unwrap_err();
    assert_eq!(e.code, "legal_basis_not_applicable");
    assert!(
        check_basis(
            Basis::Legal(LegalBasis::SgbX69),
            &[DataClass::Contact, DataClass::Education],
            "jc",
            OrgKind::JobCentre,
            TODAY
        )
        .is_ok()
    );
    let e = check_basis(
        Basis::Legal(LegalBasis::SgbX69),
        &[DataClass::Health],
        "jc",
        OrgKind::JobCentre,
        TODAY,
    )
    .unwrap_err();
    assert_eq!(e.code, "special_category_needs_consent");
    assert!(
        check_basis(
            Basis::Legal(LegalBasis::SgbVIII8a),
            &[DataClass::Health, DataClass::Family],
            "ja",
            OrgKind::YouthWelfare,
            TODAY
        )
        .is_ok()
    );
    for basis in LegalBasis::ALL {
        assert!(
            !basis.recipients().contains(&OrgKind::VolunteerInitiative),
            "{basis}"
        );
        assert!(
            !basis.recipients().contains(&OrgKind::CounsellingService),
            "{basis}"
        );
    }
}
