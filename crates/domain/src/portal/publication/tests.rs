use super::*;
use proptest::prelude::*;

#[test]
fn the_editorial_path() {
    let s = next(State::Draft, Action::SubmitForReview).unwrap();
    assert_eq!(s, State::Review);
    assert_eq!(next(s, Action::Reject), Ok(State::Draft));
    let s = next(s, Action::Publish).unwrap();
    assert!(s.is_public());
    assert_eq!(next(s, Action::Unpublish), Ok(State::Draft));
    let s = next(s, Action::Archive).unwrap();
    assert!(!s.is_public());
    assert_eq!(next(s, Action::Unarchive), Ok(State::Draft));
}

#[test]
fn shortcuts_are_refused_with_a_hint() {
    let e = next(State::Draft, Action::Publish).unwrap_err();
    assert_eq!(e.hint, "submit it for review first");
    assert_eq!(
        e.to_string(),
        "a draft page cannot 'publish': submit it for review first"
    );
    assert_eq!(
        next(State::Archived, Action::Publish).unwrap_err().hint,
        "unarchive it first"
    );
    assert!(next(State::Archived, Action::Archive).is_err());
    assert!(next(State::Draft, Action::Unarchive).is_err());
    assert!(next(State::Draft, Action::Unpublish).is_err());
    assert!(next(State::Published, Action::Reject).is_err());
    assert_eq!(TransitionError::CODE, "publication_transition");
}

proptest! {
    #[test]
    fn publishing_needs_a_review_right_before(
        actions in proptest::collection::vec(proptest::sample::select(Action::ALL.to_vec()), 0..30)
    ) {
        let mut state = State::Draft;
        for a in actions {
            if let Ok(to) = next(state, a) {
                if to == State::Published {
                    prop_assert_eq!(state, State::Review);
                }
                if state == State::Archived {
                    prop_assert_eq!(to, State::Draft, "archived content comes back as a draft");
                }
                state = to;
            }
        }
    }
}
