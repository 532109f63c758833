use super::*;
use proptest::prelude::*;

#[test]
fn the_documented_transitions() {
    use Event as E;
    use Status as S;
    assert_eq!(next(S::UpToDate, E::SourceMajorEdit), Ok(S::Outdated));
    assert_eq!(
        next(S::MachineTranslated, E::SourceMajorEdit),
        Ok(S::Outdated)
    );
    assert_eq!(next(S::InTranslation, E::SourceMajorEdit), Ok(S::Outdated));
    assert_eq!(next(S::Missing, E::SourceMajorEdit), Ok(S::Missing));
    assert_eq!(next(S::Missing, E::StartTranslation), Ok(S::InTranslation));
    assert_eq!(
        next(S::Outdated, E::MachineTranslate),
        Ok(S::MachineTranslated)
    );
    assert_eq!(next(S::Missing, E::PublishTranslation), Ok(S::UpToDate));
    assert_eq!(next(S::UpToDate, E::DeleteTranslation), Ok(S::Missing));
}

#[test]
fn integreat_bugs_do_not_happen_here() {
    use Event as E;
    use Status as S;
    // CMS #4385: publishing an outdated translation makes it up to date.
    assert_eq!(next(S::Outdated, E::PublishTranslation), Ok(S::UpToDate));
    // CMS #4397: an outdated former machine translation that a person updates and publishes
    // is up to date, not "machine translated" again.
    let s = next(S::MachineTranslated, E::SourceMajorEdit).unwrap();
    assert_eq!(next(s, E::PublishTranslation), Ok(S::UpToDate));
    // CMS #4254: machine translating an unchanged source does not touch a checked text.
    let e = next(S::UpToDate, E::MachineTranslate).unwrap_err();
    assert_eq!(e.code, "would_overwrite_translation");
}

#[test]
fn impossible_transitions_say_why() {
    use Event as E;
    use Status as S;
    let e = next(S::InTranslation, E::StartTranslation).unwrap_err();
    assert_eq!(e.code, "already_in_translation");
    assert_eq!(
        e.to_string(),
        "a in_translation translation does not allow 'start_translation': someone is already translating it"
    );
    assert_eq!(
        next(S::Missing, E::DeleteTranslation).unwrap_err().code,
        "nothing_to_delete"
    );
    assert_eq!(
        next(S::MachineTranslated, E::MachineTranslate)
            .unwrap_err()
            .code,
        "already_machine_translated"
    );
    assert_eq!(
        next(S::InTranslation, E::MachineTranslate)
            .unwrap_err()
            .code,
        "would_overwrite_translation"
    );
}

#[test]
fn a_major_edit_applies_to_all_languages() {
    let mut statuses = [
        Status::UpToDate,
        Status::Missing,
        Status::MachineTranslated,
        Status::InTranslation,
    ];
    assert!(apply_all(&mut statuses, Event::SourceMajorEdit).is_empty());
    assert_eq!(
        statuses,
        [
            Status::Outdated,
            Status::Missing,
            Status::Outdated,
            Status::Outdated
        ]
    );
    let errors = apply_all(&mut statuses, Event::DeleteTranslation);
    assert_eq!(errors.len(), 1);
    assert_eq!(statuses, [Status::Missing; 4]);
}

#[test]
fn coverage_counts_and_rounds_down() {
    use Status as S;
    let c = coverage([
        S::UpToDate,
        S::UpToDate,
        S::Outdated,
        S::Missing,
        S::MachineTranslated,
        S::InTranslation,
    ]);
    assert_eq!(
        c,
        Coverage {
            total: 6,
            up_to_date: 2,
            outdated: 1,
            in_translation: 1,
            missing: 1,
            machine_translated: 1,
            percent_up_to_date: 33,
        }
    );
    assert_eq!(coverage([S::UpToDate; 3]).percent_up_to_date, 100);
    let almost: Vec<Status> = std::iter::repeat_n(S::UpToDate, 199)
        .chain([S::Outdated])
        .collect();
    assert_eq!(coverage(almost).percent_up_to_date, 99);
    assert_eq!(coverage([]).percent_up_to_date, 100);
    assert!(S::Outdated.needs_work() && !S::InTranslation.needs_work());
    assert!(!S::Missing.exists());
}

fn status() -> impl Strategy<Value = Status> {
    proptest::sample::select(Status::ALL.to_vec())
}

fn event() -> impl Strategy<Value = Event> {
    proptest::sample::select(Event::ALL.to_vec())
}

proptest! {
    #[test]
    fn publishing_last_means_up_to_date(
        start in status(),
        events in proptest::collection::vec(event(), 0..20),
    ) {
        let mut s = start;
        for e in events.iter().copied().chain([Event::PublishTranslation]) {
            if let Ok(to) = next(s, e) {
                s = to;
            }
        }
        prop_assert_eq!(s, Status::UpToDate);
    }

    #[test]
    fn a_major_edit_never_leaves_a_translation_up_to_date(s in status()) {
        let to = next(s, Event::SourceMajorEdit).unwrap();
        prop_assert_ne!(to, Status::UpToDate);
        prop_assert_eq!(to == Status::Missing, s == Status::Missing);
    }

    #[test]
    fn minor_edits_change_nothing(s in status()) {
        prop_assert_eq!(next(s, Event::SourceMinorEdit), Ok(s));
    }

    #[test]
    fn every_pair_is_decided_and_errors_leave_the_status(s in status(), e in event()) {
        match next(s, e) {
            Ok(_) => {}
            Err(err) => {
                prop_assert_eq!(err.from, s);
                prop_assert_eq!(err.event, e);
                prop_assert!(!err.code.is_empty());
            }
        }
    }

    #[test]
    fn coverage_adds_up(statuses in proptest::collection::vec(status(), 0..300)) {
        let c = coverage(statuses.iter().copied());
        prop_assert_eq!(c.total, statuses.len());
        prop_assert_eq!(
            c.up_to_date + c.outdated + c.in_translation + c.missing + c.machine_translated,
            c.total
        );
        prop_assert!(c.percent_up_to_date <= 100);
        prop_assert_eq!(c.percent_up_to_date == 100, c.up_to_date == c.total);
    }
}
